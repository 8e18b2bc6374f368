/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.FrontEndOptions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
}
