/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.examples.qemu.qga.QapiSchemaCommandDispatcher;
import io.github.qapi4j.examples.qemu.qga.QapiSchemaCommands;
import io.github.qapi4j.runtime.json.JsonArray;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import io.github.qapi4j.runtime.qmp.QmpServer;
import io.github.qapi4j.runtime.qmp.StandardCommands;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest agent test double ({@link QmpServer.Builder#guestAgent}, {@link StandardCommands#registerGuestAgent}
 * and the generated qga bindings) against Debian's {@code qemu-ga} 7.2: the same byte script to
 * both, the same bytes back, protocol errors, the {@code 0xFF} sentinel and {@code guest-info} included.
 */
class GuestAgentServerTest {
    @TempDir
    Path dir;

    /** Inputs, each answered before the next is sent (a guest-ping with a marker id follows each). */
    static final List<String> SCRIPT = List.of(
            "\u00ff",
            "{\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": 123}, \"id\": 1}\n",
            "{\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": 7}}\n",
            "{\"execute\": \"guest-sync\", \"arguments\": {\"id\": 456}}\n",
            "{\"execute\": \"guest-sync\"}\n",
            "{\"execute\": \"guest-sync\", \"arguments\": {\"id\": \"x\"}, \"id\": \"s\"}\n",
            "{\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": 1, \"other\": 2}}\n",
            "{\"execute\": \"qmp_capabilities\"}\n",
            "{\"execute\": \"no-such-command\", \"id\": [1, {\"a\": null}]}\n",
            "{\"execute\": \"guest-ping\", \"arguments\": {\"x\": 1}}\n",
            "{\"exec-oob\": \"guest-ping\", \"id\": 5}\n",
            "{\"execute\": \"guest-ping\", \"foo\": 1}\n",
            "[1, 2]\n",
            "{\"execute\": \"guest-pi\u00ff{\"execute\": \"guest-ping\", \"id\": 9}\n",
            "{'execute': 'guest-ping', 'id': 'single quotes'}\n");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1); // \u00ff is the byte 0xFF
    }

    /** Runs the script on a fresh connection; returns what came back, step by step. */
    static List<String> transcript(UnixDomainSocketAddress at, List<String> script) throws Exception {
        List<String> out = new ArrayList<>();
        try (SocketChannel ch = SocketChannel.open(at)) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            for (int i = 0; i < script.size(); i++) {
                String marker = "{\"return\": {}, \"id\": \"end-" + i + "\"}\n";
                ch.write(ByteBuffer.wrap(bytes(script.get(i))));
                ch.write(ByteBuffer.wrap(bytes("{\"execute\": \"guest-ping\", \"id\": \"end-" + i + "\"}\n")));
                while (!got.toString(StandardCharsets.ISO_8859_1).endsWith(marker)) {
                    buf.clear();
                    if (ch.read(buf) < 0) {
                        throw new AssertionError("peer closed the connection at step " + i + ": " + got);
                    }
                    got.write(buf.array(), 0, buf.position());
                }
                String all = got.toString(StandardCharsets.ISO_8859_1);
                out.add(all.substring(0, all.length() - marker.length()).replace("\u00ff", "<FF>"));
                got.reset();
            }
        }
        return out;
    }

    @Test
    void sameBytesAsQemuGa() throws Exception {
        List<String> real;
        JsonObject realInfo;
        try (QemuGa ga = QemuGa.start(dir)) {
            UnixDomainSocketAddress at = UnixDomainSocketAddress.of(ga.socket);
            real = transcript(at, SCRIPT);
            realInfo = (JsonObject) ((JsonObject) QemuJson.parse(transcript(at, List.of(
                    "{\"execute\": \"guest-info\"}\n")).get(0))).get("return");
        }

        QmpRegistry registry = new QmpRegistry();
        StandardCommands.registerGuestAgent(registry, "7.2.22", QapiSchemaCommandDispatcher.COMMANDS);
        Object impl = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {QapiSchemaCommands.class},
                (proxy, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        QapiSchemaCommands.register(registry, (QapiSchemaCommands) impl);
        // the same commands disabled as in this build of qemu-ga (guest-get-devices on Linux, ...)
        for (JsonValue v : ((JsonArray) realInfo.get("supported_commands")).items()) {
            JsonObject c = (JsonObject) v;
            if (c.get("enabled").equals(JsonValue.Bool.of(false))) {
                registry.disable(((JsonValue.Str) c.get("name")).value(), null);
            }
        }
        try (QmpServer server = QmpServer.builder(registry).guestAgent(true).build()) {
            UnixDomainSocketAddress at = server.listenUnix(dir.resolve("double.sock"));
            List<String> ours = transcript(at, SCRIPT);
            for (int i = 0; i < SCRIPT.size(); i++) {
                assertThat(ours.get(i)).as("step %d: %s", i, SCRIPT.get(i)).isEqualTo(real.get(i));
            }
            String info = transcript(at, List.of("{\"execute\": \"guest-info\"}\n")).get(0);
            assertThat(info).isEqualTo("{\"return\": " + realInfo + "}\n");
        }
        assertThat(real.get(1)).startsWith("<FF>{\"return\": 123, \"id\": 1}");
    }
}
