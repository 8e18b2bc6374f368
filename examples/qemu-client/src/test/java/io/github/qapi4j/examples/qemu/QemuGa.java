/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian 12's QEMU guest agent 7.2 run on the host, {@code qemu-ga -m unix-listen -p PATH}: the same
 * protocol a guest's agent speaks through QEMU's {@code virtserialport} chardev, without a guest.
 * Killed by {@link #close()}. Without {@code qemu-ga} the test is aborted with a visible
 * {@code SKIPPED:} message, or fails when {@code QAPI4J_REQUIRE_QEMU} is set.
 */
final class QemuGa implements AutoCloseable {
    static final String QEMU_GA = "qemu-ga";

    final Path socket;
    final Process process;
    private final Path log;

    private QemuGa(Path socket, Process process, Path log) {
        this.socket = socket;
        this.process = process;
        this.log = log;
    }

    static Path find() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.add("/usr/sbin"); // Debian installs it there, often off a user's PATH
        for (String dir : dirs) {
            Path p = Path.of(dir, QEMU_GA);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        String message = QEMU_GA + " is not installed: the tests against a real guest agent are skipped"
                + " (Debian: apt-get install qemu-guest-agent)";
        if (System.getenv("QAPI4J_REQUIRE_QEMU") != null) {
            fail(message + ", but QAPI4J_REQUIRE_QEMU is set");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    /** Starts the agent (state and pid files in {@code dir}) and waits until its socket exists. */
    static QemuGa start(Path dir, String... extra) throws IOException, InterruptedException {
        Path ga = find();
        Path socket = dir.resolve("qga.sock");
        Path log = dir.resolve("qga.log");
        List<String> cmd = new ArrayList<>(List.of(ga.toString(), "-m", "unix-listen", "-p", socket.toString(),
                "-f", dir.resolve("qga.pid").toString(), "-t", dir.toAbsolutePath().toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        QemuGa q = new QemuGa(socket, p, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                q.close();
                fail("qemu-ga did not open its socket: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return q;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
