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
 * A real peer program (QEMU, its guest agent) for a test: found on the PATH, started with its
 * output in a log, ready once its socket exists, killed by {@link #close()}. When the program is
 * missing the test is aborted with a visible {@code SKIPPED:} message, or fails when
 * {@code QAPI4J_REQUIRE_QEMU} is set (as {@code .ci/run} does).
 */
class PeerProcess implements AutoCloseable {
    final Path socket;
    final Process process;

    PeerProcess(Path socket, Process process) {
        this.socket = socket;
        this.process = process;
    }

    /** The program's path, looked up on the PATH and then in {@code extraDirs}. */
    static Path find(String program, String debianPackage, String what, String... extraDirs) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of(extraDirs));
        for (String dir : dirs) {
            Path p = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        String message = program + " is not installed: the tests against " + what + " are skipped"
                + " (Debian: apt-get install " + debianPackage + ")";
        if (System.getenv("QAPI4J_REQUIRE_QEMU") != null) {
            fail(message + ", but QAPI4J_REQUIRE_QEMU is set");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    /** Starts {@code command}, its output in {@code log}, and waits up to 20 s for {@code socket}. */
    static Process start(List<String> command, Path socket, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                stop(p);
                fail(command.get(0) + " did not open its socket: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return p;
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }
}
