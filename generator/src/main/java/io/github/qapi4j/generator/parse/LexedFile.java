/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * One schema file read, decoded and run through {@link QapiLexer}: every raw token, comments
 * included, in order, ending with EOF. Lexing never fails (bad input becomes tokens that the
 * parser's token source rejects when it reaches them); reading or decoding may, and that failure
 * is kept to be reported when QEMU would report it.
 */
final class LexedFile {

    final SourceText source;
    final List<Token> tokens;
    /** Doc blocks parsed ahead, by the raw index of their opening {@code ##} comment. */
    final java.util.Map<Integer, PreparsedDoc> docs;
    final IOException readError;
    final SourceText.DecodeError decodeError;

    private LexedFile(SourceText source, List<Token> tokens, java.util.Map<Integer, PreparsedDoc> docs,
            IOException readError, SourceText.DecodeError decodeError) {
        this.source = source;
        this.tokens = tokens;
        this.docs = docs;
        this.readError = readError;
        this.decodeError = decodeError;
    }

    /**
     * Reads and lexes {@code fileName} (resolved against {@code baseDir}); tells
     * {@code includeSeen} the text of every {@code 'include': 'PATH'} pair it lexed, so that the
     * caller can read ahead.
     */
    static LexedFile read(Path baseDir, String fileName, boolean lenientDocs, Consumer<String> includeSeen) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(baseDir.resolve(fileName));
        } catch (IOException e) {
            return new LexedFile(null, null, null, e, null);
        }
        SourceText source;
        try {
            source = SourceText.decode(bytes, fileName);
        } catch (SourceText.DecodeError e) {
            return new LexedFile(null, null, null, null, e);
        }
        QapiLexer lexer = new QapiLexer(source.stream());
        lexer.removeErrorListeners();
        lexer.setTokenFactory(StringToken.FACTORY);
        List<Token> tokens = new ArrayList<>(bytes.length / 16 + 16);
        while (true) {
            Token t = nextToken(lexer);
            tokens.add(t);
            int n = tokens.size();
            if (n >= 3 && t.getType() == QapiLexer.STRING
                    && tokens.get(n - 2).getType() == QapiLexer.COLON
                    && tokens.get(n - 3).getType() == QapiLexer.STRING
                    && tokens.get(n - 3).getText().equals("'include'")) {
                String text = t.getText();
                includeSeen.accept(text.substring(1, text.length() - 1));
            }
            if (t.getType() == Token.EOF) {
                break;
            }
        }
        // parse the doc blocks here too, grouping comments exactly as QapiTokenSource does
        java.util.Map<Integer, PreparsedDoc> docs = new java.util.HashMap<>();
        io.github.qapi4j.generator.source.SourceInfo standIn = io.github.qapi4j.generator.source.SourceInfo.root(fileName);
        for (int i = 0; i < tokens.size(); ) {
            if (tokens.get(i).getType() == QapiLexer.DOC_COMMENT) {
                i = PreparsedDoc.parse(tokens, i, source, standIn, lenientDocs, docs);
            } else {
                i++;
            }
        }
        return new LexedFile(source, tokens, docs, null, null);
    }

    /**
     * The lexer's next token, except that a stray run starting with {@code true} or {@code false}
     * becomes that keyword, and lexing resumes right after it (QEMU matches the keywords by prefix).
     */
    private static Token nextToken(QapiLexer lexer) {
        Token t = lexer.nextToken();
        if (t.getType() == QapiLexer.STRAY) {
            String text = t.getText();
            int length = text.startsWith("true") ? 4 : text.startsWith("false") ? 5 : 0;
            if (length > 0) {
                CommonToken keyword = new CommonToken(t);
                keyword.setType(length == 4 ? QapiLexer.TRUE : QapiLexer.FALSE);
                keyword.setStopIndex(t.getStartIndex() + length - 1);
                keyword.setText(text.substring(0, length));
                lexer.getInputStream().seek(t.getStartIndex() + length);
                lexer.setLine(t.getLine());
                lexer.setCharPositionInLine(t.getCharPositionInLine() + length);
                return keyword;
            }
        }
        return t;
    }
}
