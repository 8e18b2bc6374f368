/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.dump.SchemaDump;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.source.SchemaException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * QEMU's {@code tests/qapi-schema} suite, run as QEMU's harness runs it: base directory = the
 * case's directory, file name = {@code NAME.json}; stdout = the dump (or nothing), stderr = the
 * first diagnostic plus a newline (or nothing); both compared byte for byte.
 */
class ConformanceTest {

    /** Cases whose expectation is known to be stale in QEMU's own tree. */
    private static final Set<String> SKIPPED = Set.of("event-args-if-unboxed");

    static Path suiteDir() throws URISyntaxException {
        return Path.of(ConformanceTest.class.getResource("/qapi-schema-tests/MANIFEST").toURI()).getParent();
    }

    static List<String> caseNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST"))) {
            String[] cols = line.split("\t");
            if (cols.length > 1 && cols[0].equals("case")) {
                names.add(cols[1]);
            }
        }
        return names;
    }

    /** Runs one case: {stdout, stderr}. */
    static String[] run(Path dir, String name) {
        try {
            Schema schema = FrontEnd.load(dir, name + ".json", FrontEndOptions.STRICT);
            return new String[] {SchemaDump.render(schema), ""};
        } catch (SchemaException e) {
            return new String[] {"", e.first().render() + "\n"};
        }
    }

    @TestFactory
    @DisplayName("QEMU tests/qapi-schema cases")
    Stream<DynamicTest> cases() throws Exception {
        Path dir = suiteDir();
        return caseNames(dir).stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Assumptions.assumeFalse(SKIPPED.contains(name), "stale expectation in QEMU's tree");
            String expectedOut = Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
            String expectedErr = Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
            String[] actual = run(dir, name);
            Path outDir = Path.of("target", "conformance");
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve(name + ".out"), actual[0], StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve(name + ".err"), actual[1], StandardCharsets.UTF_8);
            assertThat(actual[1]).as("stderr of %s", name).isEqualTo(expectedErr);
            assertThat(actual[0]).as("stdout of %s", name).isEqualTo(expectedOut);
        }));
    }
}
