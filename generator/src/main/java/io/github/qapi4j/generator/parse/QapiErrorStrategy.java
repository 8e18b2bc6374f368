/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops at the first syntax error (QEMU never recovers) and words it as QEMU does. The message is
 * derived from the set of tokens the grammar expected at that point, which identifies QEMU's
 * parser state: after '{', after a key, after a member, after ',' in an object, after '[', after
 * an element, or where any value may start.
 */
final class QapiErrorStrategy extends DefaultErrorStrategy {

    private final QapiTokenSource tokens;

    QapiErrorStrategy(QapiTokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        throw tokens.error(offending, message(e.getExpectedTokens()));
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new IllegalStateException("reportError always throws", e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw new InputMismatchException(recognizer);
    }

    @Override
    public void sync(Parser recognizer) {
        ATNState s = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        IntervalSet next = recognizer.getATN().nextTokens(s);
        int la = recognizer.getInputStream().LA(1);
        if (next.contains(la) || next.contains(Token.EPSILON)) {
            return;
        }
        throw new InputMismatchException(recognizer);
    }

    static String message(IntervalSet expected) {
        if (expected.contains(QapiLexer.RBRACE)) {
            return expected.contains(QapiLexer.COMMA) ? "expected ',' or '}'" : "expected string or '}'";
        }
        if (expected.contains(QapiLexer.RBRACK)) {
            return expected.contains(QapiLexer.COMMA)
                    ? "expected ',' or ']'"
                    : "expected '{', '[', ']', string, or boolean";
        }
        if (expected.contains(QapiLexer.LBRACE)) {
            return "expected '{', '[', string, or boolean";
        }
        if (expected.contains(QapiLexer.COLON)) {
            return "expected ':'";
        }
        return "expected string";
    }
}
