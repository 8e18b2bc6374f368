/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.generator.emit.JavaEmitter;
import io.github.qapi4j.generator.model.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files go to the output as they are rendered ({@link JavaEmitter.FileSink}): the result still
 * lists them in the emitter's order, a schema with errors writes nothing, and a failing write
 * stops the run with its error.
 */
class GeneratorOutputTest {
    @TempDir
    Path tmp;

    /** Enough types that renderings are under way when the last definition is built. */
    private static String types(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("{ 'struct': 'Box").append(i).append("Item', 'data': { 'a': 'str', '*b': 'int' } }\n");
            s.append("{ 'enum': 'Kind").append(i).append("Item', 'data': [ 'x', 'y-z' ] }\n");
        }
        return s.toString();
    }

    @Test
    void writtenFilesMatchTheEmitterInOrderAndContent() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("s.json"), types(40));
        Path out = tmp.resolve("out");
        GenerationResult r = Generator.generate(new GenerationRequest(in, "s.json", out, "p", FrontEndOptions.LENIENT,
                null));

        Schema schema = FrontEnd.load(in, "s.json", FrontEndOptions.LENIENT);
        Map<String, String> expected = JavaEmitter.emit(schema, "s.json", "p", null);
        List<Path> order = new ArrayList<>();
        for (String path : expected.keySet()) {
            order.add(out.resolve(path));
        }
        assertThat(r.written()).containsExactlyElementsOf(order);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(out.resolve(e.getKey())).hasContent(e.getValue());
        }
    }

    @Test
    void aSchemaWithANamingErrorWritesNothing() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        // The clash is found while building the last spec, after many files were rendered.
        Files.writeString(in.resolve("s.json"), types(60)
                + "{ 'struct': 'Clash', 'data': { 'x1': 'str', 'x-1': 'int' } }\n");
        Path out = tmp.resolve("out");
        GenerationResult r = Generator.generate(new GenerationRequest(in, "s.json", out, "p", FrontEndOptions.LENIENT,
                null));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.diagnostics().get(0).toString()).endsWith("'x-1' and 'x1' both map to Java name 'x1' in struct Clash");
        assertThat(out).doesNotExist();

        Schema schema = FrontEnd.load(in, "s.json", FrontEndOptions.LENIENT);
        AtomicInteger delivered = new AtomicInteger();
        assertThatThrownBy(() -> JavaEmitter.emit(schema, "s.json", "p", null, (path, content) -> delivered
                .incrementAndGet())).hasMessageContaining("both map to Java name 'x1'");
        assertThat(delivered).hasValue(0);
    }

    @Test
    void theSinkTakesEveryFileOnceAndItsErrorStopsTheRun() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("s.json"), types(30));
        Schema schema = FrontEnd.load(in, "s.json", FrontEndOptions.LENIENT);
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        List<String> paths = JavaEmitter.emit(schema, "s.json", "p", null, (path, content) -> seen.merge(path, 1,
                Integer::sum));
        assertThat(paths).hasSize(60).doesNotHaveDuplicates();
        assertThat(seen).containsOnlyKeys(paths).allSatisfy((path, n) -> assertThat(n).isEqualTo(1));

        assertThatThrownBy(() -> JavaEmitter.emit(schema, "s.json", "p", null, (path, content) -> {
            if (path.endsWith("/Box17Item.java")) {
                throw new IOException("disk full: " + path);
            }
        })).isInstanceOf(IOException.class).hasMessage("disk full: p/Box17Item.java");
    }
}
