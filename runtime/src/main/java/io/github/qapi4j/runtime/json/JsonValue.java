/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable JSON value: the Java type of QAPI's {@code any}, and the tree a QMP server decodes
 * requests into (QEMU's QObject). Numbers keep QEMU's three kinds: a literal that fits int64 is an
 * {@link Int}, a larger non-negative one that fits uint64 is a {@link UInt}, anything else a
 * {@link Dbl}.
 */
public sealed interface JsonValue
        permits JsonObject, JsonArray, JsonValue.Str, JsonValue.Int, JsonValue.UInt, JsonValue.Dbl,
                JsonValue.Bool, JsonValue.Null {

    /** QEMU's name for the JSON type, as used in {@code expected: <kind>} messages. */
    String kind();

    /** Writes this value. */
    void write(JsonGenerator g) throws IOException;

    /** A JSON string. */
    record Str(String value) implements JsonValue {
        public Str {
            java.util.Objects.requireNonNull(value, "value");
        }

        @Override
        public String kind() {
            return "string";
        }

        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeString(value);
        }

        /** The value as JSON text, as QEMU prints it. */
        @Override
        public String toString() {
            return QemuJson.toJson(this);
        }
    }

    /** A JSON integer that fits a signed 64-bit long (QEMU's QNUM_I64). */
    record Int(long value) implements JsonValue {
        @Override
        public String kind() {
            return "number";
        }

        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeNumber(value);
        }

        /** The value as JSON text, as QEMU prints it. */
        @Override
        public String toString() {
            return QemuJson.toJson(this);
        }
    }

    /**
     * A JSON integer above {@link Long#MAX_VALUE} that fits uint64 (QEMU's QNUM_U64); {@code bits}
     * holds it as an unsigned long.
     */
    record UInt(long bits) implements JsonValue {
        @Override
        public String kind() {
            return "number";
        }

        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeNumber(Long.toUnsignedString(bits));
        }

        /** The value as JSON text, as QEMU prints it. */
        @Override
        public String toString() {
            return QemuJson.toJson(this);
        }
    }

    /** A JSON number that is not an integer in int64 or uint64 range (QEMU's QNUM_DOUBLE). */
    record Dbl(double value) implements JsonValue {
        @Override
        public String kind() {
            return "number";
        }

        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeNumber(value);
        }

        /** The value as JSON text, as QEMU prints it. */
        @Override
        public String toString() {
            return QemuJson.toJson(this);
        }
    }

    /** {@code true} or {@code false}. */
    enum Bool implements JsonValue {
        FALSE, TRUE;

        public static Bool of(boolean b) {
            return b ? TRUE : FALSE;
        }

        public boolean value() {
            return this == TRUE;
        }

        @Override
        public String kind() {
            return "boolean";
        }

        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeBoolean(value());
        }

        /** The value as JSON text, as QEMU prints it. */
        @Override
        public String toString() {
            return QemuJson.toJson(this);
        }
    }

    /** {@code null}. */
    enum Null implements JsonValue {
        INSTANCE;

        @Override
        public String kind() {
            return "null";
        }

        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeNull();
        }

        /** The value as JSON text, as QEMU prints it. */
        @Override
        public String toString() {
            return QemuJson.toJson(this);
        }
    }

    static Str of(String s) {
        return new Str(s);
    }

    static Int of(long n) {
        return new Int(n);
    }

    /**
     * Reads one value from a parser positioned on the value's first token (or before it, in which
     * case the next token is taken). Leaves the parser on the value's last token.
     */
    static JsonValue read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null || t == JsonToken.FIELD_NAME) {
            t = p.nextToken();
        }
        if (t == null) {
            throw new JsonDecodeException("unexpected end of input", p);
        }
        switch (t) {
            case START_OBJECT: {
                JsonObject.Builder b = JsonObject.builder();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    p.nextToken();
                    b.put(name, read(p));
                }
                return b.build();
            }
            case START_ARRAY: {
                List<JsonValue> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return JsonArray.of(items);
            }
            case VALUE_STRING:
                return new Str(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                    case LONG:
                        return new Int(p.getLongValue());
                    default:
                        return integer(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return new Dbl(p.getDoubleValue());
            case VALUE_TRUE:
                return Bool.TRUE;
            case VALUE_FALSE:
                return Bool.FALSE;
            case VALUE_NULL:
                return Null.INSTANCE;
            default:
                throw new JsonDecodeException("unexpected token " + t, p);
        }
    }

    private static JsonValue integer(BigInteger n) {
        if (n.bitLength() <= 63) {
            return new Int(n.longValue());
        }
        if (n.signum() > 0 && n.bitLength() <= 64) {
            return new UInt(n.longValue());
        }
        return new Dbl(n.doubleValue());
    }
}
