/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A QEMU 7.2 started as {@code qemu-system-x86_64 -machine none -nodefaults -display none -qmp
 * unix:PATH,server=on,wait=off}, killed by {@link #close()}. Without QEMU on the PATH the test is
 * aborted with a visible {@code SKIPPED:} message, or fails when {@code QAPI4J_REQUIRE_QEMU} is set.
 */
final class Qemu implements AutoCloseable {
    static final String QEMU = "qemu-system-x86_64";

    final Path socket;
    final Process process;
    private final Path log;

    private Qemu(Path socket, Process process, Path log) {
        this.socket = socket;
        this.process = process;
        this.log = log;
    }

    static Path find() {
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

    /** Starts QEMU and waits until its QMP socket exists. */
    static Qemu start(Path dir) throws IOException, InterruptedException {
        return start(dir, "none");
    }

    /**
     * Starts QEMU with another machine type ({@code pc} has a PCI bus for {@code device_add}),
     * stopped ({@code -S}: the guest never runs), and waits until its QMP socket exists.
     */
    static Qemu start(Path dir, String machine) throws IOException, InterruptedException {
        Path socket = dir.resolve("qmp-" + machine + ".sock");
        return start(dir, socket, "-machine", machine, "-nodefaults", "-display", "none", "-S",
                "-qmp", "unix:" + socket + ",server=on,wait=off");
    }

    /** Starts QEMU ({@code -machine none}) with a monitor that pretty-prints its JSON. */
    static Qemu startPretty(Path dir) throws IOException, InterruptedException {
        Path socket = dir.resolve("qmp-pretty.sock");
        return start(dir, socket, "-machine", "none", "-nodefaults", "-display", "none",
                "-chardev", "socket,id=mon0,path=" + socket + ",server=on,wait=off",
                "-mon", "chardev=mon0,mode=control,pretty=on");
    }

    private static Qemu start(Path dir, Path socket, String... args) throws IOException, InterruptedException {
        Path qemu = find();
        Path log = dir.resolve(socket.getFileName() + ".log");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(qemu.toString()));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Qemu q = new Qemu(socket, p, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                q.close();
                fail("QEMU did not open its QMP socket: " + Files.readString(log));
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
