/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits an unframed byte stream into JSON messages exactly as QEMU's JSON lexer and streamer do,
 * and parses each with QEMU's grammar and error texts ({@link TokenParser}).
 *
 * <p>Why not Jackson's non-blocking parser: QEMU accepts single-quoted strings and {@code \'},
 * rejects duplicate keys, reports errors with its own texts, and — most importantly — recovers
 * after an error in a defined way (drop input up to the next structural or control character)
 * instead of giving up on the stream. A 200-line state machine reproduces that exactly.
 *
 * <p>A message ends when the bracket/brace depth returns to zero (so a bare scalar is a message)
 * or goes negative. Limits: a message's total token size, its token count and its nesting depth
 * ({@link #MAX_TOKEN_SIZE}, {@link #MAX_TOKEN_COUNT}, {@link #MAX_NESTING}, QEMU's values).
 * Not thread-safe: one instance per connection, fed by its reader.
 */
public final class JsonMessageStreamer {
    public static final int MAX_TOKEN_SIZE = 64 << 20;
    public static final int MAX_TOKEN_COUNT = 2 << 20;
    public static final int MAX_NESTING = 1024;

    /** Receives each complete message or each error, in stream order. */
    public interface Listener {
        void message(JsonValue message);

        /** {@code description} is QEMU's text, e.g. {@code JSON parse error, expecting value}. */
        void error(String description);
    }

    // Token types (also used by TokenParser).
    static final byte LCURLY = 1, RCURLY = 2, LSQUARE = 3, RSQUARE = 4, COLON = 5, COMMA = 6,
            STRING = 7, INTEGER = 8, FLOAT = 9, KEYWORD = 10;

    // Lexer states.
    private static final int START = 0, DQ = 1, DQ_ESC = 2, SQ = 3, SQ_ESC = 4, ZERO = 5, NEG = 6,
            NONZERO = 7, MANT = 8, MANT_DIGITS = 9, EXP_E = 10, EXP_SIGN = 11, EXP_DIGITS = 12,
            KEYWORD_STATE = 13, RECOVERY = 14;

    private final Listener listener;
    private final int maxTokenSize;
    private final int maxTokenCount;
    private final int maxNesting;

    // Lexer: the token being built.
    private int state = START;
    private byte[] tok = new byte[64];
    private int tokLen;

    // Streamer: the tokens of the message being built.
    private byte[] types = new byte[64];
    private byte[][] texts = new byte[64][];
    private int count;
    private long tokenSize;
    private int braces;
    private int brackets;

    public JsonMessageStreamer(Listener listener) {
        this(listener, MAX_TOKEN_SIZE, MAX_TOKEN_COUNT, MAX_NESTING);
    }

    /** With custom limits (tests use small ones). */
    public JsonMessageStreamer(Listener listener, int maxTokenSize, int maxTokenCount, int maxNesting) {
        this.listener = listener;
        this.maxTokenSize = maxTokenSize;
        this.maxTokenCount = maxTokenCount;
        this.maxNesting = maxNesting;
    }

    /** Feeds bytes; calls the listener for every message or error completed by them. */
    public void feed(byte[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            feedByte(buf[i] & 0xFF);
        }
    }

    /**
     * End of input: finishes a pending number or keyword, reports an unterminated string as stray,
     * and an incomplete message as {@code premature EOI}. (A QMP server does not call this when a
     * client disconnects; QEMU drops partial input then.)
     */
    public void endOfInput() {
        switch (state) {
            case ZERO, NONZERO -> emit(INTEGER);
            case MANT_DIGITS, EXP_DIGITS -> emit(FLOAT);
            case KEYWORD_STATE -> emit(KEYWORD);
            case START, RECOVERY -> {
            }
            default -> lexError();
        }
        state = START;
        tokLen = 0;
        if (count > 0) {
            parseAndReset();
        }
    }

    private void feedByte(int c) {
        while (true) {
            switch (state) {
                case START:
                    start(c);
                    return;
                case DQ:
                case SQ: {
                    if (c < 0x20 || c > 0xFD) {
                        append(c);
                        lexError();
                    } else if (c == '\\') {
                        append(c);
                        state = state == DQ ? DQ_ESC : SQ_ESC;
                    } else if (c == (state == DQ ? '"' : '\'')) {
                        append(c);
                        emit(STRING);
                    } else {
                        append(c);
                    }
                    return;
                }
                case DQ_ESC:
                case SQ_ESC:
                    // Any printable character: the parser judges the escape.
                    append(c);
                    if (c < 0x20 || c > 0xFD) {
                        lexError();
                    } else {
                        state = state == DQ_ESC ? DQ : SQ;
                    }
                    return;
                case ZERO:
                    if (c >= '0' && c <= '9') {
                        append(c);
                        lexError();
                        return;
                    }
                    if (c == '.') {
                        append(c);
                        state = MANT;
                        return;
                    }
                    if (c == 'e' || c == 'E') {
                        append(c);
                        state = EXP_E;
                        return;
                    }
                    emit(INTEGER);
                    continue; // lookahead: reprocess c in START
                case NEG:
                    append(c);
                    if (c == '0') {
                        state = ZERO;
                    } else if (c >= '1' && c <= '9') {
                        state = NONZERO;
                    } else {
                        lexError();
                    }
                    return;
                case NONZERO:
                    if (c >= '0' && c <= '9') {
                        append(c);
                        return;
                    }
                    if (c == '.') {
                        append(c);
                        state = MANT;
                        return;
                    }
                    if (c == 'e' || c == 'E') {
                        append(c);
                        state = EXP_E;
                        return;
                    }
                    emit(INTEGER);
                    continue;
                case MANT:
                    append(c);
                    if (c >= '0' && c <= '9') {
                        state = MANT_DIGITS;
                    } else {
                        lexError();
                    }
                    return;
                case MANT_DIGITS:
                    if (c >= '0' && c <= '9') {
                        append(c);
                        return;
                    }
                    if (c == 'e' || c == 'E') {
                        append(c);
                        state = EXP_E;
                        return;
                    }
                    emit(FLOAT);
                    continue;
                case EXP_E:
                    append(c);
                    if (c == '+' || c == '-') {
                        state = EXP_SIGN;
                    } else if (c >= '0' && c <= '9') {
                        state = EXP_DIGITS;
                    } else {
                        lexError();
                    }
                    return;
                case EXP_SIGN:
                    append(c);
                    if (c >= '0' && c <= '9') {
                        state = EXP_DIGITS;
                    } else {
                        lexError();
                    }
                    return;
                case EXP_DIGITS:
                    if (c >= '0' && c <= '9') {
                        append(c);
                        return;
                    }
                    emit(FLOAT);
                    continue;
                case KEYWORD_STATE:
                    if (c >= 'a' && c <= 'z') {
                        append(c);
                        return;
                    }
                    emit(KEYWORD);
                    continue;
                case RECOVERY:
                    // Skip to a structural character, a control character or 0xFE/0xFF; that
                    // character starts the next token (clients use it to resynchronise).
                    if (c < 0x20 || c >= 0xFE || c == '[' || c == ']' || c == '{' || c == '}'
                            || c == ':' || c == ',') {
                        state = START;
                        continue;
                    }
                    return;
                default:
                    throw new IllegalStateException("lexer state " + state);
            }
        }
    }

    private void start(int c) {
        switch (c) {
            case '"' -> {
                append(c);
                state = DQ;
            }
            case '\'' -> {
                append(c);
                state = SQ;
            }
            case '0' -> {
                append(c);
                state = ZERO;
            }
            case '-' -> {
                append(c);
                state = NEG;
            }
            case '{' -> single(c, LCURLY);
            case '}' -> single(c, RCURLY);
            case '[' -> single(c, LSQUARE);
            case ']' -> single(c, RSQUARE);
            case ':' -> single(c, COLON);
            case ',' -> single(c, COMMA);
            case ' ', '\t', '\r', '\n' -> {
            }
            default -> {
                append(c);
                if (c >= '1' && c <= '9') {
                    state = NONZERO;
                } else if (c >= 'a' && c <= 'z') {
                    state = KEYWORD_STATE;
                } else {
                    lexError();
                }
            }
        }
    }

    private void single(int c, byte type) {
        append(c);
        emit(type);
    }

    private void append(int c) {
        if (tokLen == tok.length) {
            tok = Arrays.copyOf(tok, tokLen * 2);
        }
        tok[tokLen++] = (byte) c;
        if (tokLen > maxTokenSize) {
            // One token alone is too big: QEMU hands it to the streamer, which rejects it.
            tokLen = 0;
            state = START;
            fail("JSON token size limit exceeded");
        }
    }

    private void lexError() {
        String text = new String(tok, 0, tokLen, StandardCharsets.UTF_8);
        tokLen = 0;
        state = RECOVERY;
        fail("JSON parse error, stray '" + text + "'");
    }

    /** A token is complete: the streamer's part. */
    private void emit(byte type) {
        int len = tokLen;
        tokLen = 0;
        state = START;
        switch (type) {
            case LCURLY -> braces++;
            case RCURLY -> braces--;
            case LSQUARE -> brackets++;
            case RSQUARE -> brackets--;
            default -> {
            }
        }
        if (tokenSize + len + 1 > maxTokenSize) {
            fail("JSON token size limit exceeded");
            return;
        }
        if (count + 1 > maxTokenCount) {
            fail("JSON token count limit exceeded");
            return;
        }
        if (braces + brackets > maxNesting) {
            fail("JSON nesting depth limit exceeded");
            return;
        }
        if (count == types.length) {
            types = Arrays.copyOf(types, count * 2);
            texts = Arrays.copyOf(texts, count * 2);
        }
        types[count] = type;
        texts[count] = type >= STRING ? Arrays.copyOf(tok, len) : null;
        count++;
        tokenSize += len;
        if ((braces > 0 || brackets > 0) && braces >= 0 && brackets >= 0) {
            return;
        }
        parseAndReset();
    }

    private void parseAndReset() {
        TokenParser parser = new TokenParser(types, texts, count);
        JsonValue v = parser.parse();
        String err = parser.error();
        resetMessage();
        if (err != null) {
            listener.error("JSON parse error, " + err);
        } else {
            listener.message(v);
        }
    }

    private void fail(String description) {
        resetMessage();
        listener.error(description);
    }

    private void resetMessage() {
        Arrays.fill(texts, 0, count, null);
        count = 0;
        tokenSize = 0;
        braces = 0;
        brackets = 0;
        if (types.length > 4096) {
            // Do not keep a huge buffer around after one huge message.
            types = new byte[64];
            texts = new byte[64][];
        }
    }
}
