/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.qapi4j.generator.source.SchemaException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One rule per test; schema snippets are cut into doc blocks by {@link DocBlocks}. */
class DocParserTest {

    static DocComment parse(String schema) throws SchemaException {
        return parse(schema, false);
    }

    static DocComment parse(String schema, boolean lenient) throws SchemaException {
        List<List<DocLine>> blocks = DocBlocks.of("t.json", schema);
        assertThat(blocks).hasSize(1);
        return DocParser.parse(blocks.get(0), lenient);
    }

    static String error(String schema) {
        return error(schema, false);
    }

    static String error(String schema, boolean lenient) {
        SchemaException e = catchThrowableOfType(SchemaException.class, () -> parse(schema, lenient));
        assertThat(e).as("expected an error").isNotNull();
        return e.first().render();
    }

    static String dump(String schema) throws SchemaException {
        return DocDump.render(parse(schema));
    }

    @Nested
    @DisplayName("block shape")
    class Shape {
        @Test
        void junkAtStart() {
            assertThat(error("  ### x\n#\n##\n")).isEqualTo("t.json:1:3: junk after '##' at start of documentation comment");
        }

        @Test
        void junkAtEnd() {
            assertThat(error("##\n# foo\n  ##x\n")).isEqualTo("t.json:3:3: junk after '##' at end of documentation comment");
        }

        @Test
        void unterminatedAtEndOfInput() {
            assertThat(error("##\n# An invalid comment\n#\n")).isEqualTo("t.json:3:2: documentation comment must end with '##'");
        }

        @Test
        void unterminatedBeforeCode() {
            assertThat(error("##\n# @foo:\n\n\t{ 'command': 'foo' }\n"))
                    .isEqualTo("t.json:4:1: documentation comment must end with '##'");
            assertThat(error("##\n# @foo:\n    { 'command': 'foo' }\n"))
                    .isEqualTo("t.json:3:5: documentation comment must end with '##'");
        }

        @Test
        void missingSpace() {
            assertThat(error("##\n# @foo:\n#bar\n##\n")).isEqualTo("t.json:3:1: missing space after #");
            assertThat(error("##\n# @foo:\n#\tbar\n##\n")).isEqualTo("t.json:3:1: missing space after #");
        }

        @Test
        void tabColumn() {
            // QEMU's tab rule: a tab at column 1 stays at 1, at column 2 goes to 1 as well
            assertThat(error("##\n# @foo:\n \t#bar\n##\n")).isEqualTo("t.json:3:2: missing space after #");
        }

        @Test
        void emptyBlockIsFreeForm() throws SchemaException {
            DocComment doc = parse("##\n##\n");
            assertThat(doc.isFreeForm()).isTrue();
            assertThat(doc.body().text()).isEmpty();
            assertThat(doc.info().line()).isEqualTo(1);
        }

        @Test
        void symbolLine() {
            assertThat(error("##\n# @foo\n##\n")).isEqualTo("t.json:2:1: line should end with ':'");
            assertThat(error("##\n# @foo: bar\n##\n")).isEqualTo("t.json:2:1: line should end with ':'");
            assertThat(error("##\n# @:\n##\n")).isEqualTo("t.json:2:1: name required after '@'");
        }

        @Test
        void symbolLineTrailingSpaceIsStripped() throws SchemaException {
            assertThat(parse("##\n# @foo:   \n##\n").symbol()).isEqualTo("foo");
        }
    }

    @Nested
    @DisplayName("free-form documentation")
    class FreeForm {
        @Test
        void keepsLinesAndBlankLines() throws SchemaException {
            assertThat(dump("##\n#\n# = Title\n#\n#   indented\n# text\n#\n##\n"))
                    .isEqualTo("doc freeform\n    body=\n= Title\n\n  indented\ntext\n");
        }

        @Test
        void rejectsDescriptions() {
            assertThat(error("##\n# Intro\n#\n# @foo bar: x\n##\n"))
                    .isEqualTo("t.json:4:1: '@foo bar:' not allowed in free-form documentation");
        }

