/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Codec for a generated enum. A generated enum may reserve one constant for "a value this version
 * does not know" (the emitter chooses its name); the forward-compatible {@link #read} maps unknown
 * wire values to it instead of failing. That constant is never written, and strict
 * {@link #decode} never produces it.
 */
public final class EnumCodec<E extends Enum<E> & QapiEnum> implements JsonCodec<E> {
    private final Map<String, E> byWireName;
    private final E unknown;
    /** Wire names by ordinal, pre-encoded (null for the unknown-value constant). */
    private final SerializedString[] encoded;
    /**
     * Open-addressing table over the wire names' (ASCII) bytes, so reading makes no String: each
     * name's first eight bytes as a word (zero-padded), hashed with the length; the rest of a
     * longer name is compared after the word matched.
     */
    private final long[] words;
    private final byte[][] keys;
    private final Object[] values;
    private final int mask;
    /** Special features by ordinal ({@link CompatPolicy#DEPRECATED}, ...), or null if none has any. */
    private final int[] special;

    private EnumCodec(EnumCodec<E> base, int[] special) {
        this.byWireName = base.byWireName;
        this.unknown = base.unknown;
        this.encoded = base.encoded;
        this.words = base.words;
        this.keys = base.keys;
        this.values = base.values;
        this.mask = base.mask;
        this.special = special;
    }

    private EnumCodec(Class<E> type, E unknown) {
        this.special = null;
        this.unknown = unknown;
        E[] constants = type.getEnumConstants();
        this.byWireName = new HashMap<>(constants.length * 2);
        this.encoded = new SerializedString[constants.length];
        int size = Integer.highestOneBit(Math.max(constants.length, 1) * 4 - 1) << 1;
        this.words = new long[size];
        this.keys = new byte[size][];
        this.values = new Object[size];
        this.mask = size - 1;
        for (E e : constants) {
            if (e != unknown) {
                byWireName.put(e.wireName(), e);
                encoded[e.ordinal()] = new SerializedString(e.wireName());
                byte[] k = e.wireName().getBytes(StandardCharsets.ISO_8859_1);
                long w = 0;
                for (int i = 0; i < Math.min(8, k.length); i++) {
                    w |= (k[i] & 0xFFL) << (i << 3);
                }
                int h = hash(w, k.length) & mask;
                while (keys[h] != null) {
                    h = (h + 1) & mask;
                }
                words[h] = w;
                keys[h] = k;
                values[h] = e;
            }
        }
    }

    private static int hash(long word, int len) {
        long x = (word + len) * 0x9E3779B97F4A7C15L;
        return (int) (x >>> 32) ^ (int) x;
    }

    /** Looks up plain ASCII content bytes, without making chars or a String. */
    @SuppressWarnings("unchecked")
    private E lookup(byte[] c, int off, int len) {
        long w;
        if (len >= 8 || off + 8 <= c.length) {
            w = (long) Bytes.LONGS.get(c, off);
            if (len < 8) {
                w &= -1L >>> ((8 - len) << 3);
            }
        } else {
            w = 0;
            for (int i = 0; i < len; i++) {
                w |= (c[off + i] & 0xFFL) << (i << 3);
            }
        }
        for (int h = hash(w, len) & mask; keys[h] != null; h = (h + 1) & mask) {
            byte[] k = keys[h];
            if (words[h] == w && k.length == len && (len <= 8 || Bytes.same(k, 8, c, off + 8, len - 8))) {
                return (E) values[h];
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private E lookup(char[] c, int off, int len) {
        long w = 0;
        for (int i = 0; i < Math.min(8, len); i++) {
            char ch = c[off + i];
            if (ch > 0x7F) {
                return null; // wire names are ASCII
            }
            w |= (long) ch << (i << 3);
        }
        for (int h = hash(w, len) & mask; keys[h] != null; h = (h + 1) & mask) {
            byte[] k = keys[h];
            if (words[h] == w && k.length == len && sameAscii(k, c, off)) {
                return (E) values[h];
            }
        }
        return null;
    }

    private static boolean sameAscii(byte[] k, char[] c, int off) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != c[off + i]) {
                return false;
            }
        }
        return true;
    }

    /** A codec whose {@link #read} fails on unknown values. */
    public static <E extends Enum<E> & QapiEnum> EnumCodec<E> of(Class<E> type) {
        return new EnumCodec<>(type, null);
    }

    /** A codec whose {@link #read} maps unknown values to {@code unknown}. */
    public static <E extends Enum<E> & QapiEnum> EnumCodec<E> withFallback(Class<E> type, E unknown) {
        return new EnumCodec<>(type, java.util.Objects.requireNonNull(unknown, "unknown"));
    }

    /**
     * This codec, with special features ({@link CompatPolicy#DEPRECATED}, {@link CompatPolicy#UNSTABLE})
     * for some values: strict {@link #decode} checks them against the path's policy
     * ({@code Deprecated value drive-backup disabled by policy}).
     */
    @SafeVarargs
    public final EnumCodec<E> special(int features, E... constants) {
        int[] s = special == null ? new int[encoded.length] : special.clone();
        for (E e : constants) {
            s[e.ordinal()] |= features;
        }
        return new EnumCodec<>(this, s);
    }

    /** The special features of a constant (0 if none). */
    public int specialFeatures(E value) {
        return special == null ? 0 : special[value.ordinal()];
    }

    /** The constant for a wire value, or {@code null}. */
    public E lookup(String wireName) {
        return byWireName.get(wireName);
    }

    @Override
    public E read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new JsonDecodeException("expected a string", p);
        }
        E e;
        int start;
        if (p instanceof QemuJsonParser q && (start = q.plainTextStart()) >= 0) {
            e = lookup(q.buffer(), start, q.plainTextEnd() - start);
        } else {
            e = lookup(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        if (e == null) {
            if (unknown == null) {
                throw new JsonDecodeException("unknown value '" + p.getText() + "'", p);
            }
            return unknown;
        }
        return e;
    }

    @Override
    public E decode(JsonValue value, Path path) {
        // QEMU visits the enum as a string first (full name), then looks it up (bare name).
        String s = Codecs.decodeStr(value, path);
        E e = byWireName.get(s);
        if (e == null) {
            throw path.badEnumValue(s);
        }
        if (special != null) {
            path.checkPolicy(special[e.ordinal()], "value", s);
        }
        return e;
    }

    @Override
    public void write(JsonGenerator g, E value) throws IOException {
        if (value == unknown) {
            throw new IllegalArgumentException("cannot write the unknown-value constant " + value);
        }
        g.writeString(encoded[value.ordinal()]);
    }
}
