/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import static io.github.qapi4j.generator.check.Schemas.error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Expression checks (QEMU's expr.py), one family per test. */
class ExprCheckTest {

    @Test
    @DisplayName("meta-type key and name")
    void metaAndName() {
        assertThat(error("{ 'struct': 'Aa', 'enum': 'Bb', 'data': {} }\n"))
                .isEqualTo("t.json:1: expression must have exactly one key 'enum', 'struct', 'union', 'alternate', 'command', 'event'");
        assertThat(error("{ 'command': ['x'] }\n")).isEqualTo("t.json:1: 'command' requires a string name");
        assertThat(error("{ 'struct': 'foo', 'data': {} }\n"))
                .isEqualTo("t.json: In struct 'foo':\nt.json:1: name of struct must use CamelCase");
        assertThat(error("{ 'enum': 'FooList', 'data': [] }\n"))
                .isEqualTo("t.json: In enum 'FooList':\nt.json:1: enum name should not end in 'List'");
        assertThat(error("{ 'event': 'Ev' }\n"))
                .isEqualTo("t.json: In event 'Ev':\nt.json:1: name of event must not use lowercase or '-'");
        assertThat(error("{ 'command': 'a_b' }\n"))
                .isEqualTo("t.json: In command 'a_b':\nt.json:1: name of command must not use uppercase or '_'");
        assertThat(error("{ 'command': 'q-x' }\n"))
                .isEqualTo("t.json: In command 'q-x':\nt.json:1: command has an invalid name");
        assertThat(error("{ 'pragma': { 'command-name-exceptions': ['a_b'] } }\n{ 'command': 'a_b' }\n"))
                .isEqualTo("OK");
        assertThat(error("{ 'command': '__org.qemu_x-cmd' }\n")).isEqualTo("OK");
    }

    @Test
    @DisplayName("key sets")
    void keys() {
        assertThat(error("{ 'union': 'Uu', 'data': {} }\n"))
                .isEqualTo("t.json: In union 'Uu':\nt.json:1: union misses keys 'base', 'discriminator'");
        assertThat(error("{ 'event': 'EE', 'returns': 'int' }\n"))
                .isEqualTo("t.json: In event 'EE':\nt.json:1: event has unknown key 'returns'\n"
                        + "Valid keys are 'boxed', 'data', 'event', 'features', 'if'.");
    }

    @Test
    @DisplayName("members: names, reserved names, types")
    void members() {
        assertThat(error("{ 'struct': 'Ss', 'data': { 'Aa': 'int' } }\n"))
                .endsWith("t.json:1: name of 'data' member 'Aa' must not use uppercase or '_'");
        assertThat(error("{ 'pragma': { 'member-name-exceptions': ['Ss'] } }\n{ 'struct': 'Ss', 'data': { 'A_a': 'int' } }\n"))
                .isEqualTo("OK");
        assertThat(error("{ 'struct': 'Ss', 'data': { '*has-x': 'int' } }\n"))
                .endsWith("t.json:1: 'data' member '*has-x' uses reserved name");
        assertThat(error("{ 'struct': 'Ss', 'data': { 'u': 'int' } }\n"))
                .endsWith("'data' member 'u' uses reserved name");
        assertThat(error("{ 'struct': 'Ss', 'data': { 'a': { 'if': 'X' } } }\n"))
                .endsWith("'data' member 'a' misses key 'type'");
        assertThat(error("{ 'struct': 'Ss', 'data': { 'a': ['int', 'str'] } }\n"))
                .endsWith("'data' member 'a': array type must contain single type name");
        assertThat(error("{ 'struct': 'Ss', 'data': { 'a': true } }\n"))
                .endsWith("'data' member 'a' should be a type name or array");
        assertThat(error("{ 'struct': 'Ss', 'data': ['a'] }\n")).endsWith("'data' should be an object or type name");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'base': {} }\n")).endsWith("'base' should be a type name");
    }

    @Test
    @DisplayName("enums, including values that start with a digit and the empty value")
    void enums() {
        assertThat(error("{ 'enum': 'Ee', 'data': [ '2_5', '3des' ] }\n"))
                .endsWith("name of 'data' member '2_5' must not use uppercase or '_'");
        assertThat(error("{ 'enum': 'Ee', 'data': [ '3des' ] }\n")).isEqualTo("OK");
        assertThat(error("{ 'enum': 'Ee', 'data': [ '' ] }\n"))
                .isEqualTo("t.json: In enum 'Ee':\nt.json:1: 'data' member '' has an invalid name");
        assertThat(error("{ 'enum': 'Ee', 'data': [ { 'if': 'X' } ] }\n")).endsWith("'data' member misses key 'name'");
        assertThat(error("{ 'enum': 'Ee', 'data': [ ['x'] ] }\n")).endsWith("'data' member requires a string name");
        assertThat(error("{ 'enum': 'Ee', 'data': {} }\n")).endsWith("'data' must be an array");
        assertThat(error("{ 'enum': 'Ee', 'data': [], 'prefix': [] }\n")).endsWith("'prefix' must be a string");
    }

    @Test
    @DisplayName("conditions")
    void conditions() {
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'if': 'x' }\n"))
                .endsWith("'if' condition 'x' of struct is not a valid identifier");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'if': ['X'] }\n"))
                .endsWith("'if' condition of struct must be a string or an object");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'if': { 'all': [] } }\n"))
                .endsWith("'if' condition [] of struct is useless");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'if': { 'any': 'X' } }\n"))
                .endsWith("'any' condition of struct must be an array");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'if': { 'not': 'X', 'all': ['Y'] } }\n"))
                .endsWith("'if' condition of struct has conflicting keys");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'if': { 'nor': 'X' } }\n"))
                .endsWith("'if' condition of struct has unknown key 'nor'\nValid keys are 'all', 'any', 'not'.");
        assertThat(error("{ 'struct': 'Ss', 'data': { 'a': { 'type': 'int', 'if': '' } } }\n"))
                .endsWith("'if' condition '' of 'data' member 'a' is not a valid identifier");
    }

    @Test
    @DisplayName("features")
    void features() {
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'features': 'f' }\n")).endsWith("'features' must be an array");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'features': [ { 'if': 'X' } ] }\n"))
                .endsWith("'features' member misses key 'name'");
        assertThat(error("{ 'struct': 'Ss', 'data': {}, 'features': [ 'F' ] }\n"))
                .endsWith("name of 'features' member 'F' must not use uppercase or '_'");
    }

    @Test
    @DisplayName("commands, events and flags")
    void commandsAndFlags() {
        assertThat(error("{ 'command': 'c', 'boxed': true }\n")).endsWith("'boxed': true requires 'data'");
        assertThat(error("{ 'command': 'c', 'boxed': true, 'data': {} }\n")).endsWith("'data' should be a type name");
        assertThat(error("{ 'command': 'c', 'returns': {} }\n")).endsWith("'returns' should be a type name or array");
        assertThat(error("{ 'command': 'c', 'gen': true }\n")).endsWith("flag 'gen' may only use false value");
        assertThat(error("{ 'command': 'c', 'coroutine': false }\n")).endsWith("flag 'coroutine' may only use true value");
        assertThat(error("{ 'command': 'c', 'allow-oob': true, 'coroutine': true }\n"))
                .endsWith("flags 'allow-oob' and 'coroutine' are incompatible");
        assertThat(error("{ 'command': 'c', 'data': { 'Aa': 'int' } }\n"))
                .endsWith("name of 'data' member 'Aa' must not use uppercase or '_'");
    }

    @Test
    @DisplayName("unions and alternates")
    void unionsAndAlternates() {
        assertThat(error("{ 'union': 'Uu', 'base': {}, 'discriminator': [], 'data': {} }\n"))
                .endsWith("'discriminator' requires a string name");
        assertThat(error("{ 'union': 'Uu', 'base': 'Bb', 'discriminator': 'k', 'data': { 'a': ['Ss'] } }\n"))
                .endsWith("'data' member 'a' should be a type name");
        assertThat(error("{ 'alternate': 'Aa', 'data': {} }\n")).endsWith("'data' must not be empty");
        assertThat(error("{ 'alternate': 'Aa', 'data': ['x'] }\n")).endsWith("'data' must be an object");
        assertThat(error("{ 'alternate': 'Aa', 'data': { 'a_b': 'int' } }\n"))
                .endsWith("name of 'data' member 'a_b' must not use uppercase or '_'");
    }

    @Test
    @DisplayName("doc-required pragma")
    void docRequired() {
        assertThat(error("{ 'pragma': { 'doc-required': true } }\n{ 'command': 'c' }\n"))
                .isEqualTo("t.json: In command 'c':\nt.json:2: documentation comment required");
    }
}
