/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.qapi4j.generator.source.SchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random mutations of valid schemas give a schema or a {@link SchemaException}: never another
 * exception, never a hang.
 */
class MutationPropertyTest {

    private static final List<String> SEEDS = List.of(
            "qapi-schema-test.json", "doc-good.json", "alternate-array.json", "comments.json");

    private static final String[] TOKENS = {
        "{", "}", "[", "]", ":", ",", "'", "'x'", "'Foo'", "true", "false", "#", "\n##\n", "@", "*",
        "'if'", "'data'", "'base'", "'type'", "'features'", "['int']", "[['int']]", "{'not': 'X'}",
        "'*a'", "'q_x'", "'has-x'", "'u'", "'str'", "'any'", "'intList'", "''", "\t", "'deprecated'",
        "{'command': 'c'}", "{'include': 'alternate-array.json'}", "'boxed': true",
    };

    /** One edit: kind, position and a token index. */
    record Mutation(int kind, int position, int token) {}

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.integers().between(0, TOKENS.length - 1))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 250)
    void mutatedSchemasNeverCrash(
            @ForAll("mutations") List<Mutation> edits,
            @ForAll("seedIndex") int seed) throws Exception {
        Path suite = ConformanceTest.suiteDir();
        String text = Files.readString(suite.resolve(SEEDS.get(seed)), StandardCharsets.UTF_8);
        for (Mutation m : edits) {
            text = apply(text, m);
        }
        Path dir = Files.createTempDirectory("qapi-mut");
        try {
            // helpers the seeds include
            Files.copy(suite.resolve("alternate-array.json"), dir.resolve("alternate-array.json"));
            Files.createDirectories(dir.resolve("include"));
            Files.copy(suite.resolve("include/sub-module.json"), dir.resolve("include/sub-module.json"));
            Files.copy(suite.resolve("sub-sub-module.json"), dir.resolve("sub-sub-module.json"));
            Files.writeString(dir.resolve("mutant.json"), text, StandardCharsets.UTF_8);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    FrontEnd.load(dir, "mutant.json", FrontEndOptions.STRICT);
                    FrontEnd.load(dir, "mutant.json", FrontEndOptions.LENIENT);
                } catch (SchemaException expected) {
                    // rejected with a diagnostic: fine, unless it is the front end's crash guard
                    String msg = expected.first().render();
                    if (msg.contains(": internal error: ")) {
                        throw new AssertionError("front end crashed on:\n" + readMutant(dir) + "\n" + msg);
                    }
                }
            });
        } finally {
            deleteTree(dir);
        }
    }

    private static String readMutant(Path dir) {
        try {
            return Files.readString(dir.resolve("mutant.json"));
        } catch (IOException e) {
            return "?";
        }
    }

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, SEEDS.size() - 1);
    }

    static String apply(String text, Mutation m) {
        if (text.isEmpty()) {
            return TOKENS[m.token()];
        }
        int pos = m.position() % text.length();
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = m.position() % lines.size();
        switch (m.kind()) {
            case 0: // delete a character
                return text.substring(0, pos) + text.substring(pos + 1);
            case 1: // duplicate a character
                return text.substring(0, pos + 1) + text.substring(pos);
            case 2: // swap two characters
                if (pos + 1 >= text.length()) {
                    return text;
                }
                return text.substring(0, pos) + text.charAt(pos + 1) + text.charAt(pos) + text.substring(pos + 2);
            case 3: // insert a token
                return text.substring(0, pos) + TOKENS[m.token()] + text.substring(pos);
            case 4: // delete a line
                lines.remove(line);
                return String.join("\n", lines);
            case 5: // duplicate a line
                lines.add(line, lines.get(line));
                return String.join("\n", lines);
            case 6: // swap two lines
                if (line + 1 < lines.size()) {
                    String l = lines.get(line);
                    lines.set(line, lines.get(line + 1));
                    lines.set(line + 1, l);
                }
                return String.join("\n", lines);
            default: { // delete a quoted token
                int q = text.indexOf('\'', pos);
                int r = q < 0 ? -1 : text.indexOf('\'', q + 1);
                return r < 0 ? text : text.substring(0, q) + text.substring(r + 1);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
