/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonMessageStreamerTest {

    /** Feeds text in the given chunk sizes (cycled); returns messages as JSON and errors as "E:". */
    static List<String> run(String text, int[] chunks, int maxSize, int maxCount, int maxDepth) {
        List<String> out = new ArrayList<>();
        JsonMessageStreamer s = new JsonMessageStreamer(new JsonMessageStreamer.Listener() {
            @Override
            public void message(JsonValue m) {
                out.add(QemuJson.toJson(m));
            }

            @Override
            public void error(String d) {
                out.add("E:" + d);
            }
        }, maxSize, maxCount, maxDepth);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int pos = 0;
        for (int i = 0; pos < b.length; i++) {
            int n = Math.min(chunks.length == 0 ? b.length : Math.max(1, chunks[i % chunks.length]), b.length - pos);
            s.feed(b, pos, n);
            pos += n;
        }
        return out;
    }

    static List<String> run(String text) {
        return run(text, new int[0], JsonMessageStreamer.MAX_TOKEN_SIZE, JsonMessageStreamer.MAX_TOKEN_COUNT,
                JsonMessageStreamer.MAX_NESTING);
    }

    @Test
    @DisplayName("messages may span lines and share lines; scalars are messages")
    void framing() {
        assertThat(run("{\"a\":\n 1}{\"b\": [1,\n2]} 42 \"x\" null\n"))
                .containsExactly("{\"a\": 1}", "{\"b\": [1, 2]}", "42", "\"x\"", "null");
    }

    @Test
    @DisplayName("QEMU extensions: single quotes and \\' escapes; duplicate keys rejected")
    void extensions() {
        assertThat(run("{'a': 'it\\'s'}")).containsExactly("{\"a\": \"it's\"}");
        assertThat(run("{\"a\": 1, \"a\": 2}")).containsExactly("E:JSON parse error, duplicate key");
        assertThat(run("\"\\u00e9\\ud83d\\ude00\"")).containsExactly("\"\\u00E9\\uD83D\\uDE00\"");
    }

    @Test
    @DisplayName("grammar errors have QEMU's texts")
    void grammarErrors() {
        assertThat(run("{ \"execute\": }")).containsExactly("E:JSON parse error, expecting value");
        assertThat(run("{1: 2}")).containsExactly("E:JSON parse error, key is not a string in object");
        assertThat(run("{\"a\" 1}")).containsExactly("E:JSON parse error, missing : in object pair");
        assertThat(run("{\"a\": 1 \"b\": 2}")).containsExactly("E:JSON parse error, expected separator in dict");
        assertThat(run("[1 2]")).containsExactly("E:JSON parse error, expected separator in list");
        assertThat(run("[1,]")).containsExactly("E:JSON parse error, expecting value");
        assertThat(run("{\"a\": tru}")).containsExactly("E:JSON parse error, invalid keyword 'tru'");
        assertThat(run("\"\\x\"")).containsExactly("E:JSON parse error, invalid escape sequence in string");
        assertThat(run("\"\\ud800\"")).containsExactly("E:JSON parse error, \\ud800 is not a valid Unicode character");
        assertThat(run("}")).containsExactly("E:JSON parse error, expecting value");
    }

    @Test
    @DisplayName("a lexical error reports the stray text, then input is skipped up to a structural character")
    void recovery() {
        assertThat(run("%{\"a\": 1}")).containsExactly("E:JSON parse error, stray '%'", "{\"a\": 1}");
        assertThat(run("%garbage here {\"a\": 1}")).containsExactly("E:JSON parse error, stray '%'", "{\"a\": 1}");
        assertThat(run("{\"a\": 01}\n{\"b\": 2}")).containsExactly(
                "E:JSON parse error, stray '01'", "E:JSON parse error, expecting value", "{\"b\": 2}");
        assertThat(run("{\"a\": \"x\ny\"}")).first().isEqualTo("E:JSON parse error, stray '\"x\n'");
        byte[] ff = {(byte) 0xFF};
        assertThat(run(new String(ff, StandardCharsets.ISO_8859_1) + "{}")).hasSize(2);
    }

    @Test
    @DisplayName("size, count and depth limits produce QEMU's errors and the stream goes on")
    void limits() {
        assertThat(run("[[[1]]] [[[[1]]]]", new int[0], 1000, 1000, 3))
                .containsExactly("[[[1]]]", "E:JSON nesting depth limit exceeded", "1",
                        "E:JSON parse error, expecting value", "E:JSON parse error, expecting value",
                        "E:JSON parse error, expecting value", "E:JSON parse error, expecting value");
        assertThat(run("[1,2,3,4] [1]", new int[0], 1000, 5, 100))
                // the 6th token (3) fails; the rest are read afresh at depth 0, as QEMU does
                .containsExactly("E:JSON token count limit exceeded", "E:JSON parse error, expecting value", "4",
                        "E:JSON parse error, expecting value", "[1]");
        assertThat(run("[\"aaaaaaaaaaaaaaaaaaaa\"] [1]", new int[0], 10, 1000, 100).get(0))
                .isEqualTo("E:JSON token size limit exceeded");
        assertThat(run("[[[[[[1]]]]]]").get(0)).isEqualTo("[[[[[[1]]]]]]");
        assertThat(run("[".repeat(1025) + "]".repeat(1025)).get(0)).isEqualTo("E:JSON nesting depth limit exceeded");
    }

    @Provide
    Arbitrary<int[]> chunkings() {
        return Arbitraries.integers().between(1, 40).array(int[].class).ofMinSize(1).ofMaxSize(20);
    }

    /** Any split of the input gives the same messages and errors. */
    @Property(tries = 300)
    void splitsDoNotMatter(@ForAll("chunkings") int[] chunks) {
        String text = "{\"execute\": \"x\", \"arguments\": {\"a\": [1, -2.5e3, 'q\\'s', \"\\u00e9\u00e9\"]}, \"id\": null}"
                + " 42 %bad {\"b\": tru} [1 2]\n{'c': {}}";
        List<String> whole = run(text);
        assertThat(run(text, chunks, JsonMessageStreamer.MAX_TOKEN_SIZE, JsonMessageStreamer.MAX_TOKEN_COUNT,
                JsonMessageStreamer.MAX_NESTING)).isEqualTo(whole);
        assertThat(whole).hasSize(6);
    }
}
