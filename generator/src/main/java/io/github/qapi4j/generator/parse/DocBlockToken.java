/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * A whole documentation block as one token: the opening {@code ##} comment's position, every doc
 * line, and, when the block was ended by something other than a closing {@code ##}, the lexical
 * error of that token if it had one (QEMU's lexer meets it while reading doc lines).
 */
final class DocBlockToken extends CommonToken {
    private static final long serialVersionUID = 1L;

    private final transient List<DocLine> lines;
    private final transient SyntaxError terminalError;
    private final transient PreparsedDoc preparsed;

    DocBlockToken(Token opening, List<DocLine> lines, SyntaxError terminalError, PreparsedDoc preparsed) {
        super(opening);
        setType(QapiLexer.DOC_BLOCK);
        this.lines = List.copyOf(lines);
        this.terminalError = terminalError;
        this.preparsed = preparsed;
    }

    /** The block as parsed ahead on the read-ahead thread, or null. */
    PreparsedDoc preparsed() {
        return preparsed;
    }

    List<DocLine> lines() {
        return lines;
    }

    /** The lexical error of the token that ended the block without a closing {@code ##}, or null. */
    SyntaxError terminalError() {
        return terminalError;
    }
}
