/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("BuildState: incremental generation")
class BuildStateTest {

    @TempDir
    Path dir;

    Path schema;
    Path out;
    Path stateFile;

    @BeforeEach
    void setUp() throws Exception {
        schema = Files.writeString(dir.resolve("a.json"), "{ 'enum': 'E', 'data': [ 'x' ] }\n");
        out = dir.resolve("out");
        stateFile = dir.resolve("state/generate.state");
    }

    BuildState state(String fingerprint) {
        return new BuildState(stateFile, out, fingerprint, null);
    }

    @Test
    @DisplayName("a first run is never up to date; a second one with the same inputs is")
    void secondRunIsUpToDate() throws Exception {
        assertThat(state("f").upToDate()).isFalse();
        BuildState.Written w = state("f").write(Map.of("p/E.java", "class E {}"), List.of(schema));
        assertThat(w.changed()).isEqualTo(1);
        assertThat(out.resolve("p/E.java")).hasContent("class E {}");
        assertThat(state("f").upToDate()).isTrue();
    }

    @Test
    @DisplayName("other options, a changed input or a deleted output make the run stale")
    void changes() throws Exception {
        state("f").write(Map.of("p/E.java", "class E {}"), List.of(schema));
        assertThat(state("g").upToDate()).as("other fingerprint").isFalse();

        Files.writeString(schema, "{ 'enum': 'E', 'data': [ 'y' ] }\n");
        assertThat(state("f").upToDate()).as("edited input").isFalse();

        state("f").write(Map.of("p/E.java", "class E {}"), List.of(schema));
        Files.delete(out.resolve("p/E.java"));
        assertThat(state("f").upToDate()).as("deleted output").isFalse();
    }

    @Test
    @DisplayName("an input edited without its time changing (timestamp granularity) is still seen")
    void racyEdit() throws Exception {
        FileTime before = Files.getLastModifiedTime(schema);
        state("f").write(Map.of("p/E.java", "class E {}"), List.of(schema));
        Files.writeString(schema, "{ 'enum': 'E', 'data': [ 'z' ] }\n");
        Files.setLastModifiedTime(schema, before);
        assertThat(state("f").upToDate()).isFalse();
    }

    @Test
    @DisplayName("an old input is checked by size and time alone")
    void oldInputByTime() throws Exception {
        Files.setLastModifiedTime(schema, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        FileTime old = Files.getLastModifiedTime(schema);
        state("f").write(Map.of("p/E.java", "class E {}"), List.of(schema));
        assertThat(Files.readString(stateFile)).contains(" " + old.toMillis() + " ");
        assertThat(state("f").upToDate()).isTrue();
    }

    @Test
    @DisplayName("a touched input with the same content is still up to date")
    void touchedInput() throws Exception {
        state("f").write(Map.of("p/E.java", "class E {}"), List.of(schema));
        Files.setLastModifiedTime(schema, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertThat(state("f").upToDate()).isTrue();
    }

    @Test
    @DisplayName("files no longer generated are removed, unchanged files are not rewritten")
    void staleFilesRemoved() throws Exception {
        state("f").write(Map.of("p/E.java", "class E {}", "p/q/F.java", "class F {}"), List.of(schema));
        FileTime before = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(out.resolve("p/E.java"), before);

        BuildState.Written w = state("f").write(Map.of("p/E.java", "class E {}"), List.of(schema));

        assertThat(w).isEqualTo(new BuildState.Written(0, 1));
        assertThat(out.resolve("p/q/F.java")).doesNotExist();
        assertThat(out.resolve("p/q")).doesNotExist();
        assertThat(Files.getLastModifiedTime(out.resolve("p/E.java"))).isEqualTo(before);
    }

    @Test
    @DisplayName("with discovery, a new schema file in the directory makes the run stale")
    void newSchemaFile() throws Exception {
        BuildState s = new BuildState(stateFile, out, "f", dir);
        s.write(Map.of(), List.of(schema));
        assertThat(new BuildState(stateFile, out, "f", dir).upToDate()).isTrue();
        Files.writeString(dir.resolve("b.json"), "{ 'enum': 'B', 'data': [ 'x' ] }\n");
        assertThat(new BuildState(stateFile, out, "f", dir).upToDate()).isFalse();
    }
}
