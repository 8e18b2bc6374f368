/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * The wire names of a generated record's members, in schema order: pre-encoded for writing and
 * matched by index when reading. Reading tries the member the schema order predicts first
 * ({@link JsonParser#nextFieldName(SerializableString)}, no string made), and looks the name up
 * only when the peer sent another order, an optional member is absent, or the member is unknown.
 */
public final class Members {
    /** What {@link #next} returns at the end of the object. */
    public static final int END = -2;
    /** What {@link #next} returns for a member this version does not know. */
    public static final int UNKNOWN = -1;

    private final SerializedString[] names;
    private final String[] strings;

    private Members(String[] names) {
        this.strings = names.clone();
        this.names = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++) {
            this.strings[i] = names[i].intern();
            this.names[i] = new SerializedString(this.strings[i]);
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
