/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.source.SchemaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every doc block of QEMU's real schemas parses: 10.2.50 strictly, 7.2.0 leniently. */
class DocParserRealSchemaTest {

    static final Path DATA = Path.of("..", "..", "shared", "qapi-testdata");

    static List<Path> schemaFiles(String version) throws IOException {
        Path root = DATA.resolve(version);
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("qapi", "qga", "storage-daemon/qapi")) {
            try (Stream<Path> s = Files.list(root.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Parses every block; returns the error messages (empty when all parse) and counts blocks. */
    static List<String> parseAll(String version, boolean lenient, int[] count) throws IOException {
        List<String> errors = new ArrayList<>();
        for (Path f : schemaFiles(version)) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            for (List<DocLine> b : DocBlocks.of(DATA.resolve(version).relativize(f).toString(), text)) {
                count[0]++;
                try {
                    DocParser.parse(b, lenient);
                } catch (SchemaException e) {
                    errors.add(e.first().render());
                }
            }
        }
        return errors;
    }

    @Test
    @DisplayName("10.2.50: every doc block parses with the current rules")
    void current() throws IOException {
        int[] count = {0};
        assertThat(parseAll("qemu-10.2.50", false, count)).isEmpty();
        assertThat(count[0]).isGreaterThan(1000);
    }

    @Test
    @DisplayName("7.2.0: every doc block parses with lenient rules")
    void legacy() throws IOException {
        int[] count = {0};
        assertThat(parseAll("qemu-7.2.0", true, count)).isEmpty();
        assertThat(count[0]).isGreaterThan(1000);
    }

    @Test
    @DisplayName("7.2.0: the current rules reject it (the first doc line is too long)")
    void legacyStrictFails() throws IOException {
        int[] count = {0};
        assertThat(parseAll("qemu-7.2.0", false, count)).isNotEmpty();
    }

    @Test
    @DisplayName("10.2.50: lenient rules accept it too")
    void currentLenient() throws IOException {
        int[] count = {0};
        assertThat(parseAll("qemu-10.2.50", true, count)).isEmpty();
    }
}
