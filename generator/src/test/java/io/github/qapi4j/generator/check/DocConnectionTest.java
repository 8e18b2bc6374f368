/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import static io.github.qapi4j.generator.check.Schemas.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.Documentation;
import io.github.qapi4j.generator.model.Schema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Connecting doc comments to definitions. */
class DocConnectionTest {

    private static final String UNDOCUMENTED = "##\n# @cmd:\n##\n{ 'command': 'cmd', 'data': { 'a': 'int', 'b': 'str' } }\n";

    @Test
    @DisplayName("members of a documented definition must be documented")
    void lacksDocumentation() {
        assertThat(error(UNDOCUMENTED)).isEqualTo("t.json: In command 'cmd':\nt.json:4: member 'a' lacks documentation");
    }

    @Test
    @DisplayName("documentation-exceptions on a doc without sections gives empty stubs, in member order")
    void exceptionStubs() throws Exception {
        // given a doc with no sections at all and two undocumented members
        Schema schema = Schemas.load("{ 'pragma': { 'documentation-exceptions': [ 'cmd' ] } }\n" + UNDOCUMENTED);
        // then both members get an empty stub
        Documentation doc = schema.docFor("cmd").orElseThrow();
        assertThat(doc.members()).extracting(Documentation.Description::name).containsExactly("a", "b");
        assertThat(doc.members()).allMatch(Documentation.Description::isStub);
    }

    @Test
    @DisplayName("lenient docs accept undocumented members")
    void lenient() {
        assertThat(error(UNDOCUMENTED, FrontEndOptions.LENIENT)).isEqualTo("OK");
    }

    @Test
    @DisplayName("a doc for another symbol")
    void wrongSymbol() {
        assertThat(error("##\n# @other:\n##\n{ 'command': 'cmd' }\n"))
                .isEqualTo("t.json: In command 'cmd':\nt.json:4: documentation comment is for 'other'");
    }
}
