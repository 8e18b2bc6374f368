/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
import com.fasterxml.jackson.core.io.CharTypes;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.json.JsonReadContext;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict JSON parser over a UTF-8 byte range, standing in for the {@code UTF8StreamJsonParser}
 * that {@link QemuJson#FACTORY} would create: the same tokens, names, texts, number types and
 * values, and the same inputs accepted and rejected (every rejection a {@link JsonParseException}
 * or, past a {@link StreamReadConstraints} limit, its {@code StreamConstraintsException}).
 *
 * <p>Faster for QMP traffic because it is specialised: strings without escapes or non-ASCII bytes
 * are made straight from the bytes, and only when asked for; integers are accumulated straight
 * into a long, eight digits at a time; {@link #nextFieldName(SerializableString)} compares the
 * expected name's bytes in place, and {@link Members#next} reads a member's name and value in one
 * step; member names come from a small cache of interned strings (so
 * {@code currentName()} can be compared by identity, as Jackson's interned names can).
 *
 * <p>Differences from Jackson's parser: no encoding detection (input is UTF-8; a UTF-8 byte order
 * mark is skipped, but UTF-16/32 input is rejected where Jackson would decode it); the
 * {@link com.fasterxml.jackson.core.JsonParser.Feature}s that relax the grammar (comments, single
 * quotes, trailing commas, non-numeric numbers...) are not supported and always off, as they are
 * in {@link QemuJson#FACTORY}; locations give byte offsets (relative to the range's start, as
 * Jackson's do), with line and column computed from them.
 */
public final class QemuJsonParser extends ParserMinimalBase {
    // Byte classes inside a string: 0 plain ASCII, 1 anything else (quote, backslash, control,
    // non-ASCII).
    private static final byte[] STRING_SPECIAL = new byte[256];

    static {
        for (int i = 0; i < 0x20; i++) {
            STRING_SPECIAL[i] = 1;
        }
        STRING_SPECIAL['"'] = 1;
        STRING_SPECIAL['\\'] = 1;
        for (int i = 0x80; i < 0x100; i++) {
            STRING_SPECIAL[i] = 1;
        }
    }

    // Interned member names by a hash of their bytes (ASCII names without escapes only). Racy
    // but safe: slots hold immutable entries (final fields) and a miss only costs an intern().
    private static final int NAME_CACHE_SIZE = 1024;
    private static final CachedName[] NAME_CACHE = new CachedName[NAME_CACHE_SIZE];

    private static final VarHandle LONGS = Bytes.LONGS;
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final byte[] buf;
    private final int start;
    private final int end;
    private int ptr;
    private ObjectCodec codec;
    private boolean closed;

    private JsonReadContext ctx;
    private int depth;
    /** After a FIELD_NAME (and its colon): the next token is the member's value. */
    private boolean pendingValue;
    /** Byte index of the current token's first byte. */
    private int tokenStart;

    // VALUE_STRING: content bytes [textStart, textEnd) if plain ASCII, else decoded into chars.
    private int textStart;
    private int textEnd;
    private boolean textDecoded;
    private String text;
    private char[] chars = new char[64];
    private int charsLen;
    private boolean charsValid;

    // Numbers: bytes [textStart, textEnd); integers held as long or BigInteger.
    private NumberType numberType;
    private long longValue;
    private BigInteger bigValue;
    private double doubleValue;
    private boolean doubleParsed;

    /** A parser over {@code length} bytes of UTF-8 JSON at {@code offset} in {@code bytes}. */
    public QemuJsonParser(byte[] bytes, int offset, int length) {
        super(QemuJson.FACTORY.getParserFeatures(), QemuJson.FACTORY.streamReadConstraints());
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " of " + bytes.length);
        }
        this.buf = bytes;
        this.start = offset;
        this.end = offset + length;
        int p = offset;
        if (length >= 3 && bytes[p] == (byte) 0xEF && bytes[p + 1] == (byte) 0xBB && bytes[p + 2] == (byte) 0xBF) {
            p += 3;
        }
        this.ptr = p;
        this.ctx = JsonReadContext.createRootContext(null);
    }

    // ------------------------------------------------------------------------------- tokens

    @Override
    public JsonToken nextToken() throws IOException {
        if (closed) {
            return _currToken = null;
        }
        text = null;
        charsValid = false;
        if (pendingValue) {
            pendingValue = false;
            int p = skipWs(ptr);
            if (p >= end) {
                ptr = p;
                _reportInvalidEOF(": expected a value", JsonToken.FIELD_NAME);
            }
            return value(p);
        }
        int p = skipWs(ptr);
        if (p >= end) {
            ptr = p;
            _handleEOF();
            return _currToken = null;
        }
        int b = buf[p];
        if (b == ']' || b == '}') {
            return closeScope(p, b);
        }
        if (ctx.expectComma()) {
            if (b != ',') {
                ptr = p;
                _reportUnexpectedChar(codePoint(p), "was expecting comma to separate "
                        + ctx.typeDesc() + " entries");
            }
            p = skipWs(p + 1);
            if (p >= end) {
                ptr = p;
                _handleEOF();
            }
        }
        if (ctx.inObject()) {
            return name(p);
        }
        return value(p);
    }

    @Override
    public boolean nextFieldName(SerializableString str) throws IOException {
        if (!closed && !pendingValue && ctx.inObject()) {
            int q = skipWs(ptr);
            if (q < end && ctx.getEntryCount() > 0) {
                q = buf[q] == ',' ? skipWs(q + 1) : end;
            }
            if (q < end && buf[q] == '"') {
                byte[] quoted = str.asQuotedUTF8();
                int n = quoted.length;
                int from = q + 1;
                if (n < end - from && buf[from + n] == '"' && sameBytes(from, quoted, n)) {
                    int r = skipWs(from + n + 1);
                    if (r < end && buf[r] == ':') {
                        String name = str.getValue();
                        _streamReadConstraints.validateNameLength(name.length());
                        ctx.expectComma();
                        ctx.setCurrentName(name);
                        text = null;
                        charsValid = false;
                        tokenStart = q;
                        ptr = r + 1;
                        pendingValue = true;
                        _currToken = JsonToken.FIELD_NAME;
                        return true;
                    }
                }
            }
        }
        return nextToken() == JsonToken.FIELD_NAME && str.getValue().equals(getCurrentName());
    }

    /** What {@link #nextMember} returns when the next member is not the expected one. */
    static final int NOT_EXPECTED = -3;

    /** How many members from the expected one {@link #nextMember} tries before looking the name up. */
    private static final int LOOKAHEAD = 4;

    /**
     * For {@link Members#next}: {@code nextToken()} to the next member's name, then to its value,
     * in one step and without making the name. The expected member's name is compared as bytes in
     * place; any other plain ASCII name is looked up in {@code m} by its bytes. Returns the
     * member's index in {@code m} (parser on its value), or {@link Members#END} at the object's
     * end (parser on {@code END_OBJECT}). When the input is anything else (a member {@code m}
     * does not know, a name with escapes, malformed JSON, or the parser not between members)
     * consumes nothing and returns {@link #NOT_EXPECTED}; the caller then takes the general
     * path, which reports any error.
     */
    int nextMember(Members m, int expected) throws IOException {
        // Kept small, so that it can be inlined into generated readers: the object's end, or the
        // expected member spaced as QEMU spaces it (separator, name and colon compared as one
        // run of bytes).
        JsonReadContext c = ctx;
        if (!pendingValue && !closed && c.inObject()) {
            int q = ptr;
            if (q < end && buf[q] == '}') {
                return endOfMembers(q);
            }
            byte[][] spaced = c.getEntryCount() > 0 ? m.afterComma() : m.afterBrace();
            if (expected < spaced.length) {
                byte[] run = spaced[expected];
                int r = q + run.length;
                if (r < end && Bytes.same(buf, q, run, 0, run.length) && buf[r] > ' ') {
                    return member(m, expected, r);
                }
            }
        }
        return nextMemberElse(m, expected);
    }

    /** {@link #nextMember}'s end: the object's {@code '}'} at {@code q}. */
    private int endOfMembers(int q) throws IOException {
        text = null;
        charsValid = false;
        closeScope(q, '}');
        return Members.END;
    }

    /** {@link #nextMember}'s success: member {@code i} of {@code m}, its value at {@code r}. */
    private int member(Members m, int i, int r) throws IOException {
        // A schema's member names are far below any name length limit.
        JsonReadContext c = ctx;
        c.expectComma();
        c.setCurrentName(m.string(i));
        text = null;
        charsValid = false;
        value(r);
        return i;
    }

    /** {@link #nextMember} for all but its first case. */
    private int nextMemberElse(Members m, int expected) throws IOException {
        JsonReadContext c = ctx;
        if (pendingValue || closed || !c.inObject()) {
            return NOT_EXPECTED;
        }
        byte[] bb = buf;
        int e = end;
        int q = ptr;
        // An absent optional member moves the next one further on in schema order: try a few.
        byte[][] spaced = c.getEntryCount() > 0 ? m.afterComma() : m.afterBrace();
        for (int i = expected, last = Math.min(expected + LOOKAHEAD, spaced.length); i < last; i++) {
            byte[] run = spaced[i];
            if (run.length < e - q && Bytes.same(bb, q, run, 0, run.length)) {
                int r = skipWs(q + run.length);
                if (r >= e) {
                    break;
                }
                return member(m, i, r);
            }
        }
        q = skipWs(q);
        if (q >= e) {
            return NOT_EXPECTED;
        }
        int b = bb[q];
        if (b == '}') {
            return endOfMembers(q);
        }
        if (c.getEntryCount() > 0) {
            if (b != ',') {
                return NOT_EXPECTED;
            }
            q = skipWs(q + 1);
        }
        if (q >= e || bb[q] != '"') {
            return NOT_EXPECTED;
        }
        // Any other spacing: a plain name looked up by its bytes.
        int from = q + 1;
        int close = plainRun(bb, from, e); // the name's closing quote
        int i;
        if (close >= e || bb[close] != '"' || (i = m.indexOf(bb, from, close - from)) < 0) {
            return NOT_EXPECTED;
        }
        int r = skipWs(close + 1);
        if (r >= e || bb[r] != ':') {
            return NOT_EXPECTED;
        }
        r = skipWs(r + 1);
        if (r >= e) {
            return NOT_EXPECTED;
        }
        return member(m, i, r);
    }

    /** Whether the {@code n} bytes at {@code from} are {@code bytes}'s (in range: checked by the caller). */
    private boolean sameBytes(int from, byte[] bytes, int n) {
        return Bytes.same(buf, from, bytes, 0, n);
    }

    private JsonToken closeScope(int p, int b) throws IOException {
        if (b == ']' ? !ctx.inArray() : !ctx.inObject()) {
            ptr = p;
            _reportUnexpectedChar(b, "expected '" + (ctx.inArray() ? ']' : ctx.inObject() ? '}' : '?')
                    + "' (or a value)");
        }
        tokenStart = p;
        ptr = p + 1;
        ctx = ctx.clearAndGetParent();
        depth--;
        return _currToken = b == ']' ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
    }

    private JsonToken name(int p) throws IOException {
        if (buf[p] != '"') {
            ptr = p;
            _reportUnexpectedChar(codePoint(p), "was expecting double-quote to start field name");
        }
        tokenStart = p;
        int s = p + 1;
        byte[] bb = buf;
        int e = end;
        int i = plainRun(bb, s, e);
        String name;
        if (i < e && bb[i] == '"') {
            _streamReadConstraints.validateNameLength(i - s);
            name = cachedName(s, i);
            i++;
        } else {
            i = decodeString(s, i, true);
            _streamReadConstraints.validateNameLength(charsLen);
            name = new String(chars, 0, charsLen).intern();
            charsValid = false;
        }
        ctx.setCurrentName(name);
        int r = skipWs(i);
        if (r >= end) {
            ptr = r;
            _reportInvalidEOF(" in field name", JsonToken.FIELD_NAME);
        }
        if (buf[r] != ':') {
            ptr = r;
            _reportUnexpectedChar(codePoint(r), "was expecting a colon to separate field name and value");
        }
        ptr = r + 1;
        pendingValue = true;
        return _currToken = JsonToken.FIELD_NAME;
    }

    private String cachedName(int s, int e) {
        int n = e - s;
        int slot = Bytes.hash(buf, s, n) & (NAME_CACHE_SIZE - 1);
        CachedName c = NAME_CACHE[slot];
        if (c != null && c.bytes.length == n && sameBytes(s, c.bytes, n)) {
            return c.name;
        }
        byte[] bytes = Arrays.copyOfRange(buf, s, e);
        String name = new String(bytes, StandardCharsets.ISO_8859_1).intern();
        NAME_CACHE[slot] = new CachedName(bytes, name);
        return name;
    }

    /** An ASCII member name and its bytes: immutable, so the cache may be shared racily. */
    private record CachedName(byte[] bytes, String name) {
    }

    private JsonToken value(int p) throws IOException {
        tokenStart = p;
        int b = buf[p];
        if (b == '"') {
            return string(p + 1);
        }
        if (b >= '0' && b <= '9') {
            return number(p);
        }
        return otherValue(p, b);
    }

    private JsonToken otherValue(int p, int b) throws IOException {
        switch (b) {
            case '{':
                ptr = p + 1;
                _streamReadConstraints.validateNestingDepth(++depth);
                ctx = ctx.createChildObjectContext(-1, -1);
                return _currToken = JsonToken.START_OBJECT;
            case '[':
                ptr = p + 1;
                _streamReadConstraints.validateNestingDepth(++depth);
                ctx = ctx.createChildArrayContext(-1, -1);
                return _currToken = JsonToken.START_ARRAY;
            case '"':
                return string(p + 1);
            case 't':
                literal(p, TRUE);
                return _currToken = JsonToken.VALUE_TRUE;
            case 'f':
                literal(p, FALSE);
                return _currToken = JsonToken.VALUE_FALSE;
            case 'n':
                literal(p, NULL);
                return _currToken = JsonToken.VALUE_NULL;
            case '-':
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9':
                return number(p);
            default:
                ptr = p;
                if (b == ']' || b == '}') {
                    _reportUnexpectedChar(b, "expected a value");
                }
                _reportUnexpectedChar(codePoint(p), "expected a valid value (JSON String, Number, Array, "
                        + "Object or token 'null', 'true' or 'false')");
                throw new IllegalStateException(); // not reached
        }
    }

    private void literal(int p, byte[] lit) throws IOException {
        int n = lit.length;
        if (n > end - p || !Bytes.same(buf, p, lit, 0, n)) {
            ptr = p;
            invalidToken(p);
        }
        int q = p + n;
        if (q < end) {
            int c = buf[q];
            if (c != ',' && c != '}' && c != ']' && (c < 0 || Character.isJavaIdentifierPart((char) c))) {
                ptr = p;
                invalidToken(p);
            }
        }
        ptr = q;
    }

    private void invalidToken(int p) throws IOException {
        int q = p;
        while (q < end && q - p < 256 && buf[q] >= 0 && Character.isJavaIdentifierPart((char) buf[q])) {
            q++;
        }
        if (q == p) {
            q++;
        }
        String tok = new String(buf, p, Math.min(q, end) - p, StandardCharsets.ISO_8859_1);
        _reportError("Unrecognized token '" + tok
                + "': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    // ------------------------------------------------------------------------------- strings

    private JsonToken string(int s) throws IOException {
        byte[] bb = buf;
        int e = end;
        int i = plainRun(bb, s, e);
        if (i < e && bb[i] == '"') {
            _streamReadConstraints.validateStringLength(i - s);
            textStart = s;
            textEnd = i;
            textDecoded = false;
            ptr = i + 1;
        } else {
            ptr = decodeString(s, i, false);
            _streamReadConstraints.validateStringLength(charsLen);
            textDecoded = true;
            charsValid = true;
        }
        return _currToken = JsonToken.VALUE_STRING;
    }

    /**
     * The index of the first byte at or after {@code i} (below {@code e}) that is not plain
     * ASCII in a string (a quote, backslash, control or non-ASCII byte), or {@code e}. Eight
     * bytes at a time while they last.
     */
    private static int plainRun(byte[] bb, int i, int e) {
        for (; i + 8 <= e; i += 8) {
            long w = (long) LONGS.get(bb, i);
            // High bit of each byte that is '"' (0x22), '\\' (0x5C), below 0x20, or 0x80 and up.
            long quote = w ^ 0x2222222222222222L;
            long slash = w ^ 0x5C5C5C5C5C5C5C5CL;
            long hit = ((quote - 0x0101010101010101L) & ~quote)
                    | ((slash - 0x0101010101010101L) & ~slash)
                    | (w - 0x2020202020202020L)
                    | w;
            hit &= 0x8080808080808080L;
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
        }
        while (i < e && STRING_SPECIAL[bb[i] & 0xFF] == 0) {
            i++;
        }
        return i;
    }

    /**
     * Decodes a string's content from {@code s} (bytes up to {@code i} known plain ASCII) into
     * {@link #chars}/{@link #charsLen}. Returns the index after the closing quote.
     */
    private int decodeString(int s, int i, boolean name) throws IOException {
        char[] out = chars;
        int n = i - s;
        if (out.length < n + 16) {
            out = new char[Math.max(n + 16, out.length * 2)];
        }
        for (int k = 0; k < n; k++) {
            out[k] = (char) buf[s + k];
        }
        int e = end;
        while (true) {
            if (i >= e) {
                ptr = i;
                _reportInvalidEOF(": was expecting closing quote for a string value", JsonToken.VALUE_STRING);
            }
            if (n + 3 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            int c = buf[i++];
            if (c >= 0x20) {
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    out[n++] = (char) c;
                    continue;
                }
                if (i >= e) {
                    ptr = i;
                    _reportInvalidEOF(" in character escape sequence", JsonToken.VALUE_STRING);
                }
                c = buf[i++];
                switch (c) {
                    case '"':
                    case '\\':
                    case '/':
                        out[n++] = (char) c;
                        break;
                    case 'b':
                        out[n++] = '\b';
                        break;
                    case 'f':
                        out[n++] = '\f';
                        break;
                    case 'n':
                        out[n++] = '\n';
                        break;
                    case 'r':
                        out[n++] = '\r';
                        break;
                    case 't':
                        out[n++] = '\t';
                        break;
                    case 'u': {
                        int v = hex4(i);
                        i += 4;
                        if (name && v >= 0xD800 && v <= 0xDFFF) {
                            // Jackson checks surrogates escaped in member names (not in values).
                            if (v >= 0xDC00) {
                                ptr = i;
                                _reportError("Unexpected low surrogate in field name: 0x" + Integer.toHexString(v));
                            }
                            if (i + 1 >= e || buf[i] != '\\' || buf[i + 1] != 'u') {
                                ptr = i;
                                if (i >= e) {
                                    _reportInvalidEOF(" in field name", JsonToken.FIELD_NAME);
                                }
                                _reportError("Broken surrogate pair in field name: expected low surrogate");
                            }
                            int low = hex4(i + 2);
                            if (low < 0xDC00 || low > 0xDFFF) {
                                ptr = i;
                                _reportError("Broken surrogate pair in field name: expected low surrogate, got 0x"
                                        + Integer.toHexString(low));
                            }
                            i += 6;
                            out[n++] = (char) v;
                            v = low;
                        }
                        out[n++] = (char) v;
                        break;
                    }
                    default:
                        ptr = i - 1;
                        _reportError("Unrecognized character escape " + _getCharDesc(c & 0xFF));
                }
            } else if (c >= 0) {
                ptr = i - 1;
                _reportError("Illegal unquoted character (" + _getCharDesc(c)
                        + "): has to be escaped using backslash to be included in string value");
            } else {
                int lead = c & 0xFF;
                int need;
                int v;
                if ((lead & 0xE0) == 0xC0) {
                    need = 1;
                    v = lead & 0x1F;
                } else if ((lead & 0xF0) == 0xE0) {
                    need = 2;
                    v = lead & 0x0F;
                } else if ((lead & 0xF8) == 0xF0) {
                    need = 3;
                    v = lead & 0x07;
                } else {
                    ptr = i - 1;
                    _reportError("Invalid UTF-8 start byte 0x" + Integer.toHexString(lead));
                    throw new IllegalStateException(); // not reached
                }
                for (int k = 0; k < need; k++) {
                    if (i >= e) {
                        ptr = i;
                        _reportInvalidEOF(" in a string value", JsonToken.VALUE_STRING);
                    }
                    int d = buf[i++];
                    if ((d & 0xC0) != 0x80) {
                        ptr = i - 1;
                        _reportError("Invalid UTF-8 middle byte 0x" + Integer.toHexString(d & 0xFF));
                    }
                    v = (v << 6) | (d & 0x3F);
                }
                if (need == 3) {
                    // Unchecked, as in Jackson (which also differs between values and names
                    // for lead bytes that are not valid UTF-8 there).
                    v -= 0x10000;
                    out[n++] = (char) (name ? 0xD800 + (v >> 10) : 0xD800 | (v >> 10));
                    out[n++] = (char) (0xDC00 | (v & 0x3FF));
                } else if (need == 2 && v >= 0xD800 && v <= 0xDFFF) {
                    ptr = i - 3;
                    _reportError("Invalid UTF-8: Illegal surrogate character 0x" + Integer.toHexString(v));
                } else {
                    out[n++] = (char) v;
                }
            }
        }
        chars = out;
        charsLen = n;
        return i;
    }

    /** The value of the four hex digits at {@code i} (of a {@code \\u} escape). */
    private int hex4(int i) throws IOException {
        int v = 0;
        for (int k = i; k < i + 4; k++) {
            if (k >= end) {
                ptr = k;
                _reportInvalidEOF(" in character escape sequence", JsonToken.VALUE_STRING);
            }
            int h = buf[k];
            int d = h < 0 ? -1 : CharTypes.charToHex(h);
            if (d < 0) {
                ptr = k;
                _reportUnexpectedChar(h & 0xFF, "expected a hex-digit for character escape sequence");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    // ------------------------------------------------------------------------------- numbers

    private JsonToken number(int p) throws IOException {
        byte[] bb = buf;
        int e = end;
        if (p + 8 <= bb.length) {
            // The common case: a non-negative integer of one to eight digits, not at the root,
            // read from one word. Its end is in range and is neither a digit nor the start of a
            // fraction or exponent.
            long w = (long) LONGS.get(bb, p);
            int n = Bytes.leadingDigits(w);
            int i = p + n;
            int t;
            if (n > 0 && i < e && (w & 0xFF) != '0' && !isDigit(t = bb[i]) && t != '.' && t != 'e' && t != 'E'
                    && !ctx.inRoot()) {
                _streamReadConstraints.validateIntegerLength(n);
                longValue = Bytes.digits(w, n);
                numberType = NumberType.INT;
                textStart = p;
                textEnd = i;
                ptr = i;
                return _currToken = JsonToken.VALUE_NUMBER_INT;
            }
        }
        int i = p;
        boolean neg = bb[i] == '-';
        if (neg) {
            i++;
        }
        int digits = i;
        if (i >= e) {
            ptr = i;
            _reportInvalidEOF(" in a Number value", JsonToken.VALUE_NUMBER_INT);
        }
        int c = bb[i];
        if (c == '0') {
            longValue = 0;
            i++;
            if (i < e && isDigit(bb[i])) {
                ptr = i;
                reportInvalidNumber("Leading zeroes not allowed");
            }
        } else if (c >= '1' && c <= '9') {
            // Wraps past 18 digits: the value is only used below that.
            long v = 0;
            while (i + 8 <= bb.length) { // eight bytes at a time; digits past the range's end not taken
                long w = (long) LONGS.get(bb, i);
                int n = Math.min(Bytes.leadingDigits(w), e - i);
                if (n > 0) {
                    v = v * POW10[n] + Bytes.digits(w, n);
                    i += n;
                }
                if (n < 8) {
                    break;
                }
            }
            if (i + 8 > bb.length) { // near the array's end: a byte at a time
                int d;
                while (i < e && (d = bb[i] - '0') >= 0 && d <= 9) {
                    v = v * 10 + d;
                    i++;
                }
            }
            longValue = v;
        } else {
            ptr = i;
            _reportUnexpectedChar(codePoint(i), "expected digit (0-9) to follow minus sign, for valid numeric value");
        }
        int intLen = i - digits;
        boolean fp = false;
        int fracLen = 0;
        int expLen = 0;
        if (i < e && bb[i] == '.') {
            fp = true;
            i++;
            int f = i;
            while (i < e && isDigit(bb[i])) {
                i++;
            }
            fracLen = i - f;
            if (fracLen == 0) {
                ptr = i;
                if (i >= e) {
                    _reportInvalidEOF(" in a Number value", JsonToken.VALUE_NUMBER_FLOAT);
                }
                reportUnexpectedNumberChar(codePoint(i), "Decimal point not followed by a digit");
            }
        }
        if (i < e && (bb[i] == 'e' || bb[i] == 'E')) {
            fp = true;
            i++;
            if (i < e && (bb[i] == '+' || bb[i] == '-')) {
                i++;
            }
            int f = i;
            while (i < e && isDigit(bb[i])) {
                i++;
            }
            expLen = i - f;
            if (expLen == 0) {
                ptr = i;
                if (i >= e) {
                    _reportInvalidEOF(" in a Number value", JsonToken.VALUE_NUMBER_FLOAT);
                }
                reportUnexpectedNumberChar(codePoint(i), "Exponent indicator not followed by a digit");
            }
        }
        ptr = i;
        if (ctx.inRoot() && i < e) {
            int w = bb[i];
            if (w != ' ' && w != '\t' && w != '\n' && w != '\r') {
                _reportMissingRootWS(codePoint(i));
            }
        }
        textStart = p;
        textEnd = i;
        if (fp) {
            _streamReadConstraints.validateFPLength(intLen + fracLen + expLen);
            doubleParsed = false;
            numberType = NumberType.DOUBLE;
            return _currToken = JsonToken.VALUE_NUMBER_FLOAT;
        }
        _streamReadConstraints.validateIntegerLength(intLen);
        if (intLen <= 18) {
            long v = longValue;
            if (neg) {
                v = -v;
            }
            longValue = v;
            numberType = v == (int) v ? NumberType.INT : NumberType.LONG;
        } else {
            BigInteger big = new BigInteger(new String(bb, p, i - p, StandardCharsets.ISO_8859_1));
            if (big.bitLength() <= 63) {
                longValue = big.longValue();
                numberType = NumberType.LONG;
            } else {
                bigValue = big;
                numberType = NumberType.BIG_INTEGER;
            }
        }
        return _currToken = JsonToken.VALUE_NUMBER_INT;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private void requireNumber() throws IOException {
        if (_currToken != JsonToken.VALUE_NUMBER_INT && _currToken != JsonToken.VALUE_NUMBER_FLOAT) {
            _reportError("Current token (" + _currToken + ") not numeric, can not use numeric value accessors");
        }
    }

    @Override
    public NumberType getNumberType() throws IOException {
        requireNumber();
        return numberType;
    }

    @Override
    public Number getNumberValue() throws IOException {
        requireNumber();
        switch (numberType) {
            case INT:
                return (int) longValue;
            case LONG:
                return longValue;
            case BIG_INTEGER:
                return bigValue;
            default:
                return getDoubleValue();
        }
    }

    @Override
    public int getIntValue() throws IOException {
        requireNumber();
        if (numberType == NumberType.INT) {
            return (int) longValue;
        }
        if (numberType == NumberType.DOUBLE) {
            double d = getDoubleValue();
            if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
                reportOverflowInt(getText());
            }
            return (int) d;
        }
        reportOverflowInt(getText());
        return 0; // not reached
    }

    @Override
    public long getLongValue() throws IOException {
        requireNumber();
        if (numberType == NumberType.INT || numberType == NumberType.LONG) {
            return longValue;
        }
        if (numberType == NumberType.DOUBLE) {
            double d = getDoubleValue();
            if (d < Long.MIN_VALUE || d > Long.MAX_VALUE) {
                reportOverflowLong(getText());
            }
            return (long) d;
        }
        reportOverflowLong(getText());
        return 0; // not reached
    }

    @Override
    public BigInteger getBigIntegerValue() throws IOException {
        requireNumber();
        if (numberType == NumberType.BIG_INTEGER) {
            return bigValue;
        }
        if (numberType == NumberType.DOUBLE) {
            return getDecimalValue().toBigInteger();
        }
        return BigInteger.valueOf(longValue);
    }

    @Override
    public float getFloatValue() throws IOException {
        requireNumber();
        if (numberType == NumberType.DOUBLE) {
            return Float.parseFloat(numberText());
        }
        return (float) getDoubleValue();
    }

    @Override
    public double getDoubleValue() throws IOException {
        requireNumber();
        switch (numberType) {
            case INT:
            case LONG:
                return longValue;
            case BIG_INTEGER:
                return bigValue.doubleValue();
            default:
                if (!doubleParsed) {
                    doubleValue = Double.parseDouble(numberText());
                    doubleParsed = true;
                }
                return doubleValue;
        }
    }

    @Override
    public BigDecimal getDecimalValue() throws IOException {
        requireNumber();
        switch (numberType) {
            case INT:
            case LONG:
                return BigDecimal.valueOf(longValue);
            case BIG_INTEGER:
                return new BigDecimal(bigValue);
            default:
                return new BigDecimal(numberText());
        }
    }

    private String numberText() {
        return new String(buf, textStart, textEnd - textStart, StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------------------- text

    @Override
    public String getText() throws IOException {
        JsonToken t = _currToken;
        if (t == JsonToken.VALUE_STRING) {
            String s = text;
            if (s == null) {
                s = textDecoded ? new String(chars, 0, charsLen) : ascii(buf, textStart, textEnd - textStart);
                text = s;
            }
            return s;
        }
        if (t == null) {
            return null;
        }
        switch (t) {
            case FIELD_NAME:
                return ctx.getCurrentName();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return numberText();
            default:
                return t.asString();
        }
    }

    /**
     * A string of ASCII bytes. The deprecated constructor (high byte 0) is a plain copy, small
     * enough to inline; the charset one is a large method that is not.
     */
    @SuppressWarnings("deprecation")
    private static String ascii(byte[] b, int off, int len) {
        return new String(b, 0, off, len);
    }

    /**
     * For {@link EnumCodec}: the start of the current string's content in {@link #buffer()} when
     * the parser is on a {@code VALUE_STRING} that is plain ASCII (no escape, nothing to decode),
     * else -1. The content ends at {@link #plainTextEnd()}.
     */
    int plainTextStart() {
        return _currToken == JsonToken.VALUE_STRING && !textDecoded ? textStart : -1;
    }

    int plainTextEnd() {
        return textEnd;
    }

    byte[] buffer() {
        return buf;
    }

    @Override
    public char[] getTextCharacters() throws IOException {
        if (_currToken == JsonToken.VALUE_STRING) {
            if (!textDecoded && !charsValid) {
                int n = textEnd - textStart;
                char[] out = chars;
                if (out.length < n) {
                    out = new char[Math.max(n, out.length * 2)];
                    chars = out;
                }
                for (int k = 0; k < n; k++) {
                    out[k] = (char) buf[textStart + k];
                }
                charsLen = n;
                charsValid = true;
            }
            return chars;
        }
        String s = getText();
        return s == null ? null : s.toCharArray();
    }

    @Override
    public int getTextLength() throws IOException {
        if (_currToken == JsonToken.VALUE_STRING) {
            return textDecoded ? charsLen : textEnd - textStart;
        }
        String s = getText();
        return s == null ? 0 : s.length();
    }

    @Override
    public int getTextOffset() {
        return 0;
    }

    @Override
    public boolean hasTextCharacters() {
        return _currToken == JsonToken.VALUE_STRING && (textDecoded || charsValid);
    }

    @Override
    public byte[] getBinaryValue(Base64Variant variant) throws IOException {
        if (_currToken != JsonToken.VALUE_STRING) {
            _reportError("Current token (" + _currToken + ") not VALUE_STRING, can not access as binary");
        }
        ByteArrayBuilder b = new ByteArrayBuilder();
        _decodeBase64(getText(), b, variant);
        return b.toByteArray();
    }

    // ------------------------------------------------------------------------------- context

    @Override
    public String getCurrentName() {
        return currentName();
    }

    @Override
    public String currentName() {
        JsonToken t = _currToken;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            JsonReadContext parent = ctx.getParent();
            if (parent != null) {
                return parent.getCurrentName();
            }
        }
        return ctx.getCurrentName();
    }

    @Override
    public void overrideCurrentName(String name) {
        JsonReadContext c = ctx;
        if (_currToken == JsonToken.START_OBJECT || _currToken == JsonToken.START_ARRAY) {
            c = c.getParent();
        }
        try {
            c.setCurrentName(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public JsonStreamContext getParsingContext() {
        return ctx;
    }

    @Override
    protected void _handleEOF() throws JsonParseException {
        if (!ctx.inRoot()) {
            _reportInvalidEOF(": expected close marker for " + ctx.typeDesc(), null);
        }
    }

    @Override
    public JsonLocation currentLocation() {
        return location(ptr);
    }

    @Override
    public JsonLocation currentTokenLocation() {
        return location(tokenStart);
    }

    @Override
    @Deprecated
    public JsonLocation getCurrentLocation() {
        return currentLocation();
    }

    @Override
    @Deprecated
    public JsonLocation getTokenLocation() {
        return currentTokenLocation();
    }

    private JsonLocation location(int at) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < at && i < end; i++) {
            byte b = buf[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= end || buf[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonLocation(ContentReference.unknown(), at - start, -1L, line, at - lineStart + 1);
    }

    // ------------------------------------------------------------------------------- misc

    private int skipWs(int p) {
        byte[] bb = buf;
        int e = end;
        if (p < e && bb[p] > ' ') { // the common cases: no whitespace, or one space (QEMU's)
            return p;
        }
        if (p + 1 < e && bb[p] == ' ' && bb[p + 1] > ' ') {
            return p + 1;
        }
        while (p < e) {
            int b = bb[p];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            p++;
        }
        return p;
    }

    /** The character at {@code p} for an error message (a lead byte as itself). */
    private int codePoint(int p) {
        return buf[p] & 0xFF;
    }

    @Override
    public ObjectCodec getCodec() {
        return codec;
    }

    @Override
    public void setCodec(ObjectCodec c) {
        codec = c;
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }
}
