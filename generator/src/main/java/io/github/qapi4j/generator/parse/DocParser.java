/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SchemaException;
import io.github.qapi4j.generator.source.SourceInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses one {@code ##} documentation block into a {@link DocComment}.
 *
 * <p>The rules are those of QEMU's current front end (specs/qapi-language.md §12). With {@code
 * lenient} the same state machine runs with QEMU 7.2's looser rules switched in, so that 7.2-era
 * schemas parse:
 *
 * <ul>
 *   <li>no 70-column / two-space line checks;
 *   <li>{@code Note:}, {@code Notes:}, {@code Example:}, {@code Examples:} are sections ({@link
 *       DocSection.Kind#LEGACY_TAG}) instead of errors;
 *   <li>like 7.2, a description or tag is recognised by the first word of <em>any</em> line (not
 *       only at the start of a paragraph), descriptions need not be indented (they end at a
 *       non-indented line after a blank line), tagged sections run to the next tag, the tag's
 *       indentation is stripped from continuation lines, and section text is stripped of all
 *       surrounding white space;
 *   <li>no "feature descriptions expected" / "duplicated 'Features:' line" errors.
 * </ul>
 *
 * <p>Placement checks (a definition doc must be followed by its definition and vice versa) are the
 * caller's. No regular expressions: every line rule is a small hand-written matcher, because this
 * runs on every doc line of the schema.
 */
public final class DocParser {

    private static final String TWO_SPACES_MESSAGE =
            "Use two spaces between sentences\nIf this not the end of a sentence, please report a bug.";

    private final List<DocLine> lines;
    private final boolean lenient;

    /** Index of the line last read by {@link #next()}. */
    private int pos;

    /** Inside an rST literal block ({@code ::} or {@code .. qmp-example::}): no format checks. */
    private boolean literalMode;

    private int literalIndent;

    private final List<SectionBuilder> sections = new ArrayList<>();
    private final Set<String> memberNames = new HashSet<>();
    private final Set<String> featureNames = new HashSet<>();
    private boolean haveReturns;
    private boolean haveErrors;
    private boolean haveSince;

    private final Runnable afterClosing;

    private DocParser(List<DocLine> lines, boolean lenient, Runnable afterClosing) {
        this.lines = lines;
        this.lenient = lenient;
        this.afterClosing = afterClosing;
    }

    /**
     * Parses a documentation block.
     *
     * @param lines the opening {@code ##} comment, each comment line of the block, and finally the
     *     closing {@code ##} comment or the first non-comment element after the block
     * @param lenient apply QEMU 7.2's doc rules instead of the current ones
     * @return the parsed, finished block (every non-plain section has text)
     * @throws SchemaException the first error QEMU reports for the block
     */
    public static DocComment parse(List<DocLine> lines, boolean lenient) throws SchemaException {
        return parse(lines, lenient, () -> {});
    }

    /**
     * Parses a documentation block, running {@code afterClosing} once the closing {@code ##} has
     * been read and before the block's end-of-block checks: QEMU's lexer reads the token after the
     * block at that point, so the caller lexes it there (a lexical error in it wins).
     */
    public static DocComment parse(List<DocLine> lines, boolean lenient, Runnable afterClosing)
            throws SchemaException {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a doc block starts with its '##' line");
        }
        return new DocParser(lines, lenient, afterClosing).parseBlock();
    }

    // ---------------------------------------------------------------------------------------
    // The block grammar

    private DocComment parseBlock() throws SchemaException {
        DocLine open = lines.get(0);
        if (!"##".equals(open.comment())) {
            throw errorAt(open, "junk after '##' at start of documentation comment");
        }
        SourceInfo info = open.info();
        sections.add(new SectionBuilder(info, DocSection.Kind.PLAIN, null));

        String line = next();
        String symbol = null;
        if (line != null && line.startsWith("@")) {
            if (!line.endsWith(":")) {
                throw errorHere("line should end with ':'");
            }
            symbol = line.substring(1, line.length() - 1);
            if (symbol.isEmpty()) {
                throw errorHere("name required after '@'");
            }
            parseDefinitionSections();
        } else {
            parseFreeForm(line);
        }
        afterClosing.run();
        return finish(info, symbol);
    }

    private void parseFreeForm(String first) throws SchemaException {
        ensurePlain(here().info(), 1);
        String line = first;
        while (line != null) {
            String name = lenient ? freeFormSymbol72(line) : descriptionName(line);
            if (name != null) {
                throw errorHere("'@" + name + ":' not allowed in free-form documentation");
            }
            append(line);
            line = next();
        }
    }

    private void parseDefinitionSections() throws SchemaException {
        String line = next();
        boolean noMoreArgs = false;
        while (line != null) {
            int blanks = 0;
            while (line != null && line.isEmpty()) {
                blanks++;
                line = next();
            }
            if (line == null) {
                break;
            }
            // A non-blank line starts a section (or, lenient, any line the previous one returned).
            if (line.equals("Features:")) {
                if (!featureNames.isEmpty() && !lenient) {
                    throw errorHere("duplicated 'Features:' line");
                }
                line = next();
                while (line != null && line.isEmpty()) {
                    line = next();
                }
                int before = featureNames.size();
                line = parseDescriptions(line, DocSection.Kind.FEATURE);
                if (featureNames.size() == before && !lenient) {
                    throw errorHere("feature descriptions expected");
                }
                noMoreArgs = true;
            } else if (descriptionName(line) != null) {
                if (noMoreArgs) {
                    throw errorHere("description of '@" + descriptionName(line) + ":' follows a section");
                }
                line = parseDescriptions(line, DocSection.Kind.MEMBER);
                noMoreArgs = true;
            } else if (tagWord(line) != null) {
                line = parseTaggedSection(line);
                noMoreArgs = true;
            } else {
                ensurePlain(here().info(), lenient ? Math.max(1, blanks) : 1);
                append(line);
                line = readParagraph();
            }
        }
    }

    /** A run of {@code @name: text} descriptions; returns the first line after the run. */
    private String parseDescriptions(String first, DocSection.Kind kind) throws SchemaException {
        String line = first;
        String name;
        while (line != null && (name = descriptionName(line)) != null) {
            newDescription(kind, name);
            startSectionText(line, descriptionTextStart(line));
            line = lenient ? readContinuation72(false) : readIndented();
        }
        return line;
    }

    private String parseTaggedSection(String line) throws SchemaException {
        String tag = tagWord(line);
        DocSection.Kind kind;
        switch (tag) {
            case "Returns" -> kind = DocSection.Kind.RETURNS;
            case "Errors" -> kind = DocSection.Kind.ERRORS;
            case "Since" -> kind = DocSection.Kind.SINCE;
            case "TODO" -> kind = DocSection.Kind.TODO;
            default -> {
                if (!lenient) {
                    throw errorHere(legacyTagMessage(tag));
                }
                kind = DocSection.Kind.LEGACY_TAG;
            }
        }
        newTagged(kind, tag);
        startSectionText(line, tagTextStart(line, tag));
        return lenient ? readContinuation72(true) : readIndented();
    }

    private static String legacyTagMessage(String tag) {
        if (tag.startsWith("Note")) {
            return "The '" + tag + "' section is no longer supported. Please use rST's '.. note::' or "
                    + "'.. admonition:: notes' directives, or another suitable admonition instead.";
        }
        return "The '" + tag + "' section is no longer supported. Please use the '.. qmp-example::' "
                + "directive, or other suitable markup instead.";
    }

    /** The text after a description or tag on its first line. */
    private void startSectionText(String line, int textStart) {
        String text = line.substring(textStart);
        if (lenient) {
            // 7.2 always appended the (possibly empty) first line, and later stripped the column
            // where the text started from every continuation line.
            append(text);
            last().stripIndent = text.isEmpty() ? 0 : textStart;
        } else if (!text.isEmpty()) {
            append(text);
        }
    }

    /**
     * Continuation lines of a description or tagged section (current rules): optional blank
     * lines, then lines indented at least as much as the first one. Returns the first line that
     * is not part of the section, or null at the end of the block.
     */
    private String readIndented() throws SchemaException {
        String line = next();
        while (line != null && line.isEmpty()) {
            append(line);
            line = next();
        }
        if (line == null) {
            return null;
        }
        int indent = leadingSpace(line);
        if (indent == 0) {
            return line;
        }
        append(line);
        // QEMU's quirk: only the line directly after the first continuation line can fail with
        // "unexpected de-indent"; later on, a de-indented line just ends the section.
        boolean tolerateDeindent = false;
        while (true) {
            line = next();
            if (line == null || descriptionName(line) != null) {
                return line;
            }
            if (!line.isEmpty() && leadingSpace(line) < indent) {
                if (tolerateDeindent) {
                    return line;
                }
                throw errorHere("unexpected de-indent (expected at least " + indent + " spaces)");
            }
            append(line);
            tolerateDeindent = true;
        }
    }

    /**
     * Continuation lines with QEMU 7.2's rules (lenient only). Any line whose first word is a
     * description or a tag ends the section. A description also ends at a non-indented line that
     * follows a blank line; a tagged section swallows everything else.
     */
    private String readContinuation72(boolean tagged) throws SchemaException {
        while (true) {
            String line = next();
            if (line == null) {
                return null;
            }
            if (!line.isEmpty()) {
                if (descriptionName(line) != null || tagWord(line) != null) {
                    return line;
                }
                if (!tagged && endsWithBlankLine(last().text) && !isPySpace(line.charAt(0))) {
                    return line;
                }
            }
            append(line);
        }
    }

    private static boolean endsWithBlankLine(StringBuilder text) {
        int n = text.length();
        return n >= 2 && text.charAt(n - 1) == '\n' && text.charAt(n - 2) == '\n';
    }

    /** The rest of a plain paragraph; returns the line that ended it (blank or null). */
    private String readParagraph() throws SchemaException {
        while (true) {
            String line = next();
            if (line == null || line.isEmpty()) {
                return line;
            }
            if (lenient
                    && (descriptionName(line) != null
                            || tagWord(line) != null
                            || (sections.size() == 1 && line.equals("Features:")))) {
                return line;
            }
            append(line);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Sections

    private static final class SectionBuilder {
        SourceInfo info;
        final DocSection.Kind kind;
        final String name;
        final StringBuilder text = new StringBuilder();
        /** Lenient only: how many leading blanks to strip from continuation lines. */
        int stripIndent;

        SectionBuilder(SourceInfo info, DocSection.Kind kind, String name) {
            this.info = info;
            this.kind = kind;
            this.name = name;
        }
    }

    private SectionBuilder last() {
        return sections.get(sections.size() - 1);
    }

    /** Continue the current plain section (after {@code blankLines} empty lines), or start one. */
    private void ensurePlain(SourceInfo info, int blankLines) {
        SectionBuilder cur = last();
        if (cur.kind == DocSection.Kind.PLAIN) {
            if (cur.text.length() == 0) {
                cur.info = info; // empty so far: the section starts here
            }
            for (int i = 0; i < blankLines; i++) {
                cur.text.append('\n');
            }
            return;
        }
        sections.add(new SectionBuilder(info, DocSection.Kind.PLAIN, null));
    }

    private void newDescription(DocSection.Kind kind, String name) throws SchemaException {
        SourceInfo info = here().info();
        if (name.isEmpty()) {
            throw SchemaException.at(info, "invalid parameter name");
        }
        Set<String> seen = kind == DocSection.Kind.MEMBER ? memberNames : featureNames;
        if (!seen.add(name)) {
            throw SchemaException.at(info, "'" + name + "' parameter name duplicated");
        }
        sections.add(new SectionBuilder(info, kind, name));
    }

    private void newTagged(DocSection.Kind kind, String word) throws SchemaException {
        SourceInfo info = here().info();
        boolean duplicate =
                switch (kind) {
                    case RETURNS -> haveReturns;
                    case ERRORS -> haveErrors;
                    case SINCE -> haveSince;
                    default -> false;
                };
        if (duplicate) {
            throw SchemaException.at(info, "duplicated '" + kind.dumpName() + "' section");
        }
        switch (kind) {
            case RETURNS -> haveReturns = true;
            case ERRORS -> haveErrors = true;
            case SINCE -> haveSince = true;
            default -> { }
        }
        sections.add(new SectionBuilder(info, kind, kind == DocSection.Kind.LEGACY_TAG ? word : null));
    }

    private void append(String line) {
        SectionBuilder cur = last();
        if (cur.stripIndent > 0 && !line.isEmpty()) {
            line = line.substring(Math.min(cur.stripIndent, leadingSpace(line)));
        }
        cur.text.append(line).append('\n');
    }

    private DocComment finish(SourceInfo info, String symbol) throws SchemaException {
        List<DocSection> out = new ArrayList<>(sections.size());
        for (SectionBuilder s : sections) {
            String text = lenient ? stripSpace(s.text) : stripNewlines(s.text);
            if (s.kind != DocSection.Kind.PLAIN && text.isEmpty()) {
                String label = s.kind == DocSection.Kind.LEGACY_TAG ? s.name : s.kind.dumpName();
                throw SchemaException.at(s.info, "text required after '" + label + ":'");
            }
            out.add(new DocSection(s.info, s.kind, s.name, text));
        }
        return new DocComment(info, symbol, out);
    }

    private static String stripNewlines(StringBuilder sb) {
        int start = 0;
        int end = sb.length();
        while (start < end && sb.charAt(start) == '\n') {
            start++;
        }
        while (end > start && sb.charAt(end - 1) == '\n') {
            end--;
        }
        return sb.substring(start, end);
    }

    private static String stripSpace(StringBuilder sb) {
        int start = 0;
        int end = sb.length();
        while (start < end && isPySpace(sb.charAt(start))) {
            start++;
        }
        while (end > start && isPySpace(sb.charAt(end - 1))) {
            end--;
        }
        return sb.substring(start, end);
    }

    // ---------------------------------------------------------------------------------------
    // Reading lines

    private DocLine here() {
        return lines.get(pos);
    }

    /**
     * Reads the next line of the block: its text after {@code "# "}, right-stripped; {@code ""}
     * for a bare {@code #}; null for the closing {@code ##}. Applies the per-line checks.
     */
    private String next() throws SchemaException {
        pos++;
        if (pos >= lines.size()) {
            throw new IllegalArgumentException(
                    "doc lines end without a closing '##' or a terminating non-comment element");
        }
        DocLine dl = lines.get(pos);
        String comment = dl.comment();
        if (comment == null) {
            throw errorAt(dl, "documentation comment must end with '##'");
        }
        if (comment.startsWith("##")) {
            if (!comment.equals("##")) {
                throw errorAt(dl, "junk after '##' at end of documentation comment");
            }
            literalMode = false;
            return null;
        }
        if (comment.length() == 1) {
            return "";
        }
        if (comment.charAt(1) != ' ') {
            throw errorAt(dl, "missing space after #");
        }
        String line = rstrip(comment, 2);
        if (!lenient) {
            checkFormat(dl, line);
        }
        return line;
    }

    /** The 10.2 line checks: 70 columns and two spaces between sentences, outside literal blocks. */
    private void checkFormat(DocLine dl, String line) throws SchemaException {
        if (isLiteralBlockStart(line)) {
            literalMode = true;
            literalIndent = 0;
        } else if (literalMode && !line.isEmpty()) {
            int indent = leadingSpace(line);
            if (literalIndent == 0) {
                literalIndent = indent;
            } else if (indent < literalIndent) {
                literalMode = false;
            }
        }
        if (literalMode) {
            return;
        }
        if (line.length() + 2 > 70
                && line.codePointCount(0, line.length()) + 2 > 70
                && !isUrlLine(line)) {
            throw errorAt(dl, "documentation line longer than 70 characters");
        }
        int punct = singleSpaceAfterSentence(line);
        if (punct >= 0) {
            throw SchemaException.at(dl.info(), columnAfter(dl, punct), TWO_SPACES_MESSAGE);
        }
    }

    /**
     * The column just after the punctuation at {@code line} index {@code punct}. QEMU counts, with
     * its tab rule, that many characters from the start of the physical line; we know the line
     * from the comment's {@code #} on, so anything before it is taken as spaces (exact when the
     * comment starts the line, as every real doc comment does).
     */
    private static int columnAfter(DocLine dl, int punct) {
        String comment = dl.comment();
        int prefix = Math.max(0, dl.column() - 1);
        int count = 2 + comment.codePointCount(2, 2 + punct) + 1;
        int col = 1;
        int i = 0;
        for (int k = 0; k < count; k++) {
            int cp;
            if (k < prefix) {
                cp = ' ';
            } else {
                cp = comment.codePointAt(i);
                i += Character.charCount(cp);
            }
            col = cp == '\t' ? (col + 7) % 8 + 1 : col + 1;
        }
        return col;
    }

    // ---------------------------------------------------------------------------------------
    // Line matchers (hand-written equivalents of the reference's patterns)

    /**
     * The name of an {@code @name:} description line, or null. Current rules: {@code @}, then
     * anything up to the first colon. Lenient (7.2): the first space-separated word is
     * {@code @...:}.
     */
    private String descriptionName(String line) {
        if (line.isEmpty() || line.charAt(0) != '@') {
            return null;
        }
        if (lenient) {
            int end = firstWordEnd(line);
            return end >= 2 && line.charAt(end - 1) == ':' ? line.substring(1, end - 1) : null;
        }
        int colon = line.indexOf(':', 1);
        return colon < 0 ? null : line.substring(1, colon);
    }

    /** Where the text after a description's {@code @name:} starts. */
    private int descriptionTextStart(String line) {
        int i = lenient ? firstWordEnd(line) : line.indexOf(':', 1) + 1;
        return lenient ? skipPySpace(line, i) : skipSpaces(line, i);
    }

    /**
     * The tag word if {@code line} starts a tagged section, else null. Current rules: one of
     * Returns, Errors, Since, Note(s), Example(s), TODO, then a single colon (not {@code ::}).
     * Lenient (7.2): the first space-separated word is exactly such a tag plus colon.
     */
    private String tagWord(String line) {
        if (line.isEmpty()) {
            return null;
        }
        switch (line.charAt(0)) {
            case 'R', 'E', 'S', 'N', 'T' -> { }
            default -> {
                return null;
            }
        }
        if (lenient) {
            int end = firstWordEnd(line);
            if (end < 2 || line.charAt(end - 1) != ':') {
                return null;
            }
            String word = line.substring(0, end - 1);
            return switch (word) {
                case "Returns", "Errors", "Since", "Note", "Notes", "Example", "Examples", "TODO" -> word;
                default -> null;
            };
        }
        for (String tag : TAGS) {
            if (line.startsWith(tag) && isSingleColonAt(line, tag.length())) {
                return tag;
            }
        }
        return null;
    }

    /** Longest first, as the reference's greedy {@code Notes?} / {@code Examples?} behave. */
    private static final String[] TAGS = {
        "Returns", "Errors", "Since", "Notes", "Note", "Examples", "Example", "TODO"
    };

    private static boolean isSingleColonAt(String line, int i) {
        return i < line.length()
                && line.charAt(i) == ':'
                && !(i + 1 < line.length() && line.charAt(i + 1) == ':');
    }

    private int tagTextStart(String line, String tag) {
        int i = tag.length() + 1;
        return lenient ? skipPySpace(line, i) : skipSpaces(line, i);
    }

    /**
     * QEMU 7.2's free-form check: the line starts with {@code @}, non-blank characters and a
     * colon; returns the name as 7.2 quoted it (up to the last colon of the first word), or null.
     */
    private static String freeFormSymbol72(String line) {
        if (line.isEmpty() || line.charAt(0) != '@') {
            return null;
        }
        int end = 1;
        while (end < line.length() && !isPySpace(line.charAt(end))) {
            end++;
        }
        int colon = line.lastIndexOf(':', end - 1);
        return colon >= 2 ? line.substring(1, colon) : null;
    }

    /** End of the first word when splitting on the space character only (7.2's {@code split(' ')}). */
    private static int firstWordEnd(String line) {
        int sp = line.indexOf(' ');
        return sp < 0 ? line.length() : sp;
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int skipPySpace(String line, int i) {
        while (i < line.length() && isPySpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A line that opens an rST literal block: {@code ::} or {@code .. qmp-example::}. */
    static boolean isLiteralBlockStart(String line) {
        int i = 0;
        if (line.startsWith("..")) {
            int j = 2;
            while (j < line.length() && line.charAt(j) == ' ') {
                j++;
            }
            if (j == 2 || !line.startsWith("qmp-example", j)) {
                return false;
            }
            i = j + "qmp-example".length();
        }
        i = skipSpaces(line, i);
        return line.length() - i == 2 && line.charAt(i) == ':' && line.charAt(i + 1) == ':';
    }

    /** A line that is just a URL (with optional indentation), exempt from the 70-column rule. */
    static boolean isUrlLine(String line) {
        int i = skipSpaces(line, 0);
        int rest;
        if (line.startsWith("http://", i)) {
            rest = i + 7;
        } else if (line.startsWith("https://", i)) {
            rest = i + 8;
        } else if (line.startsWith("ftp://", i)) {
            rest = i + 6;
        } else {
            return false;
        }
        return line.indexOf(' ', rest) < 0;
    }

    /**
     * Index of a {@code .}, {@code !} or {@code ?} followed by exactly one space and an
     * upper-case letter, digit or {@code (}; -1 if none. Scans left to right like the reference's
     * non-overlapping search, in which {@code e.g.} and a leading list number ({@code 1.}) are
     * consumed as harmless matches.
     */
    static int singleSpaceAfterSentence(String line) {
        int n = line.length();
        int from = 0;
        int j = skipSpaces(line, 0);
        if (j < n && Character.isDigit(line.codePointAt(j))) {
            int k = j + Character.charCount(line.codePointAt(j));
            if (k + 2 < n
                    && line.charAt(k) == '.'
                    && line.charAt(k + 1) == ' '
                    && startsSentence(line.charAt(k + 2))) {
                from = k + 3; // the list number, consumed
            }
        }
        // Jump from punctuation mark to punctuation mark (most lines have none or one). An "e.g. X"
        // consumed by the reference's scan can only ever match at its last '.', so that is where it
        // is recognised; nothing else inside it can match.
        int dot = line.indexOf('.', from);
        int bang = line.indexOf('!', from);
        int question = line.indexOf('?', from);
        while (true) {
            int p = minIndex(dot, minIndex(bang, question));
            if (p < 0 || p + 2 >= n) {
                return -1;
            }
            if (line.charAt(p + 1) == ' ' && startsSentence(line.charAt(p + 2)) && !isEgEndingAt(line, p, from)) {
                return p;
            }
            if (p == dot) {
                dot = line.indexOf('.', p + 1);
            } else if (p == bang) {
                bang = line.indexOf('!', p + 1);
            } else {
                question = line.indexOf('?', p + 1);
            }
        }
    }

    /** The smaller of two {@code indexOf} results, -1 counting as none. */
    private static int minIndex(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** Whether the '.' at {@code p} ends a harmless {@code e.g.} that starts a word at or after {@code from}. */
    private static boolean isEgEndingAt(String line, int p, int from) {
        int e = p - 3;
        return e >= from
                && line.charAt(p) == '.'
                && line.startsWith("e.g.", e)
                && (e == 0 || !isWordChar(line.codePointBefore(e)));
    }

    private static boolean startsSentence(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '(';
    }

    private static boolean isWordChar(int cp) {
        if (cp == '_' || Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Number of leading white-space characters (the reference's {@code \s*}). */
    static int leadingSpace(String line) {
        int i = 0;
        while (i < line.length() && isPySpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String rstrip(String s, int from) {
        int end = s.length();
        while (end > from && isPySpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(from, end);
    }

    /** Python's {@code str.isspace()} for one BMP character. */
    static boolean isPySpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        }
        return c == 0x85
                || c == 0xa0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202f
                || c == 0x205f
                || c == 0x3000;
    }

    // ---------------------------------------------------------------------------------------
    // Errors

    private SchemaException errorHere(String message) {
        return errorAt(here(), message);
    }

    private static SchemaException errorAt(DocLine dl, String message) {
        return SchemaException.at(dl.info(), dl.column(), message);
    }
}
