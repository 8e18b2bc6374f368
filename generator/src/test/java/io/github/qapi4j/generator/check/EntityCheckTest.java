/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import static io.github.qapi4j.generator.check.Schemas.error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Definition phase and entity checks (QEMU's schema.py). */
class EntityCheckTest {

    @Test
    @DisplayName("redefinitions, of user and of predefined entities")
    void redefinition() {
        assertThat(error("{ 'struct': 'Foo', 'data': {} }\n{ 'enum': 'Foo', 'data': [] }\n"))
                .isEqualTo("t.json: In enum 'Foo':\nt.json:2: 'Foo' is already defined\n"
                        + "t.json: In struct 'Foo':\nt.json:1: previous definition");
        assertThat(error("{ 'command': 'int' }\n"))
                .isEqualTo("t.json: In command 'int':\nt.json:1: built-in type 'int' is already defined");
        assertThat(error("{ 'enum': 'QType', 'data': [] }\n"))
                .endsWith("t.json:1: enum type 'QType' is already defined");
        assertThat(error("{ 'command': 'c', 'data': { 'a': 'int' } }\n{ 'command': 'c', 'data': { 'b': 'int' } }\n"))
                .contains("'c' is already defined");
    }

    @Test
    @DisplayName("type resolution phrases")
    void unknownTypes() {
        assertThat(error("{ 'struct': 'Ss', 'data': { 'a': 'Nope' } }\n")).endsWith("member 'a' uses unknown type 'Nope'");
        assertThat(error("{ 'command': 'c', 'data': { 'a': 'Nope' } }\n"))
                .endsWith("parameter 'a' uses unknown type 'Nope'");
        assertThat(error("{ 'command': 'c', 'data': { 'a': ['Nope'] } }\n"))
                .endsWith("command uses unknown type 'Nope'");
        assertThat(error("{ 'command': 'c', 'returns': 'Nope' }\n")).endsWith("command's 'returns' uses unknown type 'Nope'");
        assertThat(error("{ 'event': 'EE', 'data': 'Nope' }\n")).endsWith("event's 'data' uses unknown type 'Nope'");
        assertThat(error("{ 'struct': 'Ss', 'base': 'Nope', 'data': {} }\n")).endsWith("'base' uses unknown type 'Nope'");
    }

    @Test
    @DisplayName("an array of arrays is a located error, not a crash")
    void nestedArray() {
        assertThat(error("{ 'struct': 'Ss', 'data': { 'a': [ 'intList' ] } }\n"))
                .isEqualTo("t.json: In struct 'Ss':\nt.json:1: struct cannot use array type ['int'] as array element");
    }

    @Test
    @DisplayName("clashes after C-name mangling")
    void clashes() {
        assertThat(error("{ 'pragma': { 'member-name-exceptions': ['Ss'] } }\n"
                + "{ 'struct': 'Ss', 'data': { 'a-b': 'int', 'a_b': 'int' } }\n"))
                .endsWith("member 'a_b' collides with member 'a-b'");
        assertThat(error("{ 'enum': 'Ee', 'data': [ 'one-two', 'one_two' ] }\n"))
                .endsWith("name of 'data' member 'one_two' must not use uppercase or '_'");
        assertThat(error("{ 'pragma': { 'member-name-exceptions': ['Ee'] } }\n"
                + "{ 'enum': 'Ee', 'data': [ 'one-two', 'one_two' ] }\n"))
                .endsWith("value 'one_two' collides with value 'one-two'");
        assertThat(error("{ 'struct': 'Bb', 'data': { 'x': 'int' } }\n{ 'struct': 'Ss', 'base': 'Bb', 'data': { 'x': 'str' } }\n"))
                .endsWith("member 'x' collides with member 'x' of type 'Bb'");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'features': [ 'a', 'a' ] }\n"))
                .endsWith("feature 'a' collides with feature 'a'");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'features': [ 'deprecated' ] }\n"))
                .endsWith("feature 'deprecated' is not supported for types");
    }

    @Test
    @DisplayName("bases and self-containment")
    void bases() {
        assertThat(error("{ 'struct': 'Ss', 'base': 'int', 'data': {} }\n"))
                .endsWith("'base' requires a struct type, built-in type 'int' isn't");
        assertThat(error("{ 'struct': 'Aa', 'base': 'Bb', 'data': {} }\n{ 'struct': 'Bb', 'base': 'Aa', 'data': {} }\n"))
                .isEqualTo("t.json: In struct 'Aa':\nt.json:1: object Aa contains itself");
    }

    private static final String UNION_BASE = "{ 'enum': 'Kk', 'data': [ 'a', 'b' ] }\n"
            + "{ 'struct': 'Sa', 'data': { 'x': 'int' } }\n";

    @Test
    @DisplayName("unions")
    void unions() {
        assertThat(error(UNION_BASE + "{ 'union': 'Uu', 'base': { 'k': 'Kk' }, 'discriminator': 'kk', 'data': {} }\n"))
                .endsWith("discriminator 'kk' is not a member of 'base'");
        assertThat(error(UNION_BASE + "{ 'union': 'Uu', 'base': { 'k': 'int' }, 'discriminator': 'k', 'data': {} }\n"))
                .endsWith("discriminator member 'k' of 'base' must be of enum type");
        assertThat(error(UNION_BASE + "{ 'struct': 'Bb', 'data': { '*k': 'Kk' } }\n"
                + "{ 'union': 'Uu', 'base': 'Bb', 'discriminator': 'k', 'data': {} }\n"))
                .endsWith("discriminator member 'k' of base type 'Bb' must not be optional");
        assertThat(error(UNION_BASE + "{ 'union': 'Uu', 'base': { 'k': 'Kk' }, 'discriminator': 'k', 'data': { 'c': 'Sa' } }\n"))
                .endsWith("branch 'c' is not a value of enum type 'Kk'");
        assertThat(error(UNION_BASE + "{ 'union': 'Uu', 'base': { 'k': 'Kk' }, 'discriminator': 'k', 'data': { 'a': 'int' } }\n"))
                .endsWith("branch 'a' cannot use built-in type 'int'");
        assertThat(error("{ 'enum': 'Kk', 'data': [] }\n"
                + "{ 'union': 'Uu', 'base': { 'k': 'Kk' }, 'discriminator': 'k', 'data': {} }\n"))
                .endsWith("union has no branches");
        assertThat(error(UNION_BASE + "{ 'union': 'Uu', 'base': { 'x': 'str', 'k': 'Kk' }, 'discriminator': 'k', 'data': { 'a': 'Sa' } }\n"))
                .endsWith("member 'x' of type 'Sa' collides with base member 'x'");
    }

    @Test
    @DisplayName("alternates")
    void alternates() {
        assertThat(error("{ 'alternate': 'Aa', 'data': { 'a': 'int', 'b': 'number' } }\n"))
                .endsWith("branch 'b' can't be distinguished from 'a'");
        assertThat(error("{ 'alternate': 'Aa', 'data': { 'a': 'any' } }\n"))
                .endsWith("branch 'a' cannot use built-in type 'any'");
        assertThat(error("{ 'alternate': 'Aa', 'data': { 'a': ['int'], 'b': 'str' } }\n")).isEqualTo("OK");
        assertThat(error("{ 'enum': 'Ee', 'data': [ 'on', 'x' ] }\n"
                + "{ 'alternate': 'Aa', 'data': { 'a': 'bool', 'b': 'Ee' } }\n"))
                .endsWith("branch 'b' can't be distinguished from 'a'");
    }

    @Test
    @DisplayName("commands and events")
    void commands() {
        assertThat(error("{ 'command': 'c', 'data': 'int' }\n")).endsWith("command's 'data' cannot take built-in type 'int'");
        assertThat(error("{ 'command': 'c', 'returns': 'int' }\n")).endsWith("command's 'returns' cannot take built-in type 'int'");
        assertThat(error("{ 'pragma': { 'command-returns-exceptions': ['c'] } }\n{ 'command': 'c', 'returns': ['int'] }\n"))
                .isEqualTo("OK");
        assertThat(error("{ 'command': 'c', 'data': { 'a': { 'type': 'int', 'if': 'X' } } }\n"))
                .endsWith("conditional command arguments require 'boxed': true");
        assertThat(error("{ 'event': 'EE', 'data': { 'a': { 'type': 'int', 'if': 'X' } } }\n"))
                .endsWith("conditional event arguments require 'boxed': true");
    }

    @Test
    @DisplayName("at most 64 feature names, counting deprecated and unstable")
    void featureLimit() {
        StringBuilder sb = new StringBuilder("{ 'command': 'c', 'features': [");
        for (int i = 0; i < 63; i++) {
            sb.append(i == 0 ? "" : ", ").append("'f").append(i).append('\'');
        }
        assertThat(error(sb + "] }\n")).isEqualTo("t.json: In command 'c':\nt.json:1: Maximum of 64 schema features is permitted");
        assertThat(error(sb.substring(0, sb.lastIndexOf(",")) + "] }\n")).isEqualTo("OK");
    }
}
