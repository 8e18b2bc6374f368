/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md, checked on the generator's sources: the core knows
 * nothing of Maven, picocli or the runtime; ANTLR stays in the parse package; the model does not
 * see syntax records.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/qapi4j/generator");

    private static List<String> violations(String packagePrefix, String... forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> SOURCES.relativize(p).toString().startsWith(packagePrefix))
                    .forEach(p -> {
                        try {
                            for (String line : Files.readAllLines(p)) {
                                for (String f : forbidden) {
                                    if (line.startsWith("import " + f) || line.startsWith("import static " + f)) {
                                        out.add(SOURCES.relativize(p) + ": " + line);
                                    }
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return out;
    }

    @Test
    void sourcesAreWhereTheTestLooks() {
        assertThat(SOURCES.resolve("FrontEnd.java")).exists();
    }

    @Test
    void generatorImportsNothingFromMavenPicocliOrTheRuntime() throws IOException {
        assertThat(violations("", "org.apache.maven", "org.codehaus.plexus", "picocli", "io.github.qapi4j.runtime",
                        "io.github.qapi4j.cli"))
                .isEmpty();
    }

    @Test
    void antlrStaysInTheParsePackage() throws IOException {
        for (String pkg : List.of("model", "check", "dump", "emit", "introspect", "source", "Front", "Gener")) {
            assertThat(violations(pkg, "org.antlr")).as(pkg).isEmpty();
        }
    }

    @Test
    void modelDoesNotSeeSyntaxRecords() throws IOException {
        assertThat(violations("model", "io.github.qapi4j.generator.parse", "io.github.qapi4j.generator.check"))
                .isEmpty();
    }
}