        @Test
        void bodyStartsAtFirstLine() throws SchemaException {
            DocComment doc = parse("##\n# Text\n##\n");
            assertThat(doc.info().line()).isEqualTo(1);
            assertThat(doc.body().info().line()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("definition documentation")
    class Definition {
        @Test
        void overviewParagraphsJoinedByOneBlankLine() throws SchemaException {
            assertThat(dump("##\n# @foo:\n#\n# one\n# two\n#\n#\n# three\n##\n"))
                    .isEqualTo("doc symbol=foo\n    body=\none\ntwo\n\nthree\n");
        }

        @Test
        void plainAfterDescriptionIsASection() throws SchemaException {
            DocComment doc = parse("##\n# @foo:\n# @a: x\n#\n# more\n#\n# still more\n##\n");
            assertThat(doc.sections()).extracting(DocSection::kind)
                    .containsExactly(DocSection.Kind.PLAIN, DocSection.Kind.MEMBER, DocSection.Kind.PLAIN);
            assertThat(doc.sections().get(2).text()).isEqualTo("more\n\nstill more");
            assertThat(doc.sections().get(2).info().line()).isEqualTo(5);
        }

        @Test
        void tagsAndTheirText() throws SchemaException {
            DocComment doc = parse("##\n# @foo:\n#\n# Returns:  x\n#\n# Errors: y\n# Since: 1.0\n# TODO:\n#   later\n##\n");
            assertThat(DocDump.render(doc)).isEqualTo("doc symbol=foo\n    body=\n\n"
                    + "    section=Returns\nx\n    section=Errors\ny\n    section=Since\n1.0\n    section=Todo\n  later\n");
            assertThat(doc.otherSections()).extracting(s -> s.info().line()).containsExactly(4, 6, 7, 8);
        }

        @Test
        void tagOnlyAtParagraphStart() throws SchemaException {
            assertThat(dump("##\n# @foo:\n#\n# text\n# Since: 1.0\n##\n"))
                    .isEqualTo("doc symbol=foo\n    body=\ntext\nSince: 1.0\n");
        }

        @Test
        void doubleColonIsNotATag() throws SchemaException {
            assertThat(dump("##\n# @foo:\n#\n# Returns::\n#\n#   x\n##\n"))
                    .isEqualTo("doc symbol=foo\n    body=\nReturns::\n\n  x\n");
        }

        @Test
        void noteAndExampleRejected() {
            assertThat(error("##\n# @foo:\n#\n# Notes: x\n##\n")).isEqualTo("t.json:4:1: The 'Notes' section is no longer "
                    + "supported. Please use rST's '.. note::' or '.. admonition:: notes' directives, or another "
                    + "suitable admonition instead.");
            assertThat(error("##\n# @foo:\n#\n# Example:\n##\n")).isEqualTo("t.json:4:1: The 'Example' section is no "
                    + "longer supported. Please use the '.. qmp-example::' directive, or other suitable markup instead.");
        }

        @Test
        void textRequired() {
            assertThat(error("##\n# @foo:\n# @a:\n##\n")).isEqualTo("t.json:3: text required after 'Member:'");
            assertThat(error("##\n# @foo:\n#\n# Features:\n# @f:\n#\n##\n")).isEqualTo("t.json:5: text required after 'Feature:'");
            assertThat(error("##\n# @foo:\n#\n# TODO:\n##\n")).isEqualTo("t.json:4: text required after 'Todo:'");
        }

        @Test
        void textRequiredIsReportedAfterTheWholeBlock() {
            assertThat(error("##\n# @foo:\n# @a:\n# @b: x\n#bad\n##\n")).isEqualTo("t.json:5:1: missing space after #");
        }

        @Test
        void duplicates() {
            assertThat(error("##\n# @foo:\n#\n# Errors: a\n#\n# Errors: b\n##\n")).isEqualTo("t.json:6: duplicated 'Errors' section");
            assertThat(error("##\n# @foo:\n#\n# Features:\n# @f: a\n# @f: b\n##\n")).isEqualTo("t.json:6: 'f' parameter name duplicated");
            assertThat(error("##\n# @foo:\n#\n# Features:\n# @f: a\n#\n# Features:\n# @g: b\n##\n"))
                    .isEqualTo("t.json:7:1: duplicated 'Features:' line");
        }

        @Test
        void sameNameMemberAndFeatureIsFine() throws SchemaException {
            DocComment doc = parse("##\n# @foo:\n# @x: a\n#\n# Features:\n# @x: b\n##\n");
            assertThat(doc.members()).hasSize(1);
            assertThat(doc.features()).hasSize(1);
        }

        @Test
        void featureDescriptionsExpected() {
            assertThat(error("##\n# @foo:\n#\n# Features:\n#\n# text\n##\n")).isEqualTo("t.json:6:1: feature descriptions expected");
            assertThat(error("##\n# @foo:\n#\n# Features:\n##\n")).isEqualTo("t.json:5:1: feature descriptions expected");
        }

        @Test
        void descriptionsMustBeContiguous() {
            assertThat(error("##\n# @foo:\n# @a: x\n#\n# text\n#\n# @b: y\n##\n"))
                    .isEqualTo("t.json:7:1: description of '@b:' follows a section");
            assertThat(error("##\n# @foo:\n# Since: 1\n# @b: y\n##\n"))
                    .isEqualTo("t.json:4:1: description of '@b:' follows a section");
            assertThat(error("##\n# @foo:\n#\n# Features:\n# @f: x\n#\n# text\n#\n# @b: y\n##\n"))
                    .isEqualTo("t.json:9:1: description of '@b:' follows a section");
        }

        @Test
        void blankLinesBetweenDescriptionsAreFine() throws SchemaException {
            DocComment doc = parse("##\n# @foo:\n# overview\n#\n# @a: x\n#\n#\n# @b: y\n##\n");
            assertThat(doc.members()).extracting(DocSection::name).containsExactly("a", "b");
            assertThat(doc.body().text()).isEqualTo("overview");
            assertThat(doc.body().info().line()).isEqualTo(3);
        }

        @Test
        void descriptionNameUpToFirstColon() throws SchemaException {
            assertThat(parse("##\n# @foo:\n# @a b: x: y\n##\n").members().get(0))
                    .extracting(DocSection::name, DocSection::text).containsExactly("a b", "x: y");
        }

        @Test
        void emptyName() {
            assertThat(error("##\n# @foo:\n# @: x\n##\n")).isEqualTo("t.json:3: invalid parameter name");
        }
    }

    @Nested
    @DisplayName("indentation")
    class Indentation {
        @Test
        void continuationKeepsItsIndentation() throws SchemaException {
            assertThat(parse("##\n# @foo:\n# @a: one\n#    two\n#\n#      three\n##\n").members().get(0).text())
                    .isEqualTo("one\n   two\n\n     three");
        }

        @Test
        void unindentedLineEndsTheSection() throws SchemaException {
            assertThat(dump("##\n# @foo:\n# @a: one\n# two\n##\n"))
                    .isEqualTo("doc symbol=foo\n    body=\n\n    arg=a\none\n    section=Plain\ntwo\n");
        }

        @Test
        void deindentOnSecondContinuationLine() {
            assertThat(error("##\n# @foo:\n# @a: one\n#     two\n#   three\n##\n"))
                    .isEqualTo("t.json:5:1: unexpected de-indent (expected at least 4 spaces)");
        }

        @Test
        void deindentAfterBlankLineEndsTheSection() throws SchemaException {
            assertThat(dump("##\n# @foo:\n# Since: one\n#     two\n#\n#   three\n##\n"))
                    .isEqualTo("doc symbol=foo\n    body=\n\n    section=Since\none\n    two\n    section=Plain\n  three\n");
        }

        @Test
        void deindentQuirkAfterTwoContinuationLines() throws SchemaException {
            // no blank line, but an earlier continuation line: QEMU ends the section silently
            assertThat(dump("##\n# @foo:\n# Since: one\n#     two\n#     three\n#   four\n##\n"))
                    .isEqualTo("doc symbol=foo\n    body=\n\n    section=Since\none\n    two\n    three\n"
                            + "    section=Plain\n  four\n");
        }

        @Test
        void descriptionLineEndsTheSection() throws SchemaException {
            assertThat(parse("##\n# @foo:\n# @a: one\n#     two\n# @b: three\n##\n").members())
                    .extracting(DocSection::text).containsExactly("one\n    two", "three");
        }
    }

    @Nested
    @DisplayName("line format (since 10.2)")
    class LineFormat {
        static final String LONG = "x".repeat(69);

        @Test
        void seventyColumns() throws SchemaException {
            parse("##\n# " + "x".repeat(68) + "\n##\n");
            assertThat(error("##\n# " + LONG + "\n##\n")).isEqualTo("t.json:2:1: documentation line longer than 70 characters");
        }

        @Test
        void trailingSpaceDoesNotCount() throws SchemaException {
            parse("##\n# " + "x".repeat(68) + "    \n##\n");
        }

        @Test
        void urlIsExempt() throws SchemaException {
            parse("##\n#   https://example.org/" + LONG + "\n##\n");
            assertThat(error("##\n# see https://example.org/" + LONG + "\n##\n"))
                    .isEqualTo("t.json:2:1: documentation line longer than 70 characters");
        }

        @Test
        void twoSpaces() {
            assertThat(error("##\n# @foo:\n#\n# Sentences should be separated by two spaces. But here is only one.\n##\n"))
                    .isEqualTo("t.json:4:47: Use two spaces between sentences\n"
                            + "If this not the end of a sentence, please report a bug.");
            assertThat(error("##\n# Really? (Yes)\n##\n")).endsWith("t.json:2:10: Use two spaces between sentences\n"
                    + "If this not the end of a sentence, please report a bug.");
            assertThat(error("##\n# Wow! 3 things\n##\n")).startsWith("t.json:2:7: ");
        }

        @Test
        void twoSpacesColumnUsesTabRule() {
            // '#' ' ' 'a' take columns 1-3; the tab at column 4 maps to (4 + 7) % 8 + 1 = 4
        assertThat(error("##\n# a\tb. C\n##\n")).startsWith("t.json:2:6: ");
        }

        @Test
        void twoSpacesExemptions() throws SchemaException {
            parse("##\n# Use a format, e.g. FLAT or QCOW2.  Done.\n# 1. First item\n#   2. Second\n"
                    + "# Ends with a dot. lower case is fine\n# Two spaces.  Fine.\n##\n");
            // "e.g." must be a word of its own, and a list number only counts at the start
            assertThat(error("##\n# Somee.g. Foo\n##\n")).startsWith("t.json:2:11: ");
            parse("##\n# Some.e.g. Foo\n##\n");
            assertThat(error("##\n# Item 1. First\n##\n")).startsWith("t.json:2:10: ");
        }

        @Test
        void literalBlocksAreExempt() throws SchemaException {
            // "Example::" does not open a literal block: only a bare "::" does
            assertThat(error("##\n# Example::\n#\n#   " + LONG + "\n##\n")).startsWith("t.json:4:1: documentation line");
            String ok = "##\n# @foo:\n#\n# ::\n#\n#   " + LONG + "\n#   Two. Spaces\n#\n# Back. Here\n##\n";
            assertThat(error(ok)).startsWith("t.json:9:8: Use two spaces");
            parse("##\n# @foo:\n#\n# .. qmp-example::\n#    :title: A. B\n#\n#    -> " + LONG + "\n##\n");
        }

        @Test
        void literalBlockWithUnindentedText() throws SchemaException {
            // QEMU quirk: an unindented first line does not fix the indentation, so it stays literal
            parse("##\n#  ::\n#\n# " + LONG + "\n# Still. Literal\n##\n");
        }

        @Test
        void literalModeEndsWithTheBlock() throws SchemaException {
            List<List<DocLine>> blocks = DocBlocks.of("t.json", "##\n# ::\n#   " + LONG + "\n##\n##\n# " + LONG + "\n##\n");
            DocParser.parse(blocks.get(0), false);
            SchemaException e = catchThrowableOfType(SchemaException.class, () -> DocParser.parse(blocks.get(1), false));
            assertThat(e.first().render()).isEqualTo("t.json:6:1: documentation line longer than 70 characters");
        }

        @Test
        void checkedBeforeTheLineIsInterpreted() {
            assertThat(error("##\n# @foo:\n# @: Bad. Line\n##\n")).startsWith("t.json:3:10: Use two spaces");
        }
    }

    @Nested
    @DisplayName("lenient (QEMU 7.2) rules")
    class Lenient {
        @Test
        void noLineFormatChecks() throws SchemaException {
            parse("##\n# " + "x".repeat(100) + ". Only one\n##\n", true);
        }

        @Test
        void legacyTags() throws SchemaException {
            DocComment doc = parse("##\n# @foo:\n#\n# Notes: one\n#        two\n#\n# Example:\n#\n# -> x\n# <- y\n##\n", true);
            assertThat(doc.otherSections()).extracting(DocSection::kind, DocSection::name, DocSection::text)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(DocSection.Kind.LEGACY_TAG, "Notes", "one\ntwo"),
                            org.assertj.core.groups.Tuple.tuple(DocSection.Kind.LEGACY_TAG, "Example", "-> x\n<- y"));
        }

        @Test
        void unindentedDescriptionContinuation() throws SchemaException {
            DocComment doc = parse("##\n# @foo:\n# @a:\n# one\n# two\n#\n# @b: three\n#     four\n#\n# Body\n##\n", true);
            assertThat(doc.members()).extracting(DocSection::text).containsExactly("one\ntwo", "three\nfour");
            assertThat(doc.otherSections()).extracting(DocSection::text).containsExactly("Body");
        }

        @Test
        void tagsAnywhere() throws SchemaException {
            DocComment doc = parse("##\n# @foo:\n# Intro\n# @a: x\n# Since: 1.0\n##\n", true);
            assertThat(doc.body().text()).isEqualTo("Intro");
            assertThat(doc.members()).extracting(DocSection::text).containsExactly("x");
            assertThat(doc.otherSections()).extracting(DocSection::kind).containsExactly(DocSection.Kind.SINCE);
        }

        @Test
        void taggedSectionRunsToNextTag() throws SchemaException {
            DocComment doc = parse("##\n# @foo:\n# Returns: x\n#\n# more\n# Since: 1\n##\n", true);
            assertThat(doc.otherSections()).extracting(DocSection::text).containsExactly("x\n\nmore", "1");
        }

        @Test
        void freeFormUses72Rule() throws SchemaException {
            parse("##\n# Intro\n# @foo bar: x\n##\n", true);
            assertThat(error("##\n# Intro\n# @foo: x\n##\n", true))
                    .isEqualTo("t.json:3:1: '@foo:' not allowed in free-form documentation");
        }

        @Test
        void featuresWithoutDescriptionsTolerated() throws SchemaException {
            parse("##\n# @foo:\n#\n# Features:\n#\n# text\n##\n", true);
        }

        @Test
        void stillRejectsWhat72Rejected() {
            assertThat(error("##\n# @foo:\n# @a: x\n# @a: y\n##\n", true)).isEqualTo("t.json:4: 'a' parameter name duplicated");
            assertThat(error("##\n# @foo:\n# Since: 1\n# Since: 2\n##\n", true)).isEqualTo("t.json:4: duplicated 'Since' section");
            assertThat(error("##\n# @foo:\n# Example:\n##\n", true)).isEqualTo("t.json:3: text required after 'Example:'");
        }
    }
}
