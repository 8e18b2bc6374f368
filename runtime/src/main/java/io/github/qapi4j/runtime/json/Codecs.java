/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Codecs for QAPI's built-in types, list codecs, and the primitive helpers generated codecs call
 * for required scalar members (so they need not box).
 *
 * <table>
 *   <caption>Java types of the built-ins</caption>
 *   <tr><th>QAPI</th><th>Java</th><th>notes</th></tr>
 *   <tr><td>str</td><td>String</td><td></td></tr>
 *   <tr><td>int, int64</td><td>long</td><td></td></tr>
 *   <tr><td>int8, int16, int32</td><td>byte, short, int</td><td></td></tr>
 *   <tr><td>uint8, uint16</td><td>int</td><td>widened so values are never negative</td></tr>
 *   <tr><td>uint32</td><td>long</td><td>widened</td></tr>
 *   <tr><td>uint64, size</td><td>long</td><td>unsigned: use {@link Long#toUnsignedString},
 *       {@link Long#compareUnsigned}</td></tr>
 *   <tr><td>number</td><td>double</td><td></td></tr>
 *   <tr><td>bool</td><td>boolean</td><td></td></tr>
 *   <tr><td>null</td><td>{@link JsonValue.Null}</td><td></td></tr>
 *   <tr><td>any</td><td>{@link JsonValue}</td><td></td></tr>
 *   <tr><td>['T']</td><td>{@code List<T>}</td><td>{@link #list}</td></tr>
 * </table>
 * Optional members use the boxed type and {@code null} for absent.
 */
public final class Codecs {
    private Codecs() {
    }

    // ---------------------------------------------------------------- strict decoding (server)

    public static String decodeStr(JsonValue v, Path path) {
        if (v instanceof JsonValue.Str s) {
            return s.value();
        }
        throw path.invalidType("string");
    }

    public static boolean decodeBool(JsonValue v, Path path) {
        if (v instanceof JsonValue.Bool b) {
            return b.value();
        }
        throw path.invalidType("boolean");
    }

    /** int / int64: only integers in int64 range; a non-integral number is a type error. */
    public static long decodeInt64(JsonValue v, Path path) {
        if (v instanceof JsonValue.Int i) {
            return i.value();
        }
        throw path.invalidType("integer");
    }

    /** uint64 / size: negative int64 literals are accepted and wrap, as in QEMU. */
    public static long decodeUint64(JsonValue v, Path path) {
        if (v instanceof JsonValue.Int i) {
            return i.value();
        }
        if (v instanceof JsonValue.UInt u) {
            return u.bits();
        }
        throw path.expects("uint64");
    }

    public static double decodeNumber(JsonValue v, Path path) {
        if (v instanceof JsonValue.Int i) {
            return i.value();
        }
        if (v instanceof JsonValue.UInt u) {
            return unsignedToDouble(u.bits());
        }
        if (v instanceof JsonValue.Dbl d) {
            return d.value();
        }
        throw path.invalidType("number");
    }

    private static long decodeSigned(JsonValue v, Path path, long min, long max, String type) {
        long n = decodeInt64(v, path);
        if (n < min || n > max) {
            throw path.outOfRange(type);
        }
        return n;
    }

    private static long decodeUnsigned(JsonValue v, Path path, long max, String type) {
        long n = decodeUint64(v, path);
        if (Long.compareUnsigned(n, max) > 0) {
            throw path.outOfRange(type);
        }
        return n;
    }

    public static byte decodeInt8(JsonValue v, Path path) {
        return (byte) decodeSigned(v, path, Byte.MIN_VALUE, Byte.MAX_VALUE, "int8_t");
    }

    public static short decodeInt16(JsonValue v, Path path) {
        return (short) decodeSigned(v, path, Short.MIN_VALUE, Short.MAX_VALUE, "int16_t");
    }

    public static int decodeInt32(JsonValue v, Path path) {
        return (int) decodeSigned(v, path, Integer.MIN_VALUE, Integer.MAX_VALUE, "int32_t");
    }

    public static int decodeUint8(JsonValue v, Path path) {
        return (int) decodeUnsigned(v, path, 0xFFL, "uint8_t");
    }

    public static int decodeUint16(JsonValue v, Path path) {
        return (int) decodeUnsigned(v, path, 0xFFFFL, "uint16_t");
    }

    public static long decodeUint32(JsonValue v, Path path) {
        return decodeUnsigned(v, path, 0xFFFF_FFFFL, "uint32_t");
    }

    // ---------------------------------------------------------------- lenient reading (client)

    public static String readStr(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new JsonDecodeException("expected a string", p);
        }
        return p.getText();
    }

    public static boolean readBool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw new JsonDecodeException("expected a boolean", p);
    }

    public static long readInt64(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new JsonDecodeException("expected an integer", p);
        }
        return p.getLongValue();
    }

    public static int readInt32(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new JsonDecodeException("expected an integer", p);
        }
        return p.getIntValue();
    }

    /** uint64 / size: values above {@link Long#MAX_VALUE} come back as negative longs. */
    public static long readUint64(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new JsonDecodeException("expected an integer", p);
        }
        JsonParser.NumberType t = p.getNumberType();
        if (t == JsonParser.NumberType.INT || t == JsonParser.NumberType.LONG) {
            return p.getLongValue();
        }
        return p.getBigIntegerValue().longValue();
    }

    public static double readNumber(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new JsonDecodeException("expected a number", p);
        }
        return p.getDoubleValue();
    }

    // The same, with JSON null read as null (generated readers treat it as an absent member).

    public static String readStrOrNull(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : readStr(p);
    }

    public static Boolean readBoolOrNull(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : readBool(p);
    }

    public static Long readInt64OrNull(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : readInt64(p);
    }

    public static Integer readInt32OrNull(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : readInt32(p);
    }

    public static Long readUint64OrNull(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : readUint64(p);
    }

    public static Double readNumberOrNull(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : readNumber(p);
    }

    /** Writes a uint64 / size held in a long as unsigned. */
    public static void writeUint64(JsonGenerator g, long v) throws IOException {
        if (v >= 0) {
            g.writeNumber(v);
        } else {
            g.writeNumber(Long.toUnsignedString(v));
        }
    }

    private static double unsignedToDouble(long bits) {
        double d = (double) (bits >>> 1) * 2.0;
        return d + (bits & 1);
    }

    // ---------------------------------------------------------------- codec instances

    public static final JsonCodec<String> STR = new Scalar<>() {
        @Override
        public String read(JsonParser p) throws IOException {
            return readStr(p);
        }

        @Override
        public String decode(JsonValue v, Path path) {
            return decodeStr(v, path);
        }

        @Override
        public void write(JsonGenerator g, String v) throws IOException {
            g.writeString(v);
        }
    };

    public static final JsonCodec<Boolean> BOOL = new Scalar<>() {
        @Override
        public Boolean read(JsonParser p) throws IOException {
            return readBool(p);
        }

        @Override
        public Boolean decode(JsonValue v, Path path) {
            return decodeBool(v, path);
        }

        @Override
        public void write(JsonGenerator g, Boolean v) throws IOException {
            g.writeBoolean(v);
        }
    };

    /** {@code int} and {@code int64}. */
    public static final JsonCodec<Long> INT64 = new Scalar<>() {
        @Override
        public Long read(JsonParser p) throws IOException {
            return readInt64(p);
        }

        @Override
        public Long decode(JsonValue v, Path path) {
            return decodeInt64(v, path);
        }

        @Override
        public void write(JsonGenerator g, Long v) throws IOException {
            g.writeNumber(v);
        }
    };

    /** QAPI {@code int} is {@code int64}. */
    public static final JsonCodec<Long> INT = INT64;

    public static final JsonCodec<Byte> INT8 = new Scalar<>() {
        @Override
        public Byte read(JsonParser p) throws IOException {
            return (byte) readInt32(p);
        }

        @Override
        public Byte decode(JsonValue v, Path path) {
            return decodeInt8(v, path);
        }

        @Override
        public void write(JsonGenerator g, Byte v) throws IOException {
            g.writeNumber(v);
        }
    };

    public static final JsonCodec<Short> INT16 = new Scalar<>() {
        @Override
        public Short read(JsonParser p) throws IOException {
            return (short) readInt32(p);
        }

        @Override
        public Short decode(JsonValue v, Path path) {
            return decodeInt16(v, path);
        }

        @Override
        public void write(JsonGenerator g, Short v) throws IOException {
            g.writeNumber(v);
        }
    };

    public static final JsonCodec<Integer> INT32 = new Scalar<>() {
        @Override
        public Integer read(JsonParser p) throws IOException {
            return readInt32(p);
        }

        @Override
        public Integer decode(JsonValue v, Path path) {
            return decodeInt32(v, path);
        }

        @Override
        public void write(JsonGenerator g, Integer v) throws IOException {
            g.writeNumber(v);
        }
    };

    public static final JsonCodec<Integer> UINT8 = new Scalar<>() {
        @Override
        public Integer read(JsonParser p) throws IOException {
            return readInt32(p);
        }

        @Override
        public Integer decode(JsonValue v, Path path) {
            return decodeUint8(v, path);
        }

        @Override
        public void write(JsonGenerator g, Integer v) throws IOException {
            g.writeNumber(v);
        }
    };

    public static final JsonCodec<Integer> UINT16 = new Scalar<>() {
        @Override
        public Integer read(JsonParser p) throws IOException {
            return readInt32(p);
        }

        @Override
        public Integer decode(JsonValue v, Path path) {
            return decodeUint16(v, path);
        }

        @Override
        public void write(JsonGenerator g, Integer v) throws IOException {
            g.writeNumber(v);
        }
    };

    public static final JsonCodec<Long> UINT32 = new Scalar<>() {
        @Override
        public Long read(JsonParser p) throws IOException {
            return readInt64(p);
        }

        @Override
        public Long decode(JsonValue v, Path path) {
            return decodeUint32(v, path);
        }

        @Override
        public void write(JsonGenerator g, Long v) throws IOException {
            g.writeNumber(v);
        }
    };

    /** {@code uint64} and {@code size}: a long read as unsigned. */
    public static final JsonCodec<Long> UINT64 = new Scalar<>() {
        @Override
        public Long read(JsonParser p) throws IOException {
            return readUint64(p);
        }

        @Override
        public Long decode(JsonValue v, Path path) {
            return decodeUint64(v, path);
        }

        @Override
        public void write(JsonGenerator g, Long v) throws IOException {
            writeUint64(g, v);
        }
    };

    /** QAPI {@code size} is decoded like {@code uint64} by QMP's input visitor. */
    public static final JsonCodec<Long> SIZE = UINT64;

    public static final JsonCodec<Double> NUMBER = new Scalar<>() {
        @Override
        public Double read(JsonParser p) throws IOException {
            return readNumber(p);
        }

        @Override
        public Double decode(JsonValue v, Path path) {
            return decodeNumber(v, path);
        }

        @Override
        public void write(JsonGenerator g, Double v) throws IOException {
            g.writeNumber(v);
        }
    };

    public static final JsonCodec<JsonValue.Null> NULL = new Scalar<>() {
        @Override
        public JsonValue.Null read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NULL) {
                throw new JsonDecodeException("expected null", p);
            }
            return JsonValue.Null.INSTANCE;
        }

        @Override
        public JsonValue.Null decode(JsonValue v, Path path) {
            if (v instanceof JsonValue.Null n) {
                return n;
            }
            throw path.invalidType("null");
        }

        @Override
        public void write(JsonGenerator g, JsonValue.Null v) throws IOException {
            g.writeNull();
        }
    };

    /** QAPI {@code any}: any JSON value, as a tree. */
    public static final JsonCodec<JsonValue> ANY = new Scalar<>() {
        @Override
        public JsonValue read(JsonParser p) throws IOException {
            return JsonValue.read(p);
        }

        @Override
        public JsonValue decode(JsonValue v, Path path) {
            return v;
        }

        @Override
        public void write(JsonGenerator g, JsonValue v) throws IOException {
            v.write(g);
        }
    };

    /**
     * The empty object: the arguments of a command without arguments (strict decoding rejects
     * any member with {@code Parameter '<name>' is unexpected}) and the return of a command
     * without a declared return type ({@code {}}). Reads any object, ignoring its members.
     */
    public static final JsonCodec<Void> EMPTY_OBJECT = new Scalar<>() {
        @Override
        public Void read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new JsonDecodeException("expected an object", p);
            }
            p.skipChildren();
            return null;
        }

        @Override
        public Void decode(JsonValue v, Path path) {
            InputObject.of(v, path).end();
            return null;
        }

        @Override
        public void write(JsonGenerator g, Void v) throws IOException {
            g.writeStartObject();
            g.writeEndObject();
        }
    };

    /** A codec for {@code ['T']}, as an unmodifiable {@link List}. */
    public static <E> JsonCodec<List<E>> list(JsonCodec<E> element) {
        return new ListCodec<>(element);
    }

    /** Marker base for the built-in codecs (lets them be anonymous yet share a toString). */
    private abstract static class Scalar<T> implements JsonCodec<T> {
    }

    private static final class ListCodec<E> implements JsonCodec<List<E>> {
        private final JsonCodec<E> element;

        ListCodec(JsonCodec<E> element) {
            this.element = element;
        }

        @Override
        public List<E> read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw new JsonDecodeException("expected an array", p);
            }
            List<E> out = new ArrayList<>(4); // most lists in replies are short
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(element.read(p));
            }
            return java.util.Collections.unmodifiableList(out);
        }

        @Override
        public List<E> decode(JsonValue v, Path path) {
            if (!(v instanceof JsonArray a)) {
                throw path.invalidType("array");
            }
            List<E> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                out.add(element.decode(a.get(i), path.element(i)));
            }
            return java.util.Collections.unmodifiableList(out);
        }

        @Override
        public void write(JsonGenerator g, List<E> v) throws IOException {
            g.writeStartArray();
            for (int i = 0, n = v.size(); i < n; i++) {
                element.write(g, v.get(i));
            }
            g.writeEndArray();
        }
    }
}
