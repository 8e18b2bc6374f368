/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SchemaException;
import io.github.qapi4j.generator.source.SourceInfo;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Sits between the lexer's raw tokens ({@link LexedFile}) and the parser and makes the token
 * stream behave like QEMU's lexer: a token's lexical error (stray characters, bad strings) is raised when the parser first
 * asks for that token, which is exactly when QEMU's one-token-lookahead lexer would read it; and a
 * documentation block becomes one {@link DocBlockToken}.
 */
final class QapiTokenSource implements TokenSource {

    private final List<Token> tokens;
    private final java.util.Map<Integer, PreparsedDoc> preparsed;
    private int next;
    private final SourceInfo fileInfo;
    private final SourceText source;
    private Token pending;
    private TokenFactory<?> factory = org.antlr.v4.runtime.CommonTokenFactory.DEFAULT;

    QapiTokenSource(LexedFile file, SourceInfo fileInfo) {
        this.tokens = file.tokens;
        this.preparsed = file.docs;
        this.fileInfo = fileInfo;
        this.source = file.source;
    }

    @Override
    public Token nextToken() {
        Token t;
        if (pending != null) {
            t = pending;
            pending = null;
        } else {
            do {
                t = nextLexerToken(); // a plain comment outside a doc block is not a token for the parser
            } while (t.getType() == QapiLexer.COMMENT);
            if (t.getType() == QapiLexer.DOC_COMMENT) {
                return docBlock(t);
            }
        }
        SyntaxError error = lexicalError(t);
        if (error != null) {
            throw error;
        }
        return t;
    }

    /**
     * Reads doc lines up to the closing {@code ##} or the first token that is not a comment. When
     * the block was already parsed on the read-ahead thread, only its last line is built here (the
     * parser needs just that one, to order a bad terminating token's error).
     */
    private Token docBlock(Token opening) {
        PreparsedDoc pre = preparsed.get(next - 1);
        List<DocLine> lines = new ArrayList<>();
        if (pre == null) {
            lines.add(docLine(opening));
        }
        while (true) {
            Token t = nextLexerToken();
            int type = t.getType();
            if (type == QapiLexer.COMMENT || type == QapiLexer.DOC_COMMENT) {
                if (pre == null || type == QapiLexer.DOC_COMMENT) {
                    lines.add(docLine(t));
                }
                if (type == QapiLexer.DOC_COMMENT) {
                    return new DocBlockToken(opening, lines, null, pre);
                }
            } else {
                Position p = position(t);
                lines.add(new DocLine(fileInfo.atLine(p.line), p.column, null));
                pending = t;
                return new DocBlockToken(opening, lines, lexicalError(t), pre);
            }
        }
    }

    private DocLine docLine(Token t) {
        Position p = position(t);
        return new DocLine(fileInfo.atLine(p.line), p.column, t.getText());
    }

    /** The next raw token (the last one, EOF, repeats). */
    private Token nextLexerToken() {
        Token t = tokens.get(next);
        if (next < tokens.size() - 1) {
            next++;
        }
        return t;
    }

    /** QEMU's lexical error for a token, or null when the token is fine. */
    private SyntaxError lexicalError(Token t) {
        switch (t.getType()) {
            case QapiLexer.STRAY:
                return error(t, "stray '" + t.getText() + "'");
            case QapiLexer.STRING:
            case QapiLexer.UNTERMINATED_STRING: {
                String message = t instanceof StringToken st
                        ? st.errorMessage
                        : StringToken.lexicalError(t.getType(), t.getText());
                return message == null ? null : error(t, message);
            }
            default:
                return null;
        }
    }

    SyntaxError error(Token t, String message) {
        Position p = position(t);
        return new SyntaxError(SchemaException.at(fileInfo.atLine(p.line), p.column, message));
    }

    /** A token's line and QEMU column; end of input is the file's final newline, as in QEMU. */
    Position position(Token t) {
        return position(t, source);
    }

    static Position position(Token t, SourceText source) {
        if (t.getType() == Token.EOF) {
            return new Position(t.getLine() - 1, SourceText.column(source.lastLine()));
        }
        int inLine = t.getCharPositionInLine();
        if (inLine == 0) {
            return new Position(t.getLine(), 1);
        }
        int start = t.getStartIndex();
        return new Position(t.getLine(), SourceText.column(source.stream().getText(Interval.of(start - inLine, start - 1))));
    }

    record Position(int line, int column) {}

    @Override
    public int getLine() {
        return tokens.get(next).getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return tokens.get(next).getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return source.stream();
    }

    @Override
    public String getSourceName() {
        return source.stream().getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        this.factory = factory;
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return factory;
    }
}
