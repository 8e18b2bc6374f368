/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/** Small helpers for the forward-compatible object readers generated codecs contain. */
public final class Reading {
    private Reading() {
    }

    /** Checks that the parser is on {@code START_OBJECT}. */
    public static void startObject(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonDecodeException("expected an object", p);
        }
    }

    /** Whether the parser is on a JSON {@code null}, which generated readers take as an absent member. */
    public static boolean isNull(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_NULL;
    }

    /** The exception for a mandatory member that a reply lacks. */
    public static JsonDecodeException missing(JsonParser p, String member) {
        return new JsonDecodeException("member '" + member + "' is missing", p);
    }

    /** For a mandatory reference member: fails if {@code value} is null. */
    public static <T> T require(JsonParser p, T value, String member) throws JsonDecodeException {
        if (value == null) {
            throw missing(p, member);
        }
        return value;
    }

    /**
     * A parser over {@code value} as JSON, positioned on its first token: how a record that
     * flattens a union's members reads the same object twice.
     */
    public static JsonParser reparse(JsonValue value) throws IOException {
        byte[] bytes = QemuJson.encode(Codecs.ANY, value);
        JsonParser p = QemuJson.parser(bytes, 0, bytes.length);
        p.nextToken();
        return p;
    }

    /** Writes an object's members without its braces (a flattened unknown union branch). */
    public static void writeMembers(JsonGenerator g, JsonObject o) throws IOException {
        for (int i = 0; i < o.size(); i++) {
            g.writeFieldName(o.name(i));
            o.value(i).write(g);
        }
    }

    /**
     * Reads the rest of an object into {@code b}: the parser is on a member name, or on a token
     * before the next member (the object's start, or a member value's last token). Ends on the
     * object's {@code END_OBJECT}.
     */
    public static JsonObject restOfObject(JsonParser p, JsonObject.Builder b) throws IOException {
        JsonToken t = p.currentToken() == JsonToken.FIELD_NAME ? JsonToken.FIELD_NAME : p.nextToken();
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            b.put(name, JsonValue.read(p));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonDecodeException("expected a member name", p);
        }
        return b.build();
    }

    /**
     * Keeps a member the reader does not know instead of skipping it: the parser is on the
     * member's value (after {@link Members#next} returned {@link Members#UNKNOWN}) and ends on its
     * last token. A name already kept keeps its first value.
     */
    public static void readAdditional(JsonParser p, JsonObject.Builder additional) throws IOException {
        String name = p.currentName();
        additional.tryPut(name, JsonValue.read(p));
    }

    /** A member name pre-encoded for {@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}. */
    public static SerializedString name(String name) {
        return new SerializedString(name.intern());
    }
}
