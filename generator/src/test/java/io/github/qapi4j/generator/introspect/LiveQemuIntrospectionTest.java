/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real thing: a running QEMU 7.2 (Debian's {@code qemu-system-x86_64}) answers
 * {@code query-qmp-schema} with exactly what qapi4j builds from QEMU 7.2.0's schema and the
 * build's true conditions. Skipped, with a message, when QEMU is not installed; with
 * {@code QAPI4J_REQUIRE_QEMU} set (as {@code .ci/run} does) its absence is a failure.
 */
class LiveQemuIntrospectionTest {

    static final String QEMU = "qemu-system-x86_64";

    static Path findQemu() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, QEMU);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = QEMU + " is not installed: the tests against a real QEMU 7.2 are skipped"
                + " (Debian: apt-get install qemu-system-x86)";
        if (System.getenv("QAPI4J_REQUIRE_QEMU") != null) {
            fail(message + ", but QAPI4J_REQUIRE_QEMU is set");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    @TempDir
    Path dir;

    @Test
    void realQemuRepliesWhatWeBuild() throws Exception {
        Path qemu = findQemu();
        Path socket = dir.resolve("qmp.sock");
        Process process = new ProcessBuilder(qemu.toString(), "-machine", "none", "-nodefaults", "-display", "none",
                        "-qmp", "unix:" + socket + ",server=on,wait=off")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(socket)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    fail("QEMU did not open its QMP socket: " + Files.readString(dir.resolve("qemu.log")));
                }
                Thread.sleep(20);
            }
            String reply;
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(socket));
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
                Writer out = Channels.newWriter(ch, StandardCharsets.UTF_8);
                // QEMU 7.2 can write an event (the RESUME of the machine starting) to a client that
                // connects during start-up before its greeting: the monitor is in command mode
                // until it handles the connection.
                assertThat(readReply(in)).startsWith("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": ");
                send(out, "{\"execute\": \"qmp_capabilities\"}");
                assertThat(readReply(in)).isEqualTo("{\"return\": {}}");
                send(out, "{\"execute\": \"query-qmp-schema\"}");
                reply = readReply(in);
            }
            assertThat(reply).startsWith("{\"return\": [");
            String value = reply.substring("{\"return\": ".length(), reply.length() - 1);
            assertThat(value).isEqualTo(IntrospectionTest.ours72(IntrospectionTest.debianConditions()));
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void send(Writer out, String command) throws IOException {
        out.write(command + "\n");
        out.flush();
    }

    /** The next line that is not an event. */
    private static String readReply(BufferedReader in) throws IOException {
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("QEMU closed the connection");
            }
            if (!line.startsWith("{\"timestamp\"") && !line.contains("\"event\": ")) {
                return line;
            }
        }
    }
}
