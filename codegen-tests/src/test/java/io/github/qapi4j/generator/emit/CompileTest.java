/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.TestData;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated code compiles with {@code javac --release 17 -Xlint:all -Werror}. */
class CompileTest {

    @Test
    @DisplayName("schema/job.json output compiles")
    void jobJson() throws Exception {
        Map<String, String> files = EmitTestSupport.generate(EmitTestSupport.projectRoot().resolve("schema/job.json"),
                GoldenTest.PACKAGE, FrontEndOptions.LENIENT, null);
        EmitTestSupport.compile(files, EmitTestSupport.workDir("job"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "qemu-10.2.50/qapi/qapi-schema.json",
        "qemu-10.2.50/qga/qapi-schema.json",
        "qemu-7.2.0/qapi/qapi-schema.json",
        "qemu-7.2.0/storage-daemon/qapi/qapi-schema.json"
    })
    @DisplayName("QEMU schemas' output compiles")
    void qemuSchema(String schema) throws Exception {
        assertThat(CompiledSchemas.load(schema)).isNotNull();
    }

    /** The cases of QEMU's own front-end test suite that QEMU accepts ("positive" in the MANIFEST). */
    static Stream<String> qemuTestSuiteSchemas() throws Exception {
        return Files.readAllLines(TestData.sharedTestData().resolve("qapi-schema-tests/MANIFEST")).stream()
                .map(l -> l.split("\t"))
                .filter(c -> c.length > 2 && c[0].equals("case") && c[2].equals("positive"))
                .map(c -> c[1]);
    }

    @ParameterizedTest
    @MethodSource("qemuTestSuiteSchemas")
    @DisplayName("output for QEMU's accepted test-suite schemas compiles (qapi-schema-test.json: every construct)")
    void qemuTestSuite(String name) throws Exception {
        Map<String, String> files = EmitTestSupport.generate(
                TestData.sharedTestData().resolve("qapi-schema-tests/" + name + ".json"),
                "qemu.suite." + name.replace('-', '_'), FrontEndOptions.LENIENT, null);
        assertThat(files).isNotEmpty();
        EmitTestSupport.compile(files, EmitTestSupport.workDir("suite-" + name));
    }
}
