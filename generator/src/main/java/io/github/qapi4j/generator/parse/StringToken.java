/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A {@code STRING} or {@code UNTERMINATED_STRING} token whose text, value and QEMU lexical error
 * are worked out when it is lexed, on the read-ahead thread, so that the parser only looks them
 * up. The error is still raised only when the parser reaches the token.
 */
final class StringToken extends CommonToken {
    private static final long serialVersionUID = 1L;

    /** The lexer's token factory: string tokens become {@code StringToken}s, the rest plain tokens. */
    static final TokenFactory<CommonToken> FACTORY = new TokenFactory<>() {
        @Override
        public CommonToken create(Pair<TokenSource, CharStream> source, int type, String text, int channel,
                int start, int stop, int line, int charPositionInLine) {
            if (text == null && (type == QapiLexer.STRING || type == QapiLexer.UNTERMINATED_STRING)) {
                return new StringToken(source, type, channel, start, stop, line, charPositionInLine);
            }
            return CommonTokenFactory.DEFAULT.create(source, type, text, channel, start, stop, line, charPositionInLine);
        }

        @Override
        public CommonToken create(int type, String text) {
            return CommonTokenFactory.DEFAULT.create(type, text);
        }
    };

    /** The contents of a well-formed {@code STRING}, quotes removed and escapes resolved; else null. */
    final transient String value;
    /** QEMU's lexical error for this token, or null. */
    final transient String errorMessage;

    private StringToken(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop,
            int line, int charPositionInLine) {
        super(source, type, channel, start, stop);
        setLine(line);
        setCharPositionInLine(charPositionInLine);
        String text = source.b.getText(Interval.of(start, stop));
        setText(text);
        this.errorMessage = lexicalError(type, text);
        String v = type == QapiLexer.STRING ? unescape(text) : null;
        if (v != null) {
            v.hashCode(); // cached in the string: the main thread's map lookups need not hash it first
        }
        this.value = v;
    }

    /** The text of a STRING token without quotes, escapes resolved. */
    static String unescape(String raw) {
        String body = raw.substring(1, raw.length() - 1);
        return body.indexOf('\\') < 0 ? body : body.replace("\\\\", "\\");
    }

    /** QEMU's lexical error for a {@code STRING} or {@code UNTERMINATED_STRING} token, or null. */
    static String lexicalError(int type, String text) {
        boolean terminated = type == QapiLexer.STRING;
        int end = terminated ? text.length() - 1 : text.length();
        for (int i = 1; i < end; ) {
            int ch = text.codePointAt(i);
            if (ch == '\\') {
                if (i + 1 >= end) {
                    break; // a backslash right before the newline
                }
                int next = text.codePointAt(i + 1);
                if (next != '\\') {
                    return "unknown escape \\" + new String(Character.toChars(next));
                }
                i += 2;
                continue;
            }
            if (ch < 32 || ch >= 127) {
                return "funny character in string";
            }
            i += Character.charCount(ch);
        }
        return terminated ? null : "missing terminating \"'\"";
    }
}
