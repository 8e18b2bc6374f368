/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link QemuJsonGenerator} against the generator it replaces, Jackson's {@code UTF8JsonGenerator}
 * from {@link QemuJson#FACTORY} with {@link QemuJson#qemuStyle()}: the same calls must give the
 * same bytes (or both fail), through a stream and through {@link QemuJson#encode}'s buffer.
 */
@SuppressWarnings("deprecation") // JsonGenerator.Feature
class QemuJsonGeneratorTest {

    @FunctionalInterface
    interface Writes {
        void write(JsonGenerator g) throws IOException;
    }

    /** What the old {@code QemuJson.generator} returned. */
    static JsonGenerator jackson(ByteArrayOutputStream out) throws IOException {
        JsonGenerator g = QemuJson.FACTORY.createGenerator(out);
        g.setPrettyPrinter(QemuJson.qemuStyle());
        return g;
    }

    static byte[] withJackson(Writes w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = jackson(out)) {
            w.write(g);
        }
        return out.toByteArray();
    }

    static byte[] withStream(Writes w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = QemuJson.generator(out)) {
            assertThat(g).isInstanceOf(QemuJsonGenerator.class);
            w.write(g);
        }
        return out.toByteArray();
    }

    /** Through the thread's reused buffer, as {@code QemuJson.encode} writes. */
    static byte[] withBuffer(Writes w) throws IOException {
        QemuJsonGenerator g = QemuJsonGenerator.buffered();
        try (g) {
            w.write(g);
        }
        return g.finish();
    }

    /** Asserts both generators write the same bytes; returns them as text. */
    static String same(Writes w) throws IOException {
        byte[] expected = withJackson(w);
        String text = new String(expected, StandardCharsets.UTF_8);
        assertThat(new String(withStream(w), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(withStream(w)).isEqualTo(expected);
        assertThat(withBuffer(w)).isEqualTo(expected);
        return text;
    }

    /** Asserts both generators fail with the same kind of exception. */
    static void sameFailure(Writes w) {
        Class<? extends Throwable> kind;
        try {
            withJackson(w);
            throw new AssertionError("Jackson did not fail");
        } catch (IOException | RuntimeException e) {
            kind = e.getClass();
        }
        assertThatThrownBy(() -> withStream(w)).isInstanceOf(kind);
        assertThatThrownBy(() -> withBuffer(w)).isInstanceOf(kind);
    }

    static String str(String s) throws IOException {
        return same(g -> g.writeString(s));
    }

    // ---- structure ----

    @Test
    void structures() throws IOException {
        assertThat(same(g -> {
            g.writeStartObject();
            g.writeEndObject();
        })).isEqualTo("{}");
        assertThat(same(g -> {
            g.writeStartArray();
            g.writeEndArray();
        })).isEqualTo("[]");
        assertThat(same(g -> {
            g.writeStartObject();
            g.writeFieldName("a");
            g.writeNumber(1);
            g.writeFieldName(new SerializedString("b"));
            g.writeStartArray();
            g.writeNumber(1);
            g.writeStartObject();
            g.writeEndObject();
            g.writeStartArray();
            g.writeEndArray();
            g.writeStartArray();
            g.writeString("x");
            g.writeEndArray();
            g.writeNull();
            g.writeEndArray();
            g.writeFieldName("c");
            g.writeStartObject();
            g.writeFieldName("d");
            g.writeBoolean(true);
            g.writeFieldName("e");
            g.writeBoolean(false);
            g.writeEndObject();
            g.writeEndObject();
        })).isEqualTo("{\"a\": 1, \"b\": [1, {}, [], [\"x\"], null], \"c\": {\"d\": true, \"e\": false}}");
    }

    @Test
    void convenienceMethods() throws IOException {
        same(g -> {
            g.writeStartObject(new Object());
            g.writeStringField("s", "v");
            g.writeNumberField("i", 1);
            g.writeNumberField("l", 2L);
            g.writeNumberField("d", 2.5);
            g.writeNumberField("f", 1.5f);
            g.writeNumberField("bd", new BigDecimal("1.50"));
            g.writeBooleanField("b", true);
            g.writeNullField("n");
            g.writeObjectFieldStart("o");
            g.writeEndObject();
            g.writeArrayFieldStart("a");
            g.writeStartArray(null, 3);
            g.writeEndArray();
            g.writeStartObject(null, 2);
            g.writeEndObject();
            g.writeEndArray();
            g.writeFieldName("arr");
            g.writeArray(new int[] {1, 2, 3}, 0, 3);
            g.writeFieldName("arr2");
            g.writeArray(new long[] {Long.MIN_VALUE, 0}, 0, 2);
            g.writeFieldName("arr3");
            g.writeArray(new double[] {0.5, -1e300}, 0, 2);
            g.writeFieldName("arr4");
            g.writeArray(new String[] {"a", "\u00e9"}, 0, 2);
            g.writeFieldId(42);
            g.writeNumber((short) -7);
            g.writeEndObject();
        });
    }

    @Test
    void rootValuesAreSeparatedBySpaceAndRawIsVerbatim() throws IOException {
        assertThat(same(g -> {
            g.writeNumber(1);
            g.writeString("a");
            g.writeStartObject();
            g.writeEndObject();
            g.writeRaw("\r\n");
            g.writeStartArray();
            g.writeEndArray();
            g.writeRaw('\n');
        })).isEqualTo("1 \"a\" {}\r\n []\n");
    }

    @Test
    void rawWrites() throws IOException {
        same(g -> {
            g.writeStartArray();
            g.writeRawValue("{\"x\":1}");
            g.writeRawValue("ab[1]cd", 2, 3);
            g.writeRawValue("\"é\"".toCharArray(), 0, 3);
            g.writeRaw(" /*é\u20ac\ud83d\ude00*/ ");
            g.writeRaw("xyz", 1, 1);
            g.writeRaw("-é-".toCharArray(), 1, 1);
            g.writeRaw('\u20ac');
            g.writeRaw(new SerializedString("\u00ff!"));
            g.writeNumber("12.50");
            g.writeNumber("0123".toCharArray(), 1, 3);
            g.writeEndArray();
        });
        sameFailure(g -> g.writeRaw('\ud83d'));
    }

    /** Between a name and its value, Jackson has not written the ": " yet. */
    @Test
    void rawTextFlushAndEndBetweenNameAndValue() throws IOException {
        assertThat(same(g -> {
            g.writeStartObject();
            g.writeFieldName("a");
            g.writeRaw("/*x*/");
            g.writeNumber(1);
            g.writeFieldName(new SerializedString("b"));
            g.flush();
            g.writeString("v");
            g.writeFieldName("c");
            g.writeRaw('!');
            g.writeRaw(new SerializedString("?"));
            g.writeRawValue("2");
            g.writeFieldName("d");
            g.writeEndObject();
            g.writeStartObject();
            g.writeFieldName("e");
        })).isEqualTo("{\"a\"/*x*/: 1, \"b\": \"v\", \"c\"!?: 2, \"d\"} {\"e\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = QemuJson.generator(out); JsonGenerator j = jackson(new ByteArrayOutputStream())) {
            for (JsonGenerator x : List.of(g, j)) {
                x.writeStartObject();
                x.writeFieldName("a");
            }
            assertThat(g.getOutputBuffered()).isEqualTo(j.getOutputBuffered()).isEqualTo(4);
            g.flush();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\"");
        }
    }

    @Test
    void longRawText() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            sb.append(i % 7 == 0 ? "\ud83d\ude00" : i % 5 == 0 ? "é" : i % 3 == 0 ? "\u20ac" : "x");
        }
        same(g -> g.writeRawValue(sb.toString()));
        same(g -> g.writeRaw(sb.toString()));
    }

    @Test
    void fieldNamesAreEscapedLikeStrings() throws IOException {
        same(g -> {
            g.writeStartObject();
            g.writeFieldName("q\"b\\c\n\u0001é\ud83d\ude00");
            g.writeNull();
            g.writeFieldName(new SerializedString("s\"\t"));
            g.writeNull();
            g.writeEndObject();
        });
    }

    @Test
    void outputContextIsNotTracked() throws IOException {
        try (JsonGenerator g = QemuJson.generator(new ByteArrayOutputStream())) {
            assertThatThrownBy(g::getOutputContext).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("output context");
        }
    }

    @Test
    void currentValueFollowsTheLevel() throws IOException {
        try (JsonGenerator g = QemuJson.generator(new ByteArrayOutputStream())) {
            Object outer = new Object();
            Object inner = new Object();
            g.writeStartObject(outer);
            assertThat(g.currentValue()).isSameAs(outer);
            g.writeFieldName("x");
            g.writeStartArray(inner);
            assertThat(g.currentValue()).isSameAs(inner);
            g.writeEndArray();
            assertThat(g.currentValue()).isSameAs(outer);
            g.writeFieldName("y");
            g.writeStartArray();
            assertThat(g.currentValue()).isNull();
            g.assignCurrentValue(inner);
            assertThat(g.currentValue()).isSameAs(inner);
            g.writeEndArray();
            assertThat(g.currentValue()).isSameAs(outer);
        }
    }

    @Test
    void unclosedLevelsAreClosedOnClose() throws IOException {
        assertThat(same(g -> {
            g.writeStartObject();
            g.writeFieldName("a");
            g.writeStartArray();
            g.writeStartObject();
        })).isEqualTo("{\"a\": [{}]}");
    }

    @Test
    void misuseFailsLikeJackson() {
        sameFailure(g -> {
            g.writeStartObject();
            g.writeString("no name");
        });
        sameFailure(g -> {
            g.writeStartObject();
            g.writeNumber(1L);
        });
        sameFailure(g -> {
            g.writeStartArray();
            g.writeFieldName("a");
        });
        sameFailure(g -> g.writeFieldName("a"));
        sameFailure(g -> {
            g.writeStartObject();
            g.writeFieldName("a");
            g.writeFieldName("b");
        });
        sameFailure(g -> {
            g.writeStartArray();
            g.writeEndObject();
        });
        sameFailure(g -> {
            g.writeStartObject();
            g.writeEndArray();
        });
        sameFailure(JsonGenerator::writeEndArray);
        sameFailure(JsonGenerator::writeEndObject);
        assertThatThrownBy(() -> withStream(g -> g.writeEndObject())).isInstanceOf(JsonGenerationException.class);
    }

    @Test
    void nestingLimitIsJacksons() throws IOException {
        int max = QemuJson.FACTORY.streamWriteConstraints().getMaxNestingDepth();
        same(g -> {
            for (int i = 0; i < max; i++) {
                g.writeStartArray();
            }
        });
        sameFailure(g -> {
            for (int i = 0; i <= max; i++) {
                g.writeStartArray();
            }
        });
    }

    // ---- strings ----

    @Test
    void everyAsciiCharacter() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            str(String.valueOf(c));
            all.append(c);
        }
        str(all.toString());
        assertThat(str("\"\\/\b\f\n\r\t\u0000\u001f\u007f")).isEqualTo("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001F\u007f\"");
    }

    @Test
    void nonAsciiIsEscapedPerUtf16Unit() throws IOException {
        for (char c = 0x80; c < 0x800; c++) {
            str("a" + c + "b");
        }
        for (int c = 0x800; c <= 0xFFFF; c += 7) {
            str(String.valueOf((char) c));
        }
        str("\uffff\ufffe\ufeff");
        assertThat(str("\u00e9\u20ac\ud83d\ude00")).isEqualTo("\"\\u00E9\\u20AC\\uD83D\\uDE00\"");
        // lone surrogates: escaped like any other unit, as Jackson does when escaping non-ASCII
        assertThat(str("\ud83d x \ude00")).isEqualTo("\"\\uD83D x \\uDE00\"");
        str("\ude00\ud83d");
    }

    @Test
    void stringsFromOtherSources() throws IOException {
        same(g -> {
            g.writeStartArray();
            char[] cs = "xx\"é\u0001\ud83d\ude00yy".toCharArray();
            g.writeString(cs, 2, cs.length - 4);
            g.writeString(new SerializedString("é\"\\\n"));
            byte[] raw = "r\u00e9w".getBytes(StandardCharsets.UTF_8);
            g.writeRawUTF8String(raw, 0, raw.length);
            g.writeString((String) null);
            g.writeEndArray();
        });
    }

    @Test
    void longStringsCrossSegmentsAndFlushes() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append((char) (i % 3 == 0 ? i % 0x7f : i % 5 == 0 ? 0x80 + i % 0x4000 : 'a' + i % 26));
        }
        String s = sb.toString();
        same(g -> {
            g.writeStartArray();
            for (int n : new int[] {0, 1, 2047, 2048, 2049, 4096, 8000, 20_000, 50_000}) {
                g.writeString(s.substring(0, n));
                g.writeString(s.substring(0, n).toCharArray(), 0, n);
                g.writeString("y".repeat(n));
            }
            g.writeEndArray();
        });
    }

    // ---- numbers and others ----

    @Test
    void integers() throws IOException {
        same(g -> {
            g.writeStartArray();
            for (long v : new long[] {0, 1, -1, 9, 10, 99, 100, 999_999_999, 1_000_000_000, -1_000_000_000,
                    Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L,
                    Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000_000_000L, -999_999_999_999_999_999L}) {
                g.writeNumber(v);
                if (v == (int) v) {
                    g.writeNumber((int) v);
                }
            }
            g.writeNumber(new BigInteger("18446744073709551615"));
            g.writeNumber(new BigInteger("-123456789012345678901234567890"));
            g.writeNumber((BigInteger) null);
            g.writeNumber((String) null);
            g.writeEndArray();
        });
    }

    @Test
    void floatingPoint() throws IOException {
        same(g -> {
            g.writeStartArray();
            for (double v : new double[] {0.0, -0.0, 1.0, -1.5, 0.1, 1e-5, 1e-3, 1e7, 1.0E21, 123456789.125,
                    Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, Math.PI, 2.0 / 3,
                    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                g.writeNumber(v);
                g.writeNumber((float) v);
            }
            g.writeNumber(Float.MIN_VALUE);
            g.writeNumber(new BigDecimal("1E+10"));
            g.writeNumber(new BigDecimal("0.000000123"));
            g.writeNumber(new BigDecimal("-12.3400"));
            g.writeNumber((BigDecimal) null);
            g.writeEndArray();
        });
        assertThat(same(g -> g.writeNumber(Double.NaN))).isEqualTo("\"NaN\"");
    }

    @Test
    void binaryAndSimpleObjects() throws IOException {
        byte[] data = new byte[200];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37);
        }
        same(g -> {
            g.writeStartArray();
            g.writeBinary(data);
            g.writeBinary(data, 3, 10);
            g.writeBinary(Base64Variants.MIME, data, 0, data.length);
            g.writeBinary(Base64Variants.MODIFIED_FOR_URL, data, 0, 7);
            g.writeBinary(new ByteArrayInputStream(data), 50);
            g.writeBinary(new ByteArrayInputStream(data), -1);
            g.writeObject(null);
            g.writeObject("s");
            g.writeObject(1);
            g.writeObject(2L);
            g.writeObject(2.5);
            g.writeObject(1.5f);
            g.writeObject((short) 3);
            g.writeObject((byte) 4);
            g.writeObject(BigInteger.TEN);
            g.writeObject(BigDecimal.ONE);
            g.writeObject(true);
            g.writeObject(new AtomicBoolean(true));
            g.writeObject(new byte[] {1, 2});
            g.writePOJO("p");
            g.writeTree(null);
            g.writeEndArray();
        });
        sameFailure(g -> g.writeObject(new Object()));
        sameFailure(g -> g.writeBinary(new ByteArrayInputStream(data), 300));
    }

    @Test
    void formatSettingsAreFixed() throws IOException {
        try (JsonGenerator g = QemuJson.generator(new ByteArrayOutputStream())) {
            assertThat(g.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII)).isTrue();
            g.enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
            g.setPrettyPrinter(QemuJson.qemuStyle());
            g.setHighestNonEscapedChar(127);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            assertThat(g.isEnabled(JsonGenerator.Feature.AUTO_CLOSE_TARGET)).isFalse();
            assertThatThrownBy(() -> g.disable(JsonGenerator.Feature.ESCAPE_NON_ASCII))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("ESCAPE_NON_ASCII");
            assertThatThrownBy(() -> g.enable(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> g.setPrettyPrinter(new DefaultPrettyPrinter()))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(g::useDefaultPrettyPrinter).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> g.setHighestNonEscapedChar(255)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> g.writeUTF8String(new byte[] {'a'}, 0, 1))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void streamIsFlushedAndClosedLikeJackson() throws IOException {
        boolean[] closed = new boolean[1];
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        JsonGenerator g = QemuJson.generator(out);
        g.writeStartArray();
        g.writeNumber(1);
        assertThat(out.size()).isZero();
        g.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[1");
        g.close();
        assertThat(g.isClosed()).isTrue();
        assertThat(closed[0]).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[1]");
    }

    @Test
    void encodeReusesItsBufferSafely() {
        JsonValue big = JsonArray.of(java.util.Collections.nCopies(20_000, new JsonValue.Str("x\u00e9")));
        JsonValue small = JsonObject.builder().put("a", 1L).build();
        String bigText = QemuJson.toJson(big);
        assertThat(bigText).hasSize(2 + 20_000 * 9 + 19_999 * 2);
        assertThat(QemuJson.toJson(small)).isEqualTo("{\"a\": 1}");
        assertThat(QemuJson.toJson(big)).isEqualTo(bigText);
        // an encode inside a codec's write (as QemuOrder does) gets its own buffer
        JsonCodec<JsonValue> nesting = new JsonCodec<>() {
            @Override
            public JsonValue read(com.fasterxml.jackson.core.JsonParser p) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonValue decode(JsonValue value, Path path) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(JsonGenerator g, JsonValue v) throws IOException {
                g.writeStartArray();
                g.writeString(new String(QemuJson.encode(Codecs.ANY, v), StandardCharsets.UTF_8));
                v.write(g);
                g.writeEndArray();
            }
        };
        assertThat(new String(QemuJson.encode(nesting, small), StandardCharsets.UTF_8))
                .isEqualTo("[\"{\\\"a\\\": 1}\", {\"a\": 1}]");
    }

    // ---- random trees ----

    @Property(tries = 400)
    void randomTreesWriteTheSameBytes(@ForAll("trees") JsonValue v) throws IOException {
        same(v::write);
        assertThat(QemuJson.toJson(v)).isEqualTo(new String(withJackson(v::write), StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<JsonValue> trees() {
        return JsonTrees.trees(4);
    }
}
