/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.source.SchemaException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two wire names that map to one Java name are a located error, not a javac error. */
class ClashTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("members x1 and x-1 (distinct in C) clash in one record")
    void memberClash() throws Exception {
        Path f = dir.resolve("clash.json");
        Files.writeString(f, "{ 'struct': 'Foo', 'data': { 'x1': 'str', 'x-1': 'int' } }\n");
        assertThatThrownBy(() -> EmitTestSupport.generate(f, "p", FrontEndOptions.LENIENT, null))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("clash.json:1")
                .hasMessageEndingWith("'x-1' and 'x1' both map to Java name 'x1' in struct Foo");
    }

    @Test
    @DisplayName("keywords are escaped, not reported")
    void keywords() throws Exception {
        Path f = dir.resolve("kw.json");
        Files.writeString(f, "{ 'struct': 'Foo', 'data': { 'class': 'str', 'wait': 'int', 'builder': 'bool' } }\n");
        assertThat(EmitTestSupport.generate(f, "p", FrontEndOptions.LENIENT, null).get("p/Foo.java"))
                .contains("String class_", "long wait_", "boolean builder_");
    }

    @Test
    @DisplayName("a 'gen': false command's member 'additional' clashes with the component for undeclared members")
    void additionalIsReservedInOpenArguments() throws Exception {
        Path f = dir.resolve("open.json");
        Files.writeString(f, "{ 'command': 'frob', 'data': { 'additional': 'str' }, 'gen': false }\n"
                + "{ 'struct': 'Closed', 'data': { 'additional': 'str' } }\n");
        assertThatThrownBy(() -> EmitTestSupport.generate(f, "p", FrontEndOptions.LENIENT, null))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("open.json:1")
                .hasMessageEndingWith("'additional' maps to Java name 'additional', which struct q_obj_frob-arg reserves");
        Files.writeString(f, "{ 'struct': 'Closed', 'data': { 'additional': 'str' } }\n"
                + "{ 'command': 'frob', 'data': 'Closed', 'gen': false }\n");
        assertThat(EmitTestSupport.generate(f, "p", FrontEndOptions.LENIENT, null).get("p/Closed.java"))
                .contains("String additional");
    }
}
