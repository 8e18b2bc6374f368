/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SchemaDiscovery: default entry files")
class SchemaDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("entries are the .json files no other file includes; commented includes do not count")
    void entries() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("main.json"), "{ 'include': 'sub/common.json' }\n");
        Files.writeString(dir.resolve("sub/common.json"), "{ 'include': 'types.json' }\n");
        Files.writeString(dir.resolve("sub/types.json"), "{ 'enum': 'E', 'data': [] }\n");
        Files.writeString(dir.resolve("other.json"), "# { 'include': 'lonely.json' }\n");
        Files.writeString(dir.resolve("lonely.json"), "{ 'enum': 'L', 'data': [] }\n");
        Files.writeString(dir.resolve("notes.txt"), "{ 'include': 'other.json' }\n");

        assertThat(SchemaDiscovery.entries(dir))
                .containsExactly(dir.resolve("lonely.json"), dir.resolve("main.json"), dir.resolve("other.json"));
    }

    @Test
    @DisplayName("a missing directory has no entries")
    void missing() throws Exception {
        assertThat(SchemaDiscovery.entries(dir.resolve("nope"))).isEmpty();
    }
}
