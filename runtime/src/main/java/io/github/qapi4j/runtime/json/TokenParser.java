/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static io.github.qapi4j.runtime.json.JsonMessageStreamer.COLON;
import static io.github.qapi4j.runtime.json.JsonMessageStreamer.COMMA;
import static io.github.qapi4j.runtime.json.JsonMessageStreamer.FLOAT;
import static io.github.qapi4j.runtime.json.JsonMessageStreamer.INTEGER;
import static io.github.qapi4j.runtime.json.JsonMessageStreamer.KEYWORD;
import static io.github.qapi4j.runtime.json.JsonMessageStreamer.LCURLY;
import static io.github.qapi4j.runtime.json.JsonMessageStreamer.LSQUARE;
import static io.github.qapi4j.runtime.json.JsonMessageStreamer.RCURLY;
import static io.github.qapi4j.runtime.json.JsonMessageStreamer.RSQUARE;
import static io.github.qapi4j.runtime.json.JsonMessageStreamer.STRING;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * QEMU's JSON grammar over the tokens of one message, with its error texts (without the
 * {@code JSON parse error, } prefix). As in QEMU, only the first error counts: later ones, which
 * are consequences, are dropped.
 */
final class TokenParser {
    private final byte[] types;
    private final byte[][] texts;
    private final int count;
    private int pos;
    private String error;

    TokenParser(byte[] types, byte[][] texts, int count) {
        this.types = types;
        this.texts = texts;
        this.count = count;
    }

    JsonValue parse() {
        return value();
    }

    String error() {
        return error;
    }

    private void error(String msg) {
        if (error == null) {
            error = msg;
        }
    }

    /** Type of the next token, or 0 at the end. */
    private int peek() {
        return pos < count ? types[pos] : 0;
    }

    private JsonValue value() {
        switch (peek()) {
            case 0:
                error("premature EOI");
                return null;
            case LCURLY:
                return object();
            case LSQUARE:
                return array();
            case STRING:
                return new JsonValue.Str(string(texts[pos++]));
            case INTEGER:
                return integer(texts[pos++]);
            case FLOAT:
                return new JsonValue.Dbl(Double.parseDouble(ascii(texts[pos++])));
            case KEYWORD:
                return keyword(ascii(texts[pos++]));
            default:
                error("expecting value");
                return null;
        }
    }

    private JsonValue object() {
        pos++; // {
        JsonObject.Builder b = JsonObject.builder();
        int t = peek();
        if (t == 0) {
            error("premature EOI");
            return null;
        }
        if (t == RCURLY) {
            pos++;
            return b.build();
        }
        if (!pair(b)) {
            return null;
        }
        while (true) {
            t = peek();
            if (t == 0) {
                error("premature EOI");
                return null;
            }
            pos++;
            if (t == RCURLY) {
                return b.build();
            }
            if (t != COMMA) {
                error("expected separator in dict");
                return null;
            }
            if (!pair(b)) {
                return null;
            }
        }
    }

    private boolean pair(JsonObject.Builder b) {
        if (peek() == 0) {
            error("premature EOI");
            return false;
        }
        JsonValue key = value();
        if (!(key instanceof JsonValue.Str name)) {
            error("key is not a string in object");
            return false;
        }
        int t = peek();
        if (t == 0) {
            error("premature EOI");
            return false;
        }
        pos++;
        if (t != COLON) {
            error("missing : in object pair");
            return false;
        }
        JsonValue v = value();
        if (v == null) {
            error("Missing value in dict");
            return false;
        }
        if (!b.tryPut(name.value(), v)) {
            error("duplicate key");
            return false;
        }
        return true;
    }

    private JsonValue array() {
        pos++; // [
        List<JsonValue> items = new ArrayList<>();
        int t = peek();
        if (t == 0) {
            error("premature EOI");
            return null;
        }
        if (t == RSQUARE) {
            pos++;
            return JsonArray.of(items);
        }
        while (true) {
            JsonValue v = value();
            if (v == null) {
                error("expecting value");
                return null;
            }
            items.add(v);
            t = peek();
            if (t == 0) {
                error("premature EOI");
                return null;
            }
            pos++;
            if (t == RSQUARE) {
                return JsonArray.of(items);
            }
            if (t != COMMA) {
                error("expected separator in list");
                return null;
            }
        }
    }

