/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.SchemaException;
import io.github.qapi4j.generator.source.SourceInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A doc block parsed ahead of the parser, on the read-ahead thread, before the file's include
 * chain is known: locations are relative to a stand-in file location and are moved to the real
 * one when the parser reaches the block.
 *
 * @param comment the parsed block, or null when it was rejected
 * @param error the rejection, or null
 * @param closingReached whether the closing {@code ##} had been read when the parse ended (an
 *     error after it is an end-of-block check, which QEMU makes only after reading the next token)
 */
record PreparsedDoc(DocComment comment, SchemaException error, boolean closingReached) {

    /** Parses the doc block that opens at raw token {@code opening}; returns the index after it. */
    static int parse(List<org.antlr.v4.runtime.Token> tokens, int opening, SourceText source, SourceInfo standIn,
            boolean lenient, java.util.Map<Integer, PreparsedDoc> out) {
        List<DocLine> lines = new ArrayList<>();
        int i = opening;
        lines.add(line(tokens.get(i), source, standIn));
        int end;
        while (true) {
            i++;
            org.antlr.v4.runtime.Token t = tokens.get(Math.min(i, tokens.size() - 1));
            int type = t.getType();
            if (type == QapiLexer.COMMENT || type == QapiLexer.DOC_COMMENT) {
                lines.add(line(t, source, standIn));
                if (type == QapiLexer.DOC_COMMENT) {
                    end = i + 1;
                    break;
                }
            } else {
                QapiTokenSource.Position p = QapiTokenSource.position(t, source);
                lines.add(new DocLine(standIn.atLine(p.line()), p.column(), null));
                end = i;
                break;
            }
        }
        boolean[] closing = {false};
        try {
            DocComment comment = DocParser.parse(lines, lenient, () -> closing[0] = true);
            hashNames(comment);
            out.put(opening, new PreparsedDoc(comment, null, true));
        } catch (SchemaException e) {
            out.put(opening, new PreparsedDoc(null, e, closing[0]));
        }
        return end;
    }

    private static DocLine line(org.antlr.v4.runtime.Token t, SourceText source, SourceInfo standIn) {
        QapiTokenSource.Position p = QapiTokenSource.position(t, source);
        return new DocLine(standIn.atLine(p.line()), p.column(), t.getText());
    }

    /**
     * Computes (and so caches in each string) the hash codes of the names the checker will look
     * up, here on the read-ahead thread rather than on the main thread.
     */
    private static void hashNames(DocComment comment) {
        if (comment.symbol() != null) {
            comment.symbol().hashCode();
        }
        for (DocSection s : comment.sections()) {
            if (s.name() != null) {
                s.name().hashCode();
            }
        }
    }

    /** The block with its locations in the real file. */
    DocComment comment(SourceInfo fileInfo) {
        List<DocSection> old = comment.sections();
        DocSection[] sections = new DocSection[old.size()];
        for (int i = 0; i < sections.length; i++) {
            DocSection s = old.get(i);
            sections[i] = new DocSection(fileInfo.atLine(s.info().line()), s.kind(), s.name(), s.text());
        }
        // an immutable list: DocComment's List.copyOf keeps it instead of copying it again
        return new DocComment(fileInfo.atLine(comment.info().line()), comment.symbol(), List.of(sections));
    }

    /** The rejection with its locations in the real file. */
    SchemaException error(SourceInfo fileInfo) {
        List<Diagnostic> moved = new ArrayList<>();
        for (Diagnostic d : error.diagnostics()) {
            moved.add(d.info() == null ? d : new Diagnostic(fileInfo.atLine(d.info().line()), d.column(), d.message()));
        }
        return new SchemaException(moved);
    }
}
