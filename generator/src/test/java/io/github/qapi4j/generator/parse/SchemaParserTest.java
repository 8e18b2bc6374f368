/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.generator.source.SchemaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar, the lexical rules and the directives, one rule per test. */
class SchemaParserTest {

    @TempDir
    Path dir;

    private ParsedSchema parse(String text) throws Exception {
        Files.writeString(dir.resolve("t.json"), text);
        return SchemaParser.parse(dir, "t.json", false);
    }

    private String error(String text) {
        try {
            parse(text);
        } catch (SchemaException e) {
            return e.first().render();
        } catch (Exception e) {
            throw new AssertionError("not a schema error", e);
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void valuesKeepSourceOrderAndLines() throws Exception {
        ParsedSchema s = parse("{ 'struct': 'S',\n  'data': { 'b': 'int', 'a': ['str'], 'c': true, 'd': false } }\n");
        TopLevel.Definition d = (TopLevel.Definition) s.expressions().get(0);
        assertThat(d.info().line()).isEqualTo(1);
        ObjectValue data = (ObjectValue) d.expr().get("data");
        assertThat(data.keys()).containsExactly("b", "a", "c", "d");
        assertThat(data.line()).isEqualTo(2);
        assertThat(data.get("a")).isEqualTo(new ArrayValue(java.util.List.of(new StringValue("str", 2)), 2));
        assertThat(data.get("c")).isEqualTo(new BoolValue(true, 2));
        assertThat(d.expr().pythonRepr())
                .isEqualTo("{'struct': 'S', 'data': {'b': 'int', 'a': ['str'], 'c': True, 'd': False}}");
    }

    @Test
    void backslashEscapeIsTheOnlyEscape() throws Exception {
        ParsedSchema s = parse("{ 'x': 'a\\\\b' }");
        ObjectValue o = ((TopLevel.Definition) s.expressions().get(0)).expr();
        assertThat(((StringValue) o.get("x")).value()).isEqualTo("a\\b");
        assertThat(error("{ 'x': 'a\\nb' }")).isEqualTo("t.json:1:8: unknown escape \\n");
        assertThat(error("{ 'x': 'a\\'b' }")).isEqualTo("t.json:1:8: unknown escape \\'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{ 'a' 'b' }|t.json:1:7: expected ':'",
        "{ 'a': 'b' 'c': 'd' }|t.json:1:12: expected ',' or '}'",
        "{ 'a': 'b', }|t.json:1:13: expected string",
        "{ : }|t.json:1:3: expected string or '}'",
        "{ 'a': [ , ] }|t.json:1:10: expected '{', '[', ']', string, or boolean",
        "{ 'a': [ 'b' 'c' ] }|t.json:1:14: expected ',' or ']'",
        "{ 'a': [ 'b', ] }|t.json:1:15: expected '{', '[', string, or boolean",
        "{ 'a': }|t.json:1:8: expected '{', '[', string, or boolean",
        "]|t.json:1:1: expected '{', '[', string, or boolean",
        "{ 'a': 'b', 'a': 'c' }|t.json:1:18: duplicate key 'a'",
        "{ 'a': 123 }|t.json:1:8: stray '123'",
        "{ 'a': truex }|t.json:1:12: stray 'x'",
        "{ 'a': falsetrue }|t.json:1:13: expected ',' or '}'",
        "{ 'a': \"b\" }|t.json:1:8: stray '\"b'",
        "{ 'a': 'b' };|t.json:1:13: stray ';'",
        "{ 'a': 'b\u00e9' }|t.json:1:8: funny character in string",
        "{ 'a': 'b|t.json:1:8: missing terminating \"'\"",
    })
    void syntaxErrorsAreQemus(String text, String expected) {
        assertThat(error(text)).isEqualTo(expected);
    }

    @Test
    void topLevelValuesMustBeObjects() {
        assertThat(error("{ 'a': 'b' }\n[ 'c' ]")).isEqualTo("t.json:2: top-level expression must be an object");
    }

    @Test
    void tabsUseQemusColumnFormula() {
        // col 1, tab -> 1, 'x' -> 2 ... QEMU's formula maps col (c+7)%8+1, not a real tab stop
        assertThat(error("\t{ 'a' 'b' }")).isEqualTo("t.json:1:7: expected ':'");
        assertThat(error("{ 'a':\t\t\t}")).isEqualTo("t.json:1:7: expected '{', '[', string, or boolean");
    }

    @Test
    void endOfInputIsTheFinalNewline() {
        assertThat(error("{ 'a': 'b'")).isEqualTo("t.json:1:11: expected ',' or '}'");
        assertThat(error("{ 'a': 'b'\n\n")).isEqualTo("t.json:2:1: expected ',' or '}'");
    }

    @Test
    void carriageReturnsAreNewlines() throws Exception {
        assertThat(error("{ 'a': 'b' }\r\n{ 'c' }\r\n")).isEqualTo("t.json:2:7: expected ':'");
    }

    @Test
    void badUtf8IsALocatedError() throws Exception {
        Files.write(dir.resolve("t.json"), new byte[] {'{', ' ', '\'', 'a', '\'', ':', '\n', ' ', ' ', (byte) 0xff});
        assertThatThrownBy(() -> SchemaParser.parse(dir, "t.json", false))
                .isInstanceOf(SchemaException.class)
                .hasMessage("t.json:2:3: invalid UTF-8 byte 0xff");
    }

    @Test
    void includesAreReadOnceAndJoinedToTheIncludersDirectory() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/a.json"), "{ 'include': 'b.json' }\n{ 'enum': 'E', 'data': [] }\n");
        Files.writeString(dir.resolve("sub/b.json"), "{ 'struct': 'S', 'data': {} }\n");
        ParsedSchema s = parse("{ 'include': 'sub/a.json' }\n{ 'include': 'sub/b.json' }\n");
        assertThat(s.expressions())
                .extracting(e -> e instanceof TopLevel.Include i ? "include " + i.fileName()
                        : "def " + ((TopLevel.Definition) e).info().fileName())
                .containsExactly("include sub/a.json", "include sub/b.json", "def sub/b.json", "def sub/a.json",
                        "include sub/b.json");
        TopLevel.Definition struct = (TopLevel.Definition) s.expressions().get(2);
        assertThat(struct.info().toString())
                .isEqualTo("In file included from t.json:1:\nIn file included from sub/a.json:1:\nsub/b.json:1");
    }

    @Test
    void includeErrors() throws Exception {
        assertThat(error("{ 'include': 'nope.json' }"))
                .isEqualTo("t.json:1: can't read include file 'nope.json': No such file or directory");
        assertThat(error("{ 'include': 'x', 'data': 'y' }")).isEqualTo("t.json:1: invalid 'include' directive");
        assertThat(error("{ 'include': ['x'] }")).isEqualTo("t.json:1: value of 'include' must be a string");
        Files.writeString(dir.resolve("loop.json"), "{ 'include': 't.json' }\n");
        assertThat(error("{ 'include': 'loop.json' }"))
                .isEqualTo("In file included from t.json:1:\nloop.json:1: inclusion loop for t.json");
    }

    @Test
    void pragmas() throws Exception {
        ParsedSchema s = parse("{ 'pragma': { 'doc-required': true, 'command-name-exceptions': ['a_b'] } }\n"
                + "{ 'pragma': { 'command-name-exceptions': ['c_d'], 'documentation-exceptions': ['X'] } }\n");
        assertThat(s.pragmas().docRequired()).isTrue();
        assertThat(s.pragmas().commandNameExceptions()).containsExactly("c_d");
        assertThat(s.pragmas().documentationExceptions()).containsExactly("X");
        assertThat(s.expressions()).isEmpty();
        assertThat(error("{ 'pragma': { 'doc-required': 'yes' } }"))
                .isEqualTo("t.json:1: pragma 'doc-required' must be boolean");
        assertThat(error("{ 'pragma': { 'member-name-exceptions': [ true ] } }"))
                .isEqualTo("t.json:1: pragma member-name-exceptions must be a list of strings");
        assertThat(error("{ 'pragma': { 'whatever': [] } }")).isEqualTo("t.json:1: unknown pragma 'whatever'");
        assertThat(error("{ 'pragma': [] }")).isEqualTo("t.json:1: value of 'pragma' must be an object");
        assertThat(error("{ 'pragma': {}, 'x': 'y' }")).isEqualTo("t.json:1: invalid 'pragma' directive");
    }

    @Test
    void lexicalErrorAfterAnIncludeComesFirst() throws Exception {
        // QEMU reads the token after '}' before it acts on the directive
        assertThat(error("{ 'include': 'nope.json' } 1")).isEqualTo("t.json:1:28: stray '1'");
    }

    @Test
    void unreadableRootFileHasNoLocation() {
        assertThatThrownBy(() -> SchemaParser.parse(dir, "missing.json", false))
                .isInstanceOf(SchemaException.class)
                .hasMessage("can't read schema file 'missing.json': No such file or directory");
    }

    @Test
    void docBlocksArePlacedAndPaired() throws Exception {
        ParsedSchema s = parse("##\n# @S:\n##\n{ 'struct': 'S', 'data': {} }\n");
        TopLevel.Definition d = (TopLevel.Definition) s.expressions().get(0);
        assertThat(d.doc()).isNotNull();
        assertThat(d.doc().symbol()).isEqualTo("S");
        assertThat(d.doc().info().line()).isEqualTo(1);
        assertThat(s.docs()).hasSize(1);
        assertThat(error("##\n# @S:\n##\n{ 'include': 'x.json' }\n"))
                .isEqualTo("t.json:1: documentation for 'S' is not followed by the definition");
        assertThat(error("##\n# Just text\n##\n{ 'struct': 'S', 'data': {} }\n"))
                .isEqualTo("t.json:1: definition documentation required");
        assertThat(error("##\n# @S:\n##\n")).isEqualTo("t.json:1: documentation for 'S' is not followed by the definition");
        assertThat(error("##\n# @S:\n{ 'struct': 'S', 'data': {} }\n"))
                .isEqualTo("t.json:3:1: documentation comment must end with '##'");
        // the block's terminating token is itself bad: the lexical error wins
        assertThat(error("##\n# @S:\n  123\n")).isEqualTo("t.json:3:3: stray '123'");
    }

    @Test
    void lexicalErrorAfterAClosedDocBlockBeatsItsEndChecks() {
        assertThat(error("##\n# @S:\n#\n# Since:\n##\n123\n")).isEqualTo("t.json:6:1: stray '123'");
        assertThat(error("##\n# @S:\n#\n# Since:\n##\n{ 'struct': 'S', 'data': {} }\n"))
                .isEqualTo("t.json:4: text required after 'Since:'");
    }

    @Test
    void docCommentInsideAnExpressionIsASyntaxError() {
        assertThat(error("{ 'a': 'b',\n  ## c\n  'd': 'e' }")).isEqualTo("t.json:2:3: expected string");
    }

    @Test
    void fileEndingWithoutNewlineAndEmptyFile() throws Exception {
        assertThat(parse("").expressions()).isEmpty();
        assertThat(parse("{ 'enum': 'E', 'data': [] }").expressions()).hasSize(1);
    }

    @Test
    void nonBmpCharactersInCommentsKeepColumnsRight() throws IOException {
        Files.write(dir.resolve("t.json"), "# \uD83D\uDE00 smile\n{ 'a' 'b' }\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SchemaParser.parse(dir, "t.json", false)).hasMessage("t.json:2:7: expected ':'");
    }
}