    private JsonValue keyword(String word) {
        switch (word) {
            case "true":
                return JsonValue.Bool.TRUE;
            case "false":
                return JsonValue.Bool.FALSE;
            case "null":
                return JsonValue.Null.INSTANCE;
            default:
                error("invalid keyword '" + word + "'");
                return null;
        }
    }

    /** int64 if it fits, else uint64 if non-negative and it fits, else a double, like QEMU. */
    private static JsonValue integer(byte[] text) {
        String s = ascii(text);
        try {
            return new JsonValue.Int(Long.parseLong(s));
        } catch (NumberFormatException e) {
            if (s.charAt(0) != '-') {
                try {
                    return new JsonValue.UInt(Long.parseUnsignedLong(s));
                } catch (NumberFormatException e2) {
                    // fall through to double
                }
            }
            return new JsonValue.Dbl(Double.parseDouble(s));
        }
    }

    private static String ascii(byte[] text) {
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Decodes a string token (quotes included): escapes, and strict UTF-8. */
    private String string(byte[] t) {
        int end = t.length - 1;
        boolean simple = true;
        for (int i = 1; i < end; i++) {
            if (t[i] == '\\' || t[i] < 0) {
                simple = false;
                break;
            }
        }
        if (simple) {
            return new String(t, 1, end - 1, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(end);
        int i = 1;
        while (i < end) {
            int c = t[i] & 0xFF;
            if (c == '\\') {
                int beg = i;
                i++;
                int e = t[i] & 0xFF;
                i++;
                switch (e) {
                    case '"', '\'', '\\', '/' -> sb.append((char) e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        int cp = hex4(t, i, end);
                        i = Math.min(i + 4, end);
                        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < end && t[i] == '\\'
                                && t[i + 1] == 'u') {
                            int trailing = hex4(t, i + 2, end);
                            if (trailing >= 0xDC00 && trailing <= 0xDFFF) {
                                cp = 0x10000 + ((cp & 0x3FF) << 10) + (trailing & 0x3FF);
                                i += 6;
                            } else {
                                cp = -1;
                            }
                        }
                        if (cp < 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
                            error(new String(t, beg, i - beg, StandardCharsets.ISO_8859_1)
                                    + " is not a valid Unicode character");
                            return "";
                        }
                        sb.appendCodePoint(cp);
                    }
                    default -> {
                        error("invalid escape sequence in string");
                        return "";
                    }
                }
            } else if (c < 0x80) {
                sb.append((char) c);
                i++;
            } else {
                int n = utf8(t, i, end);
                if (n < 0) {
                    error("invalid UTF-8 sequence in string");
                    return "";
                }
                sb.appendCodePoint(decoded);
                i += n;
            }
        }
        return sb.toString();
    }

    private int decoded;

    /** Decodes one UTF-8 sequence into {@link #decoded}; returns its length or -1 if invalid. */
    private int utf8(byte[] t, int i, int end) {
        int c = t[i] & 0xFF;
        int n;
        int cp;
        int min;
        if (c >= 0xC0 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF7) {
            n = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + n > end) {
            return -1;
        }
        for (int k = 1; k < n; k++) {
            int cc = t[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        // QEMU's modified UTF-8 accepts the overlong C0 80 for U+0000.
        boolean nul = n == 2 && cp == 0;
        if ((cp < min && !nul) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        decoded = cp;
        return n;
    }

    private static int hex4(byte[] t, int i, int end) {
        if (i + 4 > end) {
            return -1;
        }
        int cp = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(t[i + k], 16);
            if (d < 0) {
                return -1;
            }
            cp = (cp << 4) | d;
        }
        return cp;
    }
}
