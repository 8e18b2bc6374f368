/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Tokens of the QAPI schema language: JSON-like punctuation, single-quoted strings, true and
 * false, comments (a comment starting with '##' opens a documentation block), and whitespace.
 *
 * The lexer never fails: everything QEMU's lexer rejects becomes a token of its own
 * (UNTERMINATED_STRING, STRAY; a STRING's contents are validated by QapiTokenSource), so that
 * the error is reported exactly when QEMU's one-token-lookahead lexer would reach it.
 * Comments are skipped to the end of the line by plain code, which is several times faster than
 * matching them character by character.
 */
lexer grammar QapiLexer;

/** DOC_BLOCK: a whole documentation block, made by QapiTokenSource from DOC_COMMENT and COMMENT tokens. */
tokens { DOC_BLOCK }

@members {
    /** Consumes the rest of a comment at once instead of character by character through the ATN. */
    private void skipToEndOfLine() {
        int n = 0;
        while (_input.LA(1) != '\n' && _input.LA(1) != IntStream.EOF) {
            _input.consume();
            n++;
        }
        getInterpreter().setCharPositionInLine(getInterpreter().getCharPositionInLine() + n);
    }

}

LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
COLON  : ':' ;
COMMA  : ',' ;
TRUE   : 'true' ;
FALSE  : 'false' ;

/** A well-formed string; escapes and characters are validated later (errors point at the quote). */
STRING : '\'' ( '\\' ~[\n] | ~['\\\n] )* '\'' ;

/** A string that reaches the end of its line. */
UNTERMINATED_STRING : '\'' ( '\\' ~[\n] | ~['\\\n] )* '\\'? ;

/** A comment whose text starts with '##': opens (or closes) a documentation block. */
DOC_COMMENT : '##' { skipToEndOfLine(); } ;

/** Any other comment; inside a documentation block it is a doc line. */
COMMENT : '#' { skipToEndOfLine(); } -> channel(HIDDEN) ;

/** Python's str.isspace() characters. */
WS : [ \t\n\r\u000B\u000C\u001C-\u001F\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+ -> skip ;

/**
 * QEMU's "stray" run: up to the next structural, whitespace or quote character. QEMU recognises
 * true/false by prefix ('truex' is TRUE then a stray 'x'); QapiTokenSource splits such runs.
 */
STRAY : ~[ \t\n\r\u000B\u000C\u001C-\u001F\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000'{}[\]:,#]
        ~[ \t\n\r\u000B\u000C\u001C-\u001F\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000'"{}[\]:,]* ;

