/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.qapi4j.generator.source.SchemaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** QEMU's own doc-comment test cases (tests/qapi-schema/doc-*.json) as the oracle. */
class DocParserQemuSuiteTest {

    static final Path SUITE = Path.of("..", "..", "shared", "qapi-testdata", "qapi-schema-tests");

    /** Cases whose expected error is raised while parsing a doc block. */
    static final Set<String> DOC_PARSE_ERRORS = Set.of(
            "doc-bad-indent",
            "doc-duplicated-arg",
            "doc-duplicated-return",
            "doc-duplicated-since",
            "doc-empty-arg",
            "doc-empty-section",
            "doc-empty-symbol",
            "doc-interleaved-section",
            "doc-invalid-end2",
            "doc-invalid-section",
            "doc-long-line",
            "doc-missing-colon");

    static Stream<String> docCases() throws IOException {
        try (Stream<Path> files = Files.list(SUITE)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith("doc-") && f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static List<List<DocLine>> blocks(String name) throws IOException {
        String text = Files.readString(SUITE.resolve(name + ".json"), StandardCharsets.UTF_8);
        return DocBlocks.of(name + ".json", text);
    }

    @Test
    @DisplayName("the suite has the doc cases we expect")
    void suitePresent() throws IOException {
        assertThat(docCases().toList()).containsAll(DOC_PARSE_ERRORS).contains("doc-good");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docCases")
    void qemuCase(String name) throws IOException {
        List<List<DocLine>> blocks = blocks(name);
        if (DOC_PARSE_ERRORS.contains(name)) {
            String expected = Files.readString(SUITE.resolve(name + ".err"), StandardCharsets.UTF_8);
            expected = expected.substring(0, expected.length() - 1);
            SchemaException e = catchThrowableOfType(SchemaException.class, () -> {
                for (List<DocLine> b : blocks) {
                    DocParser.parse(b, false);
                }
            });
            assertThat(e).as("an error is raised").isNotNull();
            assertThat(e.first().render()).isEqualTo(expected);
        } else {
            // the error (if any) comes from a later phase: every block parses
            assertThatCode(() -> {
                for (List<DocLine> b : blocks) {
                    DocParser.parse(b, false);
                }
            }).doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("doc-good: the doc dump matches QEMU's (member stubs left out)")
    void docGoodDump() throws Exception {
        StringBuilder actual = new StringBuilder();
        for (List<DocLine> b : blocks("doc-good")) {
            actual.append(DocDump.render(DocParser.parse(b, false)));
        }
        String out = Files.readString(SUITE.resolve("doc-good.out"), StandardCharsets.UTF_8);
        String docs = out.substring(out.indexOf("\ndoc ") + 1);
        assertThat(actual.toString()).isEqualTo(withoutStubs(docs));
    }

    /** Drops {@code arg=NAME} entries with empty text: stubs added when docs meet the schema. */
    static String withoutStubs(String dump) {
        List<String> lines = new ArrayList<>(List.of(dump.split("\n", -1)));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean nextIsHeader = i + 2 >= lines.size()
                    || lines.get(i + 2).startsWith("    ")
                    || lines.get(i + 2).startsWith("doc ");
            if (l.startsWith("    arg=") && i + 1 < lines.size() && lines.get(i + 1).isEmpty() && nextIsHeader) {
                i++;
                continue;
            }
            kept.add(l);
        }
        return String.join("\n", kept);
    }
}
