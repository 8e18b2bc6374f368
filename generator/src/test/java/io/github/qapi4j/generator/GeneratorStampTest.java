/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-to-date check ({@link Stamp}): skipped runs report everything unchanged; any change runs. */
class GeneratorStampTest {
    static final String SCHEMA = "{ 'enum': 'Color', 'data': [ 'red', 'blue' ] }\n"
            + "{ 'struct': 'Paint', 'data': { 'color': 'Color', '*name': 'str' } }\n"
            + "{ 'include': 'more.json' }\n";

    @Test
    void unchangedInputsSkipTheRunAndAnyChangeRunsIt(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("s.json"), SCHEMA);
        Files.writeString(in.resolve("more.json"), "{ 'struct': 'Brush', 'data': { 'size': 'int' } }\n");
        Path out = tmp.resolve("out");
        GenerationRequest req = new GenerationRequest(in, "s.json", out, "p", FrontEndOptions.LENIENT, null);

        GenerationResult first = Generator.generate(req);
        assertThat(first.succeeded()).isTrue();
        assertThat(first.written()).contains(out.resolve("p/Paint.java"), out.resolve("p/Brush.java"),
                out.resolve("p/Color.java"));
        int n = first.written().size();
        assertThat(out.resolve("p").resolve(Stamp.FILE)).exists();

        GenerationResult second = Generator.generate(req);
        assertThat(second.written()).isEmpty();
        assertThat(second.unchanged()).containsExactlyInAnyOrderElementsOf(first.written());

        // an edited output is restored
        Path paint = out.resolve("p/Paint.java");
        String original = Files.readString(paint);
        Files.writeString(paint, original + "// edited\n");
        assertThat(Generator.generate(req).written()).containsExactly(paint);
        assertThat(Files.readString(paint)).isEqualTo(original);

        // a touched output is compared (nothing rewritten), then stamped again
        Files.setLastModifiedTime(paint, FileTime.fromMillis(1000));
        GenerationResult touched = Generator.generate(req);
        assertThat(touched.written()).isEmpty();
        assertThat(touched.unchanged()).hasSize(n);

        // a deleted output comes back
        Files.delete(paint);
        assertThat(Generator.generate(req).written()).containsExactly(paint);

        // a changed included file is seen
        Files.writeString(in.resolve("more.json"), "{ 'struct': 'Brush', 'data': { 'width': 'int' } }\n");
        GenerationResult changed = Generator.generate(req);
        assertThat(changed.written()).containsExactly(out.resolve("p/Brush.java"));
        assertThat(Files.readString(out.resolve("p/Brush.java"), StandardCharsets.UTF_8)).contains("width");

        // other options are another key
        GenerationResult otherPkg = Generator.generate(req.withPackage("q"));
        assertThat(otherPkg.written()).hasSize(n);
    }
}
