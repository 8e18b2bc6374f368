/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.model.CommandDef;
import io.github.qapi4j.generator.model.Condition;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.model.StructDef;
import io.github.qapi4j.generator.model.UnionDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The model's helpers. */
class ModelTest {

    @Test
    @DisplayName("conditions print as QEMU's dump prints them and evaluate against defined symbols")
    void conditions() {
        Condition c = new Condition.Not(new Condition.Any(List.of(new Condition.Name("A"),
                new Condition.All(List.of(new Condition.Name("B"), new Condition.Name("C"))))));
        assertThat(c.dumpString()).isEqualTo("{'not': {'any': ['A', {'all': ['B', 'C']}]}}");
        assertThat(new Condition.Name("A").dumpString()).isEqualTo("A");
        assertThat(c.evaluate(Set.of())).isTrue();
        assertThat(c.evaluate(Set.of("B", "C"))).isFalse();
        assertThat(Condition.holds(null, Set.of())).isTrue();
    }

    @Test
    @DisplayName("members, base members and union branches are easy to reach")
    void helpers(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.json"), """
                { 'enum': 'Kind', 'data': [ 'a', 'b' ] }
                { 'struct': 'Base', 'data': { 'kind': 'Kind' } }
                { 'struct': 'Extra', 'data': { 'y': 'str' } }
                { 'struct': 'Sub', 'base': 'Extra', 'data': { '*x': 'int' } }
                { 'union': 'Uni', 'base': 'Base', 'discriminator': 'kind', 'data': { 'a': 'Sub' } }
                { 'command': 'do-it', 'data': { 'list': ['Sub'] }, 'returns': 'Sub' }
                """);
        Schema schema = FrontEnd.load(dir, "s.json", FrontEndOptions.STRICT);
        StructDef sub = schema.lookup("Sub", StructDef.class).orElseThrow();
        assertThat(schema.allMembers(sub)).extracting(Member::name).containsExactly("y", "x");
        UnionDef uni = schema.lookup("Uni", UnionDef.class).orElseThrow();
        assertThat(uni.branches()).extracting(b -> b.name() + ":" + b.typeName() + ":" + b.implicit())
                .containsExactly("a:Sub:false", "b:q_empty:true");
        assertThat(schema.allMembers(uni)).extracting(Member::name).containsExactly("kind");
        assertThat(schema.discriminatorMember(uni).typeName()).isEqualTo("Kind");
        CommandDef cmd = schema.lookup("do-it", CommandDef.class).orElseThrow();
        assertThat(cmd.argTypeName()).isEqualTo("q_obj_do-it-arg");
        assertThat(schema.arguments(cmd)).extracting(Member::typeName).containsExactly("SubList");
        assertThat(schema.type("SubList").module()).isEqualTo("s.json");
        assertThat(schema.modules()).extracting(m -> m.name()).containsExactly("./builtin", "s.json");
    }
}
