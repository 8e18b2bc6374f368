/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against scripted peers, byte for byte: scalar return values (QEMU's {@code qom-get}
 * of a number, the guest agent's handles), and the guest agent's protocol (no greeting, the
 * {@code 0xFF} sync). The real peers are in {@code examples/qemu-client}.
 */
class QmpClientPeersTest {
    @TempDir
    Path dir;

    /** A one-connection peer: writes {@code hello}, then answers each request line via {@code answer}. */
    private final class Peer implements AutoCloseable {
        final UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("peer.sock"));
        final List<String> received = new CopyOnWriteArrayList<>();
        final ServerSocketChannel server;
        final Thread thread;

        Peer(byte[] hello, Function<String, byte[]> answer) throws IOException {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
            thread = new Thread(() -> {
                try (SocketChannel ch = server.accept()) {
                    ch.write(ByteBuffer.wrap(hello));
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    ByteBuffer b = ByteBuffer.allocate(1);
                    while (ch.read(b.clear()) > 0) {
                        int c = b.get(0) & 0xFF;
                        if (c == 0xFF) {
                            received.add("<FF>");
                            ch.write(ByteBuffer.wrap(answer.apply("<FF>")));
                        } else if (c == '\n') {
                            String l = line.toString(StandardCharsets.UTF_8);
                            line.reset();
                            received.add(l);
                            ch.write(ByteBuffer.wrap(answer.apply(l)));
                        } else {
                            line.write(c);
                        }
                    }
                } catch (IOException e) {
                    // the client went away
                }
            });
            thread.start();
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(5000);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1); // \u00ff is the byte 0xFF
    }

    private static JsonObject request(String line) {
        return (JsonObject) QemuJson.parse(line);
    }

    @Test
    void scalarReturnValuesDecode() throws Exception {
        String greeting = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \"\"},"
                + " \"capabilities\": []}}\r\n";
        try (Peer peer = new Peer(bytes(greeting), l -> {
            JsonObject r = request(l);
            String id = r.get("id").toString();
            String value = switch (((JsonValue.Str) r.get("execute")).value()) {
                case "int" -> "42";
                case "bool" -> "true";
                case "number" -> "1.5";
                case "str" -> "\"s\"";
                default -> "{}";
            };
            return bytes("{\"return\": " + value + ", \"id\": " + id + "}\r\n");
        }); QmpClient c = QmpClient.connect(peer.address)) {
            assertThat(c.execute("int", Codecs.ANY, null, Codecs.INT64)).isEqualTo(42L);
            assertThat(c.execute("bool", Codecs.ANY, null, Codecs.BOOL)).isTrue();
            assertThat(c.execute("number", Codecs.ANY, null, Codecs.NUMBER)).isEqualTo(1.5);
            assertThat(c.execute("str", Codecs.ANY, null, Codecs.STR)).isEqualTo("s");
            assertThatThrownBy(c::sync).isInstanceOf(IllegalStateException.class); // not a guest agent
            assertThat(c.execute("int")).isEqualTo(new JsonValue.Int(42));
        }
    }

    @Test
    void prettyPrintedMessagesSpanLines() throws Exception {
        // QEMU's -mon ...,pretty=on: every message over several CR LF lines, 4-space indents
        String greeting = "{\r\n    \"QMP\": {\r\n        \"version\": {\r\n            \"qemu\": {\r\n"
                + "                \"micro\": 22,\r\n                \"minor\": 2,\r\n                \"major\": 7\r\n"
                + "            },\r\n            \"package\": \"\"\r\n        },\r\n        \"capabilities\": [\r\n"
                + "            \"oob\"\r\n        ]\r\n    }\r\n}\r\n";
        try (Peer peer = new Peer(bytes(greeting), l -> {
            JsonObject r = request(l);
            String id = r.get("id").toString();
            if (r.get("execute").equals(new JsonValue.Str("query-status"))) {
                // an event first, its data holding brackets and braces inside strings
                return bytes("{\r\n    \"timestamp\": {\r\n        \"seconds\": 1,\r\n        \"microseconds\": 2\r\n"
                        + "    },\r\n    \"event\": \"X\",\r\n    \"data\": {\r\n        \"s\": \"}]\\\"{[\"\r\n    }\r\n}\r\n"
                        + "{\r\n    \"return\": {\r\n        \"status\": \"running\",\r\n        \"running\": true\r\n"
                        + "    },\r\n    \"id\": " + id + "\r\n}\r\n");
            }
            return bytes("{\r\n    \"return\": {\r\n    },\r\n    \"id\": " + id + "\r\n}\r\n");
        }); QmpClient c = QmpClient.connect(peer.address)) {
            assertThat(c.capabilities()).containsExactly("oob");
            List<String> data = new CopyOnWriteArrayList<>();
            c.addEventListener(e -> data.add(e.name() + " " + e.data()));
            assertThat(c.execute("query-status").toString()).isEqualTo("{\"status\": \"running\", \"running\": true}");
            assertThat(data).containsExactly("X {\"s\": \"}]\\\"{[\"}");
        }
    }

    @Test
    void guestAgentSyncDropsWhatCameBeforeTheSentinel() throws Exception {
        // Before anything is asked: a reply left over for an earlier client (no id, so it would
        // otherwise complete the oldest call, the sync).
        byte[] stale = bytes("{\"return\": {}}\n");
        try (Peer peer = new Peer(stale, l -> {
            if (l.equals("<FF>")) {
                return bytes("{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}\n");
            }
            JsonObject r = request(l);
            String id = r.get("id").toString();
            if (r.get("execute").equals(new JsonValue.Str("guest-sync-delimited"))) {
                return bytes("\u00ff{\"return\": " + ((JsonObject) r.get("arguments")).get("id") + ", \"id\": " + id + "}\n");
            }
            return bytes("{\"return\": {}, \"id\": " + id + "}\n");
        }); QmpClient c = QmpClient.connect(peer.address, QmpClient.Options.forGuestAgent())) {
            c.execute("guest-ping");
            c.sync();
            c.execute("guest-ping");
            assertThat(peer.received).hasSize(6);
            assertThat(peer.received.get(0)).isEqualTo("<FF>");
            assertThat(peer.received.get(1)).startsWith("{\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": ");
            assertThat(peer.received.get(2)).startsWith("{\"execute\": \"guest-ping\"");
            assertThat(peer.received).filteredOn(l -> l.contains("qmp_capabilities")).isEmpty();
            assertThat(c.greeting().isEmpty()).isTrue();
        }
    }

    @Test
    void aGuestAgentThatAnswersTheSyncWronglyFailsTheConnect() throws Exception {
        try (Peer peer = new Peer(new byte[0], l -> l.equals("<FF>") ? new byte[0]
                : bytes("\u00ff{\"return\": 1, \"id\": " + request(l).get("id") + "}\n"))) {
            assertThatThrownBy(() -> QmpClient.connect(peer.address,
                    QmpClient.Options.forGuestAgent().withTimeout(Duration.ofSeconds(5))))
                    .isInstanceOf(QmpConnectionException.class).hasMessageContaining(", got 1");
        }
    }
}
