/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.dump.SchemaDump;
import io.github.qapi4j.generator.model.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** QEMU's real schemas load and dump exactly as QEMU's harness dumps them. */
class FullSchemaTest {

    @DisplayName("QEMU 10.2.50 schemas dump identically (strict docs)")
    @ParameterizedTest(name = "{0}")
    @CsvSource({"qapi, qapi.out", "storage-daemon/qapi, storage-daemon-qapi.out", "qga, qga.out"})
    void current(String dir, String expected) throws Exception {
        Path root = TestData.sharedTestData().resolve("qemu-10.2.50");
        // given the schema in its own directory
        Schema schema = FrontEnd.load(root.resolve(dir), "qapi-schema.json", FrontEndOptions.STRICT);
        // then the dump matches byte for byte
        String want = Files.readString(root.resolve("expected-dump").resolve(expected), StandardCharsets.UTF_8);
        assertThat(SchemaDump.render(schema)).isEqualTo(want);
    }

    @DisplayName("QEMU 7.2.0 schemas load with lenient docs; entity dump identical")
    @ParameterizedTest(name = "{0}")
    @CsvSource({"qapi, qapi.out", "storage-daemon/qapi, storage-daemon-qapi.out", "qga, qga.out"})
    void legacy(String dir, String expected) throws Exception {
        Path root = TestData.sharedTestData().resolve("qemu-7.2.0");
        Schema schema = FrontEnd.load(root.resolve(dir), "qapi-schema.json", FrontEndOptions.LENIENT);
        String want = Files.readString(root.resolve("expected-dump").resolve(expected), StandardCharsets.UTF_8);
        assertThat(entityPart(SchemaDump.render(schema))).isEqualTo(entityPart(want));
    }

    /** Everything before the first line starting with {@code doc }. */
    static String entityPart(String dump) {
        int at = dump.startsWith("doc ") ? 0 : dump.indexOf("\ndoc ");
        return at < 0 ? dump : dump.substring(0, at == 0 ? 0 : at + 1);
    }
}
