/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;

/**
 * The wire names of a generated record's members, in schema order: pre-encoded for writing and
 * matched by index when reading. Reading tries the member the schema order predicts first
 * ({@link JsonParser#nextFieldName(SerializableString)}, no string made), and looks the name up
 * only when the peer sent another order, an optional member is absent, or the member is unknown.
 *
 * <p>With {@link QemuJsonParser} (what {@link QemuJson#decode} and the QMP client use), one step
 * reads a member's name and moves to its value: the separator, quoted name and colon as QEMU
 * spaces them ({@code , "name": }) compared as one run of bytes for the predicted member and the
 * few after it (absent optional members), any other plain name looked up by its bytes; other
 * spacing, escaped names and malformed input take the general path above.
 */
public final class Members {
    /** What {@link #next} returns at the end of the object. */
    public static final int END = -2;
    /** What {@link #next} returns for a member this version does not know. */
    public static final int UNKNOWN = -1;

    private final SerializedString[] names;
    private final String[] strings;
    /** {@code "name": } and {@code , "name": }: a member as QEMU spaces it, first and after another. */
    private final byte[][] afterBrace;
    private final byte[][] afterComma;
    /** Open addressing over the names' quoted UTF-8: member index, or -1 for an empty slot. */
    private final int[] table;
    private final int mask;

    private Members(String[] names) {
        this.strings = names.clone();
        this.names = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++) {
            this.strings[i] = names[i].intern();
            this.names[i] = new SerializedString(this.strings[i]);
        }
        this.afterBrace = new byte[names.length][];
        this.afterComma = new byte[names.length][];
        int size = Integer.highestOneBit(Math.max(names.length, 1) * 4 - 1) << 1;
        this.table = new int[size];
        this.mask = size - 1;
        Arrays.fill(table, -1);
        for (int i = 0; i < names.length; i++) {
            byte[] k = this.names[i].asQuotedUTF8();
            afterBrace[i] = concat(new byte[] {'"'}, k, new byte[] {'"', ':', ' '});
            afterComma[i] = concat(new byte[] {',', ' ', '"'}, k, new byte[] {'"', ':', ' '});
            int h = Bytes.hash(k, 0, k.length) & mask;
            while (table[h] >= 0) {
                h = (h + 1) & mask;
            }
            table[h] = i;
        }
    }

    /** The members, in the order generated code indexes them. */
    public static Members of(String... names) {
        return new Members(names);
    }

    /** Member {@code i}'s name, pre-encoded for {@code JsonGenerator.writeFieldName}. */
    public SerializableString name(int i) {
        return names[i];
    }

    /**
     * Moves to the next member's value.
     *
     * @param p a parser inside an object, on its start or on the previous member's last token
     * @param expected the index of the member most likely next
     * @return the member's index, {@link #UNKNOWN}, or {@link #END} (parser on {@code END_OBJECT})
     * @throws IOException on malformed JSON
     */
    public int next(JsonParser p, int expected) throws IOException {
        if (p instanceof QemuJsonParser q) {
            int i = q.nextMember(this, expected);
            if (i != QemuJsonParser.NOT_EXPECTED) {
                return i;
            }
        }
        JsonToken t;
        if (expected < names.length) {
            if (p.nextFieldName(names[expected])) {
                p.nextToken();
                return expected;
            }
            t = p.currentToken();
        } else {
            t = p.nextToken();
        }
        if (t != JsonToken.FIELD_NAME) {
            if (t == JsonToken.END_OBJECT) {
                return END;
            }
            throw new JsonDecodeException("expected a member name", p);
        }
        int i = indexOf(p.currentName());
        p.nextToken();
        return i;
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }

    byte[][] afterBrace() {
        return afterBrace;
    }

    byte[][] afterComma() {
        return afterComma;
    }

    String string(int i) {
        return strings[i];
    }

    /** The index of the member whose quoted UTF-8 name is these bytes, or -1. */
    int indexOf(byte[] b, int off, int len) {
        int h = Bytes.hash(b, off, len) & mask;
        for (int i; (i = table[h]) >= 0; h = (h + 1) & mask) {
            byte[] k = names[i].asQuotedUTF8(); // computed once, kept by SerializedString
            if (k.length == len && Arrays.equals(k, 0, len, b, off, off + len)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks that none of {@code additional}'s members is one of these (the declared members of a
     * record that also carries undeclared ones, for a {@code 'gen': false} command).
     *
     * @return {@code additional}
     * @throws IllegalArgumentException naming the first declared member found
     */
    public JsonObject checkUndeclared(JsonObject additional) {
        for (int i = 0; i < additional.size(); i++) {
            if (indexOf(additional.name(i)) != UNKNOWN) {
                throw new IllegalArgumentException("member '" + additional.name(i)
                        + "' is declared by the schema: set it with its own component, not as an additional one");
            }
        }
        return additional;
    }

    private int indexOf(String name) {
        String[] s = strings;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == name) { // Jackson interns member names by default
                return i;
            }
        }
        for (int i = 0; i < s.length; i++) {
            if (s[i].equals(name)) {
                return i;
            }
        }
        return UNKNOWN;
    }
}
