/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommandDispatcher;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import io.github.qapi4j.runtime.qmp.QmpServer;
import io.github.qapi4j.runtime.qmp.StandardCommands;
import java.io.ByteArrayOutputStream;
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
 * {@code QmpServer.Builder.pretty(true)} against QEMU 7.2's {@code -mon ...,pretty=on}: the greeting
 * and the same requests (before and after negotiation, good and bad) give the same bytes.
 */
class PrettyMonitorTest {
    @TempDir
    Path dir;

    static final List<String> SCRIPT = List.of(
            "{\"execute\": \"query-version\", \"id\": 0}",
            "{\"execute\": \"qmp_capabilities\", \"id\": 1}",
            "{\"execute\": \"query-version\"}",
            "{\"execute\": \"no-such-command\", \"id\": [\"x\", {}]}",
            "{\"execute\": \"query-version\", \"arguments\": {\"x\": [1, {}]}}",
            "{\"execute\": }",
            "[1]",
            "{\"execute\": \"qmp_capabilities\"}");

    /** The greeting, then what each step brings back (each followed by a marker query-version). */
    static List<String> transcript(UnixDomainSocketAddress at) throws Exception {
        List<String> out = new ArrayList<>();
        try (SocketChannel ch = SocketChannel.open(at)) {
            out.add(readUntil(ch, null));
            for (int i = 0; i < SCRIPT.size(); i++) {
                String marker = "\"end-" + i + "\"";
                ch.write(ByteBuffer.wrap((SCRIPT.get(i) + "\n{\"execute\": \"query-version\", \"id\": " + marker + "}\n")
                        .getBytes(StandardCharsets.UTF_8)));
                out.add(readUntil(ch, marker));
            }
        }
        return out;
    }

    private static String readUntil(SocketChannel ch, String marker) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        while (true) {
            String s = got.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r\n}\r\n") && (marker == null || s.contains(marker))) {
                return s;
            }
            buf.clear();
            if (ch.read(buf) < 0) {
                throw new AssertionError("closed after: " + s);
            }
            got.write(buf.array(), 0, buf.position());
        }
    }

    @Test
    void sameBytesAsQemu() throws Exception {
        List<String> real;
        try (Qemu qemu = Qemu.startPretty(dir)) {
            real = transcript(UnixDomainSocketAddress.of(qemu.socket));
        }
        JsonObject version = (JsonObject) ((JsonObject) ((JsonObject) QemuJson.parse(real.get(0))).get("QMP")).get("version");
        JsonObject qemu = (JsonObject) version.get("qemu");
        int major = (int) ((JsonValue.Int) qemu.get("major")).value();
        int minor = (int) ((JsonValue.Int) qemu.get("minor")).value();
        int micro = (int) ((JsonValue.Int) qemu.get("micro")).value();
        String pkg = ((JsonValue.Str) version.get("package")).value();

        QmpRegistry registry = new QmpRegistry();
        StandardCommands.register(registry, new StandardCommands.Version(major, minor, micro, pkg),
                QapiSchemaCommandDispatcher.introspection(), QapiSchemaCommandDispatcher.COMMANDS);
        try (QmpServer server = QmpServer.builder(registry).version(major, minor, micro, pkg).pretty(true).build()) {
            List<String> ours = transcript(server.listenUnix(dir.resolve("pretty.sock")));
            for (int i = 0; i < real.size(); i++) {
                assertThat(ours.get(i)).as("step %d", i).isEqualTo(real.get(i));
            }
        }
        assertThat(real.get(2)).startsWith("{\r\n    \"return\": {\r\n    },\r\n    \"id\": 1\r\n}\r\n");
    }
}
