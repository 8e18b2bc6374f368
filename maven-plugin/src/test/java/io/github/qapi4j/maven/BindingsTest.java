/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Bindings: the call into the generator")
class BindingsTest {

    @TempDir
    Path dir;

    Bindings.Request request(List<Path> schemas) {
        return new Bindings.Request(
                dir, schemas, dir.resolve("out"), dir.resolve("staging"), "com.example", List.of(), false);
    }

    @Test
    @DisplayName("one entry: the generator writes the files; the include closure is the input set")
    void oneEntry() throws Exception {
        Files.writeString(dir.resolve("api.json"), "{ 'include': 'types.json' }\n{ 'command': 'ping' }\n");
        Files.writeString(dir.resolve("types.json"), "{ 'enum': 'Colour', 'data': [ 'red' ] }\n");

        Bindings.Result r = Bindings.generate(request(List.of(dir.resolve("api.json"))));

        assertThat(r.errors()).isEmpty();
        assertThat(r.staged()).isNull();
        assertThat(r.files()).contains("com/example/Colour.java");
        assertThat(r.inputs()).containsExactlyInAnyOrder(dir.resolve("api.json"), dir.resolve("types.json"));
        assertThat(dir.resolve("out/com/example/Colour.java")).exists();
    }

    @Test
    @DisplayName("several entries: generated apart and merged, shared types once")
    void severalEntries() throws Exception {
        Files.writeString(dir.resolve("common.json"), "{ 'enum': 'Colour', 'data': [ 'red' ] }\n");
        Files.writeString(dir.resolve("a.json"), "{ 'include': 'common.json' }\n{ 'enum': 'Alpha', 'data': [ 'x' ] }\n");
        Files.writeString(dir.resolve("b.json"), "{ 'include': 'common.json' }\n{ 'enum': 'Beta', 'data': [ 'y' ] }\n");

        Bindings.Result r = Bindings.generate(request(List.of(dir.resolve("a.json"), dir.resolve("b.json"))));

        assertThat(r.errors()).isEmpty();
        assertThat(r.staged()).containsKeys("com/example/Alpha.java", "com/example/Beta.java", "com/example/Colour.java");
        assertThat(r.files()).isEqualTo(r.staged().keySet());
    }

    @Test
    @DisplayName("a bad schema gives QEMU's located message, relative to the project")
    void error() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{ 'enum': 'Colour', 'data': [ 'red' ] }\n{ 'command': 'x', 'bogus': true }\n");

        Bindings.Result r = Bindings.generate(request(List.of(dir.resolve("bad.json"))));

        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0)).contains("bad.json:2: ");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
