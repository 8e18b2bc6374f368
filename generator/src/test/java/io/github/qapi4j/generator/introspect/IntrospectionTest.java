/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.FrontEnd;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** query-qmp-schema data: QEMU's rules, and QEMU 7.2's real reply byte for byte. */
class IntrospectionTest {

    /** The repository's root, found from the module directory the tests run in. */
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("schema/qemu-7.2"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("schema/qemu-7.2 not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Set<String> debianConditions() throws Exception {
        return new LinkedHashSet<>(Files.readAllLines(
                Path.of(IntrospectionTest.class.getResource("/introspection/debian-qemu-7.2-x86_64.if").toURI())));
    }

    static String ours72(Set<String> defined) throws Exception {
        Schema s = FrontEnd.load(repoRoot().resolve("schema/qemu-7.2"), "qapi-schema.json", FrontEndOptions.LENIENT);
        return Introspection.json(s, false, defined, false);
    }

    @Test
    void qemu72ReplyIsReproducedByteForByte() throws Exception {
        String reference = Files.readString(
                Path.of(getClass().getResource("/introspection/qemu-7.2.22-debian-x86_64.json").toURI())).strip();
        assertThat(ours72(debianConditions())).isEqualTo(reference);
    }

    @TempDir
    Path dir;

    private String introspect(String schema, boolean unmask, String... defined) throws Exception {
        Files.writeString(dir.resolve("s.json"), schema);
        Schema s = FrontEnd.load(dir, "s.json", FrontEndOptions.STRICT);
        return Introspection.json(s, unmask, Set.of(defined), false);
    }

    private static final String SCHEMA = String.join("\n",
            "{ 'enum': 'Color', 'data': [ 'red', { 'name': 'blue', 'if': 'HAVE_BLUE' } ] }",
            "{ 'struct': 'Paint', 'data': { 'color': 'Color', '*litres': 'uint8', 'sizes': ['int16'],",
            "  '*extra': { 'type': 'str', 'if': 'HAVE_EXTRA' } } }",
            "{ 'struct': 'Hidden', 'data': { 'x': 'str' }, 'if': 'NEVER' }",
            "{ 'command': 'paint', 'data': { 'what': 'Paint' }, 'returns': ['Paint'], 'allow-oob': true,",
            "  'features': [ 'unstable' ] }",
            "{ 'command': 'hide', 'data': 'Hidden', 'if': 'NEVER' }",
            "{ 'event': 'PAINTED', 'data': { 'color': 'Color' } }",
            "");

    @Test
    void commandsAndEventsFirstThenTypesInFirstUseOrderWithMaskedNames() throws Exception {
        String json = introspect(SCHEMA, false);
        // 0 = paint's argument type, 1 = Paint (through PaintList), 2 = Hidden (used by 'hide',
        // numbered although NEVER is false), 3 = q_empty (hide returns nothing), 4 = PAINTED's
        // data, then 5 = Color, met while visiting the types
        assertThat(json).startsWith("[{\"name\": \"paint\"");
        assertThat(json).contains("{\"name\": \"5\", \"members\": [{\"name\": \"red\"}]");
        assertThat(json).contains("\"arg-type\": \"0\"", "\"ret-type\": \"[1]\"", "\"allow-oob\": true",
                "\"features\": [\"unstable\"]");
        assertThat(json).doesNotContain("\"hide\"", "HAVE_", "\"blue\"", "\"extra\"");
        assertThat(json).contains("{\"name\": \"PAINTED\", \"meta-type\": \"event\", \"arg-type\": \"4\"}");
        // every integer type reads as int, arrays as [ELEMENT], optional members default to null
        assertThat(json).contains("\"name\": \"litres\", \"default\": null, \"type\": \"int\"")
                .contains("\"type\": \"[int]\"")
                .contains("{\"name\": \"[int]\", \"element-type\": \"int\", \"meta-type\": \"array\"}")
                .doesNotContain("int16", "uint8");
    }

    @Test
    void trueConditionsBringElementsBack() throws Exception {
        String json = introspect(SCHEMA, false, "HAVE_BLUE", "HAVE_EXTRA", "NEVER");
        assertThat(json).contains("\"blue\"", "\"extra\"", "\"hide\"");
        assertThat(introspect(SCHEMA, false).length()).isLessThan(json.length());
    }

    @Test
    void unmaskShowsTypeNames() throws Exception {
        String json = introspect(SCHEMA, true);
        assertThat(json).contains("\"arg-type\": \"q_obj_paint-arg\"", "\"ret-type\": \"[Paint]\"",
                "\"name\": \"Paint\"", "\"name\": \"q_empty\"");
    }

    @Test
    void prettyOutputIsTheSameData() throws Exception {
        Files.writeString(dir.resolve("s.json"), SCHEMA);
        Schema s = FrontEnd.load(dir, "s.json", FrontEndOptions.STRICT);
        String pretty = Introspection.json(s, false, Set.of(), true);
        assertThat(pretty.replaceAll("\n *", "").replace(",\"", ", \"").replace(",{", ", {").replace(",[", ", ["))
                .isEqualTo(Introspection.json(s, false, Set.of(), false));
        assertThat(List.of(pretty.split("\n")).size()).isGreaterThan(20);
    }
}
