/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.runtime.json.JobInfoExample.JobInfo;
import io.github.qapi4j.runtime.json.JobInfoExample.JobInfoCodec;
import io.github.qapi4j.runtime.json.JobInfoExample.JobStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CodecsTest {

    /** Parses with QEMU's grammar, as the server does. */
    static JsonValue qemu(String json) {
        JsonValue[] out = new JsonValue[1];
        JsonMessageStreamer s = new JsonMessageStreamer(new JsonMessageStreamer.Listener() {
            @Override
            public void message(JsonValue m) {
                out[0] = m;
            }

            @Override
            public void error(String d) {
                throw new AssertionError(d);
            }
        });
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        s.feed(b, 0, b.length);
        s.endOfInput();
        return out[0];
    }

    private static String err(Runnable r) {
        try {
            r.run();
        } catch (JsonInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    @DisplayName("strict decoding reports QEMU's texts, first error in schema order")
    void strictErrors() {
        JobInfoCodec c = JobInfoCodec.INSTANCE;
        assertThat(err(() -> c.decode(qemu("{}"), Path.ROOT))).isEqualTo("Parameter 'id' is missing");
        assertThat(err(() -> c.decode(qemu("{'id': 1}"), Path.ROOT)))
                .isEqualTo("Invalid parameter type for 'id', expected: string");
        // type is missing, status is wrong too: schema order decides
        assertThat(err(() -> c.decode(qemu("{'id': 'a', 'status': 'bogus'}"), Path.ROOT)))
                .isEqualTo("Parameter 'type' is missing");
        assertThat(err(() -> c.decode(qemu("{'id': 'a', 'type': 't', 'status': 'bogus'}"), Path.ROOT)))
                .isEqualTo("Parameter 'status' does not accept value 'bogus'");
        assertThat(err(() -> c.decode(qemu(
                "{'id': 'a', 'type': 't', 'status': 'running', 'current-progress': 1.5}"), Path.ROOT)))
                .isEqualTo("Invalid parameter type for 'current-progress', expected: integer");
        assertThat(err(() -> c.decode(qemu("{'id': 'a', 'type': 't', 'status': 'running', "
                + "'current-progress': 1, 'total-progress': 2, 'zzz': 1, 'extra': 2}"), Path.ROOT)))
                .startsWith("Parameter '").endsWith("' is unexpected");
        assertThat(err(() -> c.decode(qemu("[]"), Path.ROOT.member("info"))))
                .isEqualTo("Invalid parameter type for 'info', expected: object");
    }

    @Test
    @DisplayName("nested members and list elements get QEMU's full names; ranges use bare names")
    void paths() {
        Path opts = Path.ROOT.member("options");
        assertThat(err(() -> Codecs.decodeStr(qemu("1"), opts.member("size"))))
                .isEqualTo("Invalid parameter type for 'options.size', expected: string");
        JsonCodec<List<Byte>> bytes = Codecs.list(Codecs.INT8);
        assertThat(err(() -> bytes.decode(qemu("[1, 'x']"), Path.ROOT.member("l"))))
                .isEqualTo("Invalid parameter type for 'l[1]', expected: integer");
        assertThat(err(() -> bytes.decode(qemu("[1, 300]"), Path.ROOT.member("l"))))
                .isEqualTo("Parameter 'null' expects int8_t");
        assertThat(err(() -> Codecs.INT8.decode(qemu("-129"), opts.member("n"))))
                .isEqualTo("Parameter 'n' expects int8_t");
        assertThat(err(() -> Codecs.UINT8.decode(qemu("-1"), opts.member("n"))))
                .isEqualTo("Parameter 'n' expects uint8_t");
        assertThat(err(() -> Codecs.UINT64.decode(qemu("1.5"), opts.member("n"))))
                .isEqualTo("Parameter 'options.n' expects uint64");
        assertThat(err(() -> Codecs.list(JobStatus.CODEC).decode(qemu("['running', 'x']"), Path.ROOT.member("s"))))
                .isEqualTo("Parameter 'null' does not accept value 'x'");
        assertThat(Path.ROOT.member("a").element(0).member("b").element(2).element(3).fullName())
                .isEqualTo("a[0].b[2][3]");
    }

    @Test
    @DisplayName("integers are int64, then uint64, then double, like QEMU's parser")
    void numbers() {
        assertThat(qemu("9223372036854775807")).isEqualTo(new JsonValue.Int(Long.MAX_VALUE));
        assertThat(qemu("18446744073709551615")).isEqualTo(new JsonValue.UInt(-1L));
        assertThat(qemu("18446744073709551616")).isInstanceOf(JsonValue.Dbl.class);
        assertThat(qemu("-9223372036854775809")).isInstanceOf(JsonValue.Dbl.class);
        Path n = Path.ROOT.member("n");
        assertThat(Codecs.UINT64.decode(qemu("18446744073709551615"), n)).isEqualTo(-1L);
        assertThat(Codecs.UINT64.decode(qemu("-1"), n)).isEqualTo(-1L); // QEMU accepts and wraps
        assertThat(err(() -> Codecs.INT64.decode(qemu("18446744073709551615"), n)))
                .isEqualTo("Invalid parameter type for 'n', expected: integer");
        assertThat(Codecs.NUMBER.decode(qemu("3"), n)).isEqualTo(3.0);
        assertThat(err(() -> Codecs.BOOL.decode(qemu("null"), n)))
                .isEqualTo("Invalid parameter type for 'n', expected: boolean");
        assertThat(new String(QemuJson.encode(Codecs.UINT64, -1L), StandardCharsets.UTF_8))
                .isEqualTo("18446744073709551615");
    }

    @Test
    @DisplayName("the forward-compatible reader ignores unknown members and maps unknown enum values")
    void lenientRead() throws Exception {
        String json = "{\"current-progress\": 1, \"status\": \"teleporting\", \"total-progress\": 2,"
                + " \"type\": \"commit\", \"id\": \"j\", \"new-member\": {\"x\": [1, 2]}}";
        JobInfo j = QemuJson.decode(JobInfoCodec.INSTANCE, json.getBytes(StandardCharsets.UTF_8));
        assertThat(j).isEqualTo(new JobInfo("j", "commit", JobStatus.UNKNOWN_VALUE_, 1, 2, null));
        assertThatThrownBy(() -> QemuJson.decode(JobInfoCodec.INSTANCE,
                "{\"id\": \"j\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonDecodeException.class).hasMessageContaining("missing");
    }

    @Test
    @DisplayName("writing follows QEMU's format: separators, ASCII escapes, member order")
    void write() throws Exception {
        JobInfo j = new JobInfo("d\u00e9", "commit", JobStatus.RUNNING, 1, 2, null);
        String s = new String(QemuJson.encode(JobInfoCodec.INSTANCE, j), StandardCharsets.UTF_8);
        assertThat(s).isEqualTo("{\"current-progress\": 1, \"status\": \"running\", \"total-progress\": 2,"
                + " \"type\": \"commit\", \"id\": \"d\\u00E9\"}");
        assertThat(QemuJson.decode(JobInfoCodec.INSTANCE, s.getBytes(StandardCharsets.UTF_8))).isEqualTo(j);
        assertThat(QemuJson.toJson(qemu("{'a': [1, 2.5, true, null], 'b': {}}")))
                .isEqualTo("{\"a\": [1, 2.5, true, null], \"b\": {}}");
    }

    @Test
    @DisplayName("QDict order matches the orders observed on QEMU's wire")
    void qdictOrder() {
        assertThat(QDictOrder.sort(List.of("id", "type", "status", "current-progress", "total-progress", "error")))
                .containsExactly("current-progress", "status", "total-progress", "type", "id", "error");
        assertThat(QDictOrder.sort(List.of("major", "minor", "micro"))).containsExactly("micro", "minor", "major");
        assertThat(QDictOrder.sort(List.of("event", "data", "timestamp"))).containsExactly("timestamp", "event", "data");
        assertThat(QDictOrder.sort(List.of("execute", "arguments", "id", "exec-oob")))
                .containsExactly("exec-oob", "execute", "arguments", "id");
        assertThat(QDictOrder.sort(List.of("id", "return"))).containsExactly("return", "id");
    }

    @Test
    @DisplayName("the readXOrNull readers take JSON null as null and otherwise read like readX")
    void readOrNull() throws Exception {
        com.fasterxml.jackson.core.JsonFactory f = new com.fasterxml.jackson.core.JsonFactory();
        try (com.fasterxml.jackson.core.JsonParser p = f.createParser(
                "[null, \"s\", true, 5, 70000, 18446744073709551615, 2.5, \"x\"]")) {
            p.nextToken();
            p.nextToken();
            assertThat(Reading.isNull(p)).isTrue();
            assertThat(Codecs.readStrOrNull(p)).isNull();
            assertThat(Codecs.readBoolOrNull(p)).isNull();
            assertThat(Codecs.readInt64OrNull(p)).isNull();
            assertThat(Codecs.readInt32OrNull(p)).isNull();
            assertThat(Codecs.readUint64OrNull(p)).isNull();
            assertThat(Codecs.readNumberOrNull(p)).isNull();
            p.nextToken();
            assertThat(Reading.isNull(p)).isFalse();
            assertThat(Codecs.readStrOrNull(p)).isEqualTo("s");
            p.nextToken();
            assertThat(Codecs.readBoolOrNull(p)).isTrue();
            p.nextToken();
            assertThat(Codecs.readInt32OrNull(p)).isEqualTo(5);
            p.nextToken();
            assertThat(Codecs.readInt64OrNull(p)).isEqualTo(70000L);
            p.nextToken();
            assertThat(Codecs.readUint64OrNull(p)).isEqualTo(-1L); // 2^64 - 1 held as unsigned
            p.nextToken();
            assertThat(Codecs.readNumberOrNull(p)).isEqualTo(2.5);
            p.nextToken();
            assertThatThrownBy(() -> Codecs.readInt64OrNull(p)).isInstanceOf(JsonDecodeException.class)
                    .hasMessageContaining("expected an integer");
            assertThatThrownBy(() -> Codecs.readBoolOrNull(p)).isInstanceOf(JsonDecodeException.class)
                    .hasMessageContaining("expected a boolean");
        }
    }
}
