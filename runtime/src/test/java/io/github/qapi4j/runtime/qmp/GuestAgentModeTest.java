/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in the guest agent's protocol, with the client in the same mode and with raw bytes.
 * (Byte-for-byte against a real {@code qemu-ga}: {@code examples/qemu-client}'s GuestAgentServerTest.)
 */
class GuestAgentModeTest {
    @TempDir
    Path dir;

    private QmpServer server(QmpRegistry registry) {
        return QmpServer.builder(registry).guestAgent(true).build();
    }

    private static QmpRegistry registry() {
        QmpRegistry registry = new QmpRegistry();
        StandardCommands.registerGuestAgent(registry, "1.2.3", List.of("guest-sync-delimited", "guest-sync",
                "guest-ping", "guest-get-time", "guest-info", "guest-shutdown"));
        registry.register(QmpCommand.of("guest-shutdown", (args, session) -> null,
                QmpCommand.Flag.NO_SUCCESS_RESPONSE));
        registry.register(QmpCommand.of("guest-get-time", (args, session) -> g -> g.writeNumber(1234567890L)));
        registry.disable("guest-get-time", null);
        return registry;
    }

    @Test
    void clientAndDoubleSpeakTheAgentProtocol() throws Exception {
        try (QmpServer server = server(registry())) {
            UnixDomainSocketAddress at = server.listenUnix(dir.resolve("qga.sock"));
            try (QmpClient c = QmpClient.connect(at, QmpClient.Options.forGuestAgent())) {
                c.execute("guest-ping");
                assertThat(c.execute("guest-sync", Codecs.ANY, JsonObject.of("id", new JsonValue.Int(5)), Codecs.INT64))
                        .isEqualTo(5L);
                c.sync();
                assertThat(c.execute("guest-info").toString()).isEqualTo("{\"version\": \"1.2.3\", \"supported_commands\": ["
                        + "{\"enabled\": true, \"name\": \"guest-shutdown\", \"success-response\": false}, "
                        + "{\"enabled\": true, \"name\": \"guest-info\", \"success-response\": true}, "
                        + "{\"enabled\": false, \"name\": \"guest-get-time\", \"success-response\": true}, "
                        + "{\"enabled\": true, \"name\": \"guest-ping\", \"success-response\": true}, "
                        + "{\"enabled\": true, \"name\": \"guest-sync\", \"success-response\": true}, "
                        + "{\"enabled\": true, \"name\": \"guest-sync-delimited\", \"success-response\": true}]}");
                assertThatThrownBy(() -> c.execute("qmp_capabilities")).isInstanceOfSatisfying(QmpError.class,
                        e -> assertThat(e.description()).isEqualTo("The command qmp_capabilities has not been found"));
                assertThatThrownBy(() -> c.execute("guest-get-time")).isInstanceOfSatisfying(QmpError.class,
                        e -> assertThat(e.description()).isEqualTo("Command guest-get-time has been disabled"));
            }
        }
    }

    @Test
    void noGreetingLineFeedsAndTheSentinel() throws Exception {
        try (QmpServer server = server(registry()); SocketChannel ch = SocketChannel.open(
                server.listenUnix(dir.resolve("raw.sock")))) {
            String requests = "{\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": 42}}\n"
                    + "{\"execute\": \"guest-shutdown\"}\n{\"execute\": \"guest-ping\", \"id\": 1}\n";
            ch.write(ByteBuffer.wrap(requests.getBytes(StandardCharsets.UTF_8)));
            String expected = "\u00ff{\"return\": 42}\n{\"return\": {}, \"id\": 1}\n"; // nothing for guest-shutdown
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (got.size() < expected.length()) {
                buf.clear();
                if (ch.read(buf) < 0) {
                    break;
                }
                got.write(buf.array(), 0, buf.position());
            }
            assertThat(got.toString(StandardCharsets.ISO_8859_1)).isEqualTo(expected);
        }
    }
}
