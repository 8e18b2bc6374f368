/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link QemuJsonParser} against the parser it replaces, Jackson's from {@link QemuJson#FACTORY}:
 * over the same bytes both must give the same token stream (token, name, text, number type and
 * value, depth, pointer, token byte offset), or both must reject the input with an
 * {@link IOException}.
 */
class QemuJsonParserTest {

    // The reference parser comes from a copy of the factory, with its own symbol table: Jackson
    // looks member names up by their bytes before decoding them, so once a name is in the shared
    // table, a later name whose bytes pack into the same quads is accepted without its UTF-8 being
    // checked (seen with an 0xFF byte in a name). A fresh table makes its answers reproducible.

    /** Prefix and suffix around the range, so offsets relative to the range are checked. */
    private static final byte[] PAD = "]}\"\\x".getBytes(StandardCharsets.ISO_8859_1);

    static String run(boolean ours, byte[] json) {
        byte[] b = new byte[json.length + 2 * PAD.length];
        System.arraycopy(PAD, 0, b, 0, PAD.length);
        System.arraycopy(json, 0, b, PAD.length, json.length);
        System.arraycopy(PAD, 0, b, PAD.length + json.length, PAD.length);
        return run(ours, b, PAD.length, json.length);
    }

    /** The tokens of {@code b[off..off+len)}, or {@code "REJECTED"}. */
    static String run(boolean ours, byte[] b, int off, int len) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = ours ? QemuJson.parser(b, off, len)
                : QemuJson.FACTORY.copy().createParser(b, off, len)) {
            if (ours) {
                assertThat(p).isInstanceOf(QemuJsonParser.class);
            }
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                out.add(describe(p, t));
            }
            out.add("EOF " + p.currentToken());
        } catch (IOException e) {
            return "REJECTED";
        }
        return String.join("\n", out);
    }

    static String describe(JsonParser p, JsonToken t) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(t).append(" name=").append(p.currentName())
                .append(" depth=").append(p.getParsingContext().getNestingDepth())
                .append(" ptr=").append(p.getParsingContext().pathAsPointer())
                .append(" at=").append(p.currentTokenLocation().getByteOffset())
                .append(" text=").append(p.getText());
        if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
            s.append(" chars=").append(new String(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType nt = p.getNumberType();
            s.append(' ').append(nt).append(' ').append(p.getBigIntegerValue()).append(' ')
                    .append(p.getDoubleValue()).append(' ').append(p.getNumberValue());
            if (nt != JsonParser.NumberType.BIG_INTEGER) {
                s.append(' ').append(p.getLongValue());
            }
            if (nt == JsonParser.NumberType.INT) {
                s.append(' ').append(p.getIntValue());
            }
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            s.append(' ').append(p.getNumberType()).append(' ')
                    .append(Double.doubleToRawLongBits(p.getDoubleValue())).append(' ');
            try {
                s.append(p.getDecimalValue());
            } catch (NumberFormatException e) { // both: an exponent beyond int range
                s.append("NumberFormatException");
            }
        }
        return s.toString();
    }

    /** Asserts both parsers agree on {@code json}; returns the outcome. */
    static String same(byte[] json) {
        String expected = run(false, json);
        assertThat(run(true, json)).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(expected);
        return expected;
    }

    static String same(String json) {
        return same(json.getBytes(StandardCharsets.UTF_8));
    }

    static void accepted(String json) {
        assertThat(same(json)).as(json).isNotEqualTo("REJECTED");
    }

    static void rejected(String json) {
        assertThat(same(json)).as(json).isEqualTo("REJECTED");
    }

    // ---- hand-picked ----

    @Test
    void structures() {
        for (String j : List.of("{}", "[]", "[[]]", "[{}]", "{\"a\":{}}", "{\"a\":[]}", " { \"a\" : [ 1 , { } , [ ] ] } ",
                "\t\r\n[\n1\r,\t2\n]\r\n", "{\"a\":1,\"b\":{\"c\":[true,false,null]},\"d\":\"x\"}",
                "[[[[[[1]]]]],2]", "{\"a\":{\"b\":{\"c\":{}}}}", "", "  ", "1", "-1", "\"s\"", "true", "null",
                "{} {}", "[]{}", "1 2", "\"a\"\"b\"", "{}1", "true{}", "true\"a\"", "{\"\":\"\"}",
                "{\"a\":1,\"a\":2}")) {
            accepted(j);
        }
        for (String j : List.of("{", "[", "]", "}", "[}", "{]", "[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}",
                "{\"a\":1,}", "{,}", "{a:1}", "{'a':1}", "['a']", "[1]]", "{\"a\":1}}", "{\"a\" 1}",
                "[true false]", "truex", "true1", "nul", "nulll", "[tru]", "[True]", "[NaN]", "[Infinity]",
                "[-Infinity]", "[+1]", "[.5]", "[1.]", "[1.e5]", "[1e]", "[1e+]", "[-]", "[--1]", "[01]",
                "[-01]", "[00]", "1x", "1,2", "1}", "1\"a\"", "[1x]", "[1true]", "/* c */ 1", "// c\n1", "# c\n1",
                "[\"a\" \"b\"]", "{\"a\":1 \"b\":2}", "[1,,2]", "\u00a0[]", "[\u000b]", "[\f1]", "{\"a\":1,\"b\"",
                "[\"abc", "\"abc", "[\"a\\", "[\"\\u12", "{\"a", "{\"a\":", "{\"a\":1,")) {
            rejected(j);
        }
    }

    @Test
    void strings() {
        for (String j : List.of("[\"\"]", "[\"a b c\"]", "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", "[\"\\u0041\\u00e9\\u20AC\\uffff\"]",
                "[\"\\ud83d\\ude00\"]", "[\"\\ud800\"]", "[\"\\udc00x\\ud800\"]", "[\"\u00e9\u20ac\ud83d\ude00\"]",
                "[\"\u007f\"]", "{\"\u00e9\\n\":\"v\"}", "{\"\\u0061\":1}", "[\"" + "x".repeat(1000) + "\"]",
                "[\"" + "\u00e9".repeat(500) + "\\n" + "y".repeat(300) + "\"]", "{\"" + "n".repeat(300) + "\":1}")) {
            accepted(j);
        }
        for (int c = 0; c < 0x20; c++) {
            rejected("[\"a" + (char) c + "b\"]");
            rejected("{\"a" + (char) c + "\":1}");
        }
        // Surrogates escaped in member names are checked (not in values).
        for (String j : List.of("{\"\\ud83d\\ude00\":1}", "{\"\\ud83dx\":1}", "{\"\\ud83d\\u0041\":1}", "{\"\\ude00\":1}",
                "{\"\\ud83d\\n\":1}", "{\"a\\ud83d\":1}", "{\"\\ud83d\\ud83d\":1}", "{\"\\uffff\":1}", "{\"\\ud83d",
                "{\"\\ud83d\\", "{\"\\ud83d\\u", "{\"\\ud83d\\ude0", "{\"\\ud83d\u00e9\":1}", "[\"\\ud83dx\"]",
                "[\"\\ude00\\ud83d\"]")) {
            same(j);
        }
        for (String j : List.of("[\"\\x\"]", "[\"\\U0041\"]", "[\"\\u00g1\"]", "[\"\\u 041\"]", "[\"\\'\"]", "[\"\\\"]",
                "{\"\\q\":1}")) {
            rejected(j);
        }
    }

    @Test
    void specialBytesAtEveryPosition() {
        // The plain run is scanned eight bytes at a time: put each kind of byte at each offset.
        String[] bytes = {"\"", "\\n", "\\u0041", "\u0001", "\u001f", "\u0020", "\u0021", "\u0023", "\u005b", "\u005d",
            "\u007f", "\u00e9", "\u20ac", "\ud83d\ude00", "\u0080", "0", "\u00ff"};
        for (String b : bytes) {
            for (int at = 0; at < 20; at++) {
                for (int len : new int[] {at, at + 1, at + 8, 24}) {
                    String body = "a".repeat(at) + b + "z".repeat(Math.max(0, len - at));
                    same("[\"" + body + "\"]");
                    same("{\"" + body + "\":1}");
                    same("[\"" + body);
                }
            }
        }
    }

    @Test
    void invalidUtf8() {
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xbf}, {(byte) 0xc3}, {(byte) 0xc3, 'a'}, {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xe2, (byte) 0x82, 'a'}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, {(byte) 0xf8, (byte) 0x80},
            {(byte) 0xff}, {(byte) 0xfe}};
        for (byte[] b : bad) {
            for (String shape : List.of("[\"%s\"]", "{\"%s\":1}")) {
                String[] parts = shape.split("%s");
                byte[] json = concat(parts[0].getBytes(StandardCharsets.US_ASCII), b, parts[1].getBytes(StandardCharsets.US_ASCII));
                rejectedBytes(json);
            }
        }
        // Jackson does not check for overlong forms or encoded surrogates: neither do we.
        same(new byte[] {'[', '"', (byte) 0xc0, (byte) 0x80, '"', ']'});
        same(new byte[] {'[', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', ']'});
        same(new byte[] {'[', '"', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', ']'});
        same(new byte[] {'[', '"', (byte) 0xf7, (byte) 0xbf, (byte) 0xbf, (byte) 0xbf, '"', ']'});
        same(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', '1', ']'});
        int[][] odd = {{0xc0, 0x80}, {0xc1, 0xbf}, {0xe0, 0x80, 0x80}, {0xed, 0xa0, 0x80}, {0xed, 0xb0, 0x80},
            {0xed, 0x9f, 0xbf}, {0xee, 0x80, 0x80}, {0xf4, 0x90, 0x80, 0x80}, {0xf7, 0xbf, 0xbf, 0xbf},
            {0xf0, 0x80, 0x80, 0x80}, {0xf0, 0x9f, 0x98, 0x80}, {0xef, 0xbf, 0xbf}, {0xc2, 0x80}};
        for (int[] o : odd) {
            byte[] b = new byte[o.length];
            for (int i = 0; i < o.length; i++) {
                b[i] = (byte) o[i];
            }
            same(concat("[\"".getBytes(StandardCharsets.US_ASCII), b, "\"]".getBytes(StandardCharsets.US_ASCII)));
            same(concat("{\"".getBytes(StandardCharsets.US_ASCII), b, "\":1}".getBytes(StandardCharsets.US_ASCII)));
            same(concat("{\"a".getBytes(StandardCharsets.US_ASCII), b, "b\":1}".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void jacksonFFInName() throws IOException {
        // Jackson 2.22 reads "\xff_" as the name "_" met before (the 0xFF byte, sign-extended,
        // wipes out its quad) and accepts the input; 0xFF is never valid UTF-8, and we reject it.
        byte[] b = {'{', '"', '_', '"', ':', '0', ',', '"', (byte) 0xFF, '_', '"', ':', '1', '}'};
        assertThat(run(true, b)).isEqualTo("REJECTED");
        assertThat(run(false, b)).contains("FIELD_NAME name=_ depth=1 ptr=/_ at=7");
    }

    private static void rejectedBytes(byte[] json) {
        assertThat(same(json)).isEqualTo("REJECTED");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void numbers() {
        for (String n : List.of("0", "-0", "1", "-1", "9", "10", "2147483647", "2147483648", "-2147483648", "-2147483649",
                "4294967295", "999999999", "1000000000", "-999999999", "123456789012345678", "999999999999999999",
                "1000000000000000000", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                "-9223372036854775809", "18446744073709551615", "18446744073709551616", "-18446744073709551616",
                "123456789012345678901234567890", "0.0", "-0.0", "1.5", "-1.5", "1e5", "1E5", "1e+5", "1e-5", "1.5e300",
                "1e400", "-1e400", "1e-400", "0.1", "3.141592653589793", "2.2250738585072014E-308", "4.9e-324",
                "123456789012345678901234567890.5", "0e0", "0E-0", "-0e+00", "1" + "0".repeat(500),
                "0." + "1".repeat(400), "-1e2147483648", "1e-2147483649", "1e99999999999")) {
            accepted("[" + n + "]");
            accepted(n);
            accepted("{\"n\":" + n + "}");
            accepted("[ " + n + " ]");
        }
    }

    /**
     * Integers read from one word (the parser's fast path): each length up to and past eight
     * digits, each way a number can end, and ranges whose bytes run on with more digits.
     */
    @Test
    void integersInAWord() {
        String digits = "1234567890";
        for (int n = 1; n <= 10; n++) {
            for (String lead : List.of("", "-", "0")) {
                String num = lead + digits.substring(0, n);
                for (String tail : List.of(",2]", "]", " ]", "\n]", ".5]", "e3]", "E3]", "x]", "}")) {
                    String json = "[" + num + tail;
                    byte[] b = (json + "98765432109876543210").getBytes(StandardCharsets.US_ASCII);
                    for (int len = 1; len <= json.length(); len++) { // every cut, the rest digits
                        String expected = run(false, b, 0, len);
                        assertThat(run(true, b, 0, len)).as(json + " cut at " + len).isEqualTo(expected);
                    }
                    same("{\"n\": " + num + ", \"m\": " + num + "}");
                }
            }
        }
    }

    @Test
    void limits() {
        accepted("[".repeat(1000) + "]".repeat(1000));
        rejected("[".repeat(1001) + "]".repeat(1001));
        accepted("{\"a\":".repeat(999) + "[]" + "}".repeat(999));
        rejected("{\"a\":".repeat(1001) + "1" + "}".repeat(1001));
        rejected("[".repeat(100_000));
        rejected("[1" + "0".repeat(1000) + "]");
        accepted("[1" + "0".repeat(998) + "]");
    }

    @Test
    void rangeAndOffsets() throws IOException {
        byte[] b = "xx[1, \"a\", {\"k\": true}]yy".getBytes(StandardCharsets.US_ASCII);
        JsonParser p = QemuJson.parser(b, 2, b.length - 4);
        List<Long> at = new ArrayList<>();
        while (p.nextToken() != null) {
            at.add(p.currentTokenLocation().getByteOffset());
        }
        assertThat(at).containsExactly(0L, 1L, 4L, 9L, 10L, 15L, 19L, 20L);
        assertThatThrownBy(() -> QemuJson.parser(b, 20, 10)).isInstanceOf(IndexOutOfBoundsException.class);
        // A region that starts at a value and runs on past it (QmpClient's reply decoding).
        JsonParser r = QemuJson.parser(b, 11, b.length - 11);
        assertThat(r.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        r.skipChildren();
        assertThat(r.currentToken()).isEqualTo(JsonToken.END_OBJECT);
    }

    @Test
    void errorsAreJsonParseExceptions() {
        assertThatThrownBy(() -> tokens("[01]")).isInstanceOf(JsonParseException.class).hasMessageContaining("Leading zeroes");
        assertThatThrownBy(() -> tokens("{\"a\" 1}")).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> tokens("[\"a")).isInstanceOf(JsonParseException.class);
    }

    private static void tokens(String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = QemuJson.parser(b, 0, b.length)) {
            while (p.nextToken() != null) {
                p.getText();
            }
        }
    }

    @Test
    void nextFieldNameAndIdentity() throws IOException {
        byte[] b = "{\"alpha\": 1, \"beta\" :{\"x\":[1]} , \"g\\u0061mma\": 3, \"delta\": 4}".getBytes(StandardCharsets.US_ASCII);
        SerializedString alpha = new SerializedString("alpha".intern());
        SerializedString beta = new SerializedString("beta".intern());
        SerializedString gamma = new SerializedString("gamma".intern());
        SerializedString zeta = new SerializedString("zeta");
        JsonParser p = QemuJson.parser(b, 0, b.length);
        assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        assertThat(p.nextFieldName(alpha)).isTrue();
        assertThat(p.currentName()).isSameAs(alpha.getValue());
        assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
        assertThat(p.currentName()).isSameAs(alpha.getValue());
        assertThat(p.nextFieldName(gamma)).isFalse(); // beta came instead
        assertThat(p.currentToken()).isEqualTo(JsonToken.FIELD_NAME);
        assertThat(p.currentName()).isSameAs(beta.getValue());
        assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        assertThat(p.currentName()).isSameAs("beta");
        p.skipChildren();
        assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        // Escaped in the input: the fast comparison fails, the slow path still matches.
        assertThat(p.nextFieldName(gamma)).isTrue();
        assertThat(p.currentName()).isSameAs("gamma");
        p.nextToken();
        assertThat(p.nextFieldName(zeta)).isFalse();
        assertThat(p.currentName()).isSameAs("delta");
        p.nextToken();
        assertThat(p.nextFieldName(zeta)).isFalse();
        assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        assertThat(p.nextFieldName(zeta)).isFalse();
        assertThat(p.currentToken()).isNull();
        // Names not known in advance are interned too.
        byte[] c = "{\"some-unusual-name-42\": 1}".getBytes(StandardCharsets.US_ASCII);
        JsonParser q = QemuJson.parser(c, 0, c.length);
        q.nextToken();
        assertThat(q.nextFieldName()).isSameAs("some-unusual-name-42".intern());
    }

    @Test
    void nextFieldNameLongNames() throws IOException {
        String name = "a-rather-long-member-name";
        SerializedString expected = new SerializedString(name.intern());
        for (int at = 0; at <= name.length(); at++) {
            for (String other : List.of(at < name.length() ? name.substring(0, at) + "X" + name.substring(at + 1) : name,
                    name.substring(0, at), name + "-and-more".substring(0, Math.min(9, at)))) {
                byte[] b = ("{\"" + other + "\": 1}").getBytes(StandardCharsets.US_ASCII);
                JsonParser p = QemuJson.parser(b, 0, b.length);
                p.nextToken();
                assertThat(p.nextFieldName(expected)).as(other).isEqualTo(other.equals(name));
                assertThat(p.currentName()).isEqualTo(other);
                assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            }
        }
    }

    @Test
    void manyNamesStayInterned() throws IOException {
        StringBuilder sb = new StringBuilder("{");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String n = (i % 2 == 0 ? "member-" : "m") + i + (i % 3 == 0 ? "" : "-x");
            names.add(n);
            sb.append(i == 0 ? "" : ", ").append('"').append(n).append("\": ").append(i);
        }
        byte[] b = sb.append('}').toString().getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 2; round++) {
            JsonParser p = QemuJson.parser(b, 0, b.length);
            p.nextToken();
            for (String n : names) {
                assertThat(p.nextFieldName()).isSameAs(n.intern());
                p.nextToken();
            }
            assertThat(p.nextToken()).isEqualTo(JsonToken.END_OBJECT);
        }
    }

    @Test
    void nextFieldNameMalformed() {
        for (String j : List.of("{\"alpha\" 1}", "{\"alpha\":1 \"alpha\":2}", "{\"alpha\":1,,\"alpha\":2}", "{\"alpha\"",
                "{\"alpha", "{\"alpha\":1,}")) {
            byte[] b = j.getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> {
                JsonParser p = QemuJson.parser(b, 0, b.length);
                p.nextToken();
                SerializedString alpha = new SerializedString("alpha");
                while (p.currentToken() != null) {
                    if (!p.nextFieldName(alpha)) {
                        p.nextToken();
                    } else {
                        p.nextToken();
                    }
                }
            }).as(j).isInstanceOf(IOException.class);
        }
    }

    @Test
    void skipChildren() throws IOException {
        byte[] b = "[{\"a\":[1,{\"b\":\"c\\n\"}],\"d\":null},2]".getBytes(StandardCharsets.US_ASCII);
        JsonParser p = QemuJson.parser(b, 0, b.length);
        p.nextToken();
        p.nextToken();
        p.skipChildren();
        assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
        assertThat(p.getIntValue()).isEqualTo(2);
        p.skipChildren(); // a scalar: nothing to skip
        assertThat(p.nextToken()).isEqualTo(JsonToken.END_ARRAY);
        assertThat(p.nextToken()).isNull();
    }

    @Test
    void decodesThroughCodecs() throws IOException {
        JsonValue v = JsonValue.read(reparse("{\"a\": [1, 18446744073709551615, -2.5e3, \"\\u00e9\", null, true]}"));
        assertThat(QemuJson.toJson(v)).isEqualTo("{\"a\": [1, 18446744073709551615, -2500.0, \"\\u00E9\", null, true]}");
    }

    private static JsonParser reparse(String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        JsonParser p = QemuJson.parser(b, 0, b.length);
        p.nextToken();
        return p;
    }

    // ---- random trees and mutations ----

    @Property(tries = 500)
    void randomTreesParseTheSame(@ForAll("trees") JsonValue v) throws IOException {
        byte[] qemu = QemuJson.encode(Codecs.ANY, v);
        same(qemu);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            v.write(g);
        } catch (IOException | RuntimeException e) {
            Assume.that(false);
        }
        same(out.toByteArray());
    }

    @Property(tries = 3000)
    void mutationsAreAcceptedOrRejectedAlike(@ForAll("trees") JsonValue v, @ForAll("mutations") List<int[]> edits) {
        byte[] b = mutate(QemuJson.encode(Codecs.ANY, v), edits);
        assumeComparable(b);
        String expected = run(false, b);
        String actual = run(true, b);
        assertThat(actual.equals("REJECTED")).as(java.util.HexFormat.of().formatHex(b))
                .isEqualTo(expected.equals("REJECTED"));
        if (!expected.equals("REJECTED")) {
            assertThat(actual).isEqualTo(expected);
        }
    }

    /** Skips inputs on which the parsers differ on purpose (see the class comment). */
    static void assumeComparable(byte[] b) {
        // Jackson detects UTF-16/32 from NULs or a byte order mark in the first four bytes.
        for (int i = 0; i < Math.min(4, b.length); i++) {
            Assume.that(b[i] != 0);
        }
        Assume.that(b.length < 2 || !((b[0] & 0xFF) >= 0xFE && (b[1] & 0xFF) >= 0xFE));
        // Jackson can take an 0xFF byte in a member name for other bytes (see jacksonFFInName).
        for (byte x : b) {
            Assume.that(x != (byte) 0xFF);
        }
    }

    /** Applies edits (kind, position, byte) to {@code b}: truncate, replace (in place), insert, delete. */
    static byte[] mutate(byte[] b, List<int[]> edits) {
        for (int[] e : edits) {
            if (b.length == 0) {
                break;
            }
            int at = Math.floorMod(e[1], b.length);
            switch (e[0]) {
                case 0 -> b = java.util.Arrays.copyOf(b, at); // truncate
                case 1 -> b[at] = (byte) e[2]; // replace
                case 2 -> { // insert
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) e[2];
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                default -> { // delete
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
            }
        }
        return b;
    }

    @Provide
    static Arbitrary<List<int[]>> mutations() {
        Arbitrary<Integer> byteValues = Arbitraries.oneOf(Arbitraries.of((int) '"', (int) '\\', (int) ',', (int) ':',
                (int) '[', (int) ']', (int) '{', (int) '}', (int) ' ', (int) '0', (int) '-', (int) '.', (int) 'e',
                (int) 'u', (int) 't', (int) 'n', 0x1f, 0x80, 0xc3, 0xe2, 0xf0), Arbitraries.integers().between(0, 255));
        Arbitrary<int[]> edit = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers(), byteValues).as((k, at, by) -> new int[] {k, at, by});
        return edit.list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<JsonValue> trees() {
        return JsonTrees.trees(4);
    }
}
