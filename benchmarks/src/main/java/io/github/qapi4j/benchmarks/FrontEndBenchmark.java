/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import io.github.qapi4j.generator.FrontEnd;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.parse.ParsedSchema;
import io.github.qapi4j.generator.parse.SchemaParser;
import io.github.qapi4j.generator.source.SchemaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm, in-process parse and check of QEMU 10.2.50's whole QMP schema ({@code qapi/qapi-schema.json},
 * 48 files, about 1,000 definitions and 1,055 doc blocks). Target: 30 ms or less for parse and
 * check. Three forks of ten one-second iterations each: a single fork's error bar on the shared
 * 2-core machine was about half the score. The schema is read from {@code ../shared/qapi-testdata} (set {@code -Dqapi4j.shared=DIR}
 * to point elsewhere).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class FrontEndBenchmark {

    private Path qapiDir;

    @Setup
    public void locate() {
        String configured = System.getProperty("qapi4j.shared");
        Path shared = configured != null ? Path.of(configured) : null;
        for (Path p = Path.of("").toAbsolutePath(); shared == null && p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolveSibling("shared").resolve("qapi-testdata"))) {
                shared = p.resolveSibling("shared");
            }
        }
        if (shared == null) {
            throw new IllegalStateException("../shared/qapi-testdata not found; pass -Dqapi4j.shared=DIR");
        }
        qapiDir = shared.resolve("qapi-testdata/qemu-10.2.50/qapi");
    }

    /** Parse (syntax, includes, doc comments) and all checks: what {@code qapi4j check} does. */
    @Benchmark
    public Schema parseAndCheck() throws SchemaException {
        return FrontEnd.load(qapiDir, "qapi-schema.json", FrontEndOptions.STRICT);
    }

    /** Parse only: lexing, the grammar, includes and doc comments. */
    @Benchmark
    public ParsedSchema parseOnly() throws SchemaException {
        return SchemaParser.parse(qapiDir, "qapi-schema.json", false);
    }
}
