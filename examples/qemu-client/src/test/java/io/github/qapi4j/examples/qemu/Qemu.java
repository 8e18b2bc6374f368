/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import io.github.qapi4j.runtime.qmp.QmpClient;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A QEMU 7.2 started as {@code qemu-system-x86_64 -machine none -nodefaults -display none -qmp
 * unix:PATH,server=on,wait=off} (or with another machine, or a pretty-printing monitor).
 */
final class Qemu extends PeerProcess {
    static final String QEMU = "qemu-system-x86_64";

    private Qemu(Path socket, Process process) {
        super(socket, process);
    }

    static Path find() {
        return find(QEMU, "qemu-system-x86", "a real QEMU 7.2");
    }

    /** Starts QEMU and waits until its QMP socket exists. */
    static Qemu start(Path dir) throws IOException, InterruptedException {
        Path socket = dir.resolve("qmp.sock");
        return start(dir, socket, "-machine", "none", "-nodefaults", "-display", "none",
                "-qmp", "unix:" + socket + ",server=on,wait=off");
    }

    /** Starts QEMU ({@code -machine none}) with extra options, in a directory of its own. */
    static Qemu startWith(Path dir, String... options) throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(dir);
        Path socket = dir.resolve("qmp.sock");
        List<String> args = new ArrayList<>(List.of("-machine", "none", "-nodefaults", "-display", "none"));
        args.addAll(List.of(options));
        args.addAll(List.of("-qmp", "unix:" + socket + ",server=on,wait=off"));
        return start(dir, socket, args.toArray(String[]::new));
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

    /**
     * Starts QEMU and returns once its monitor has answered a command on a throwaway connection.
     * A QEMU that does not answer within 20 s (seen once in CI: the greeting came, then nothing
     * for a minute) is killed and started again, twice at most, so that one stalled start-up
     * does not fail a test about something else.
     */
    private static Qemu start(Path dir, Path socket, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(find().toString()));
        cmd.addAll(List.of(args));
        Path log = dir.resolve(socket.getFileName() + ".log");
        for (int attempt = 1; ; attempt++) {
            Process p = start(cmd, socket, log);
            if (answers(socket)) {
                return new Qemu(socket, p);
            }
            stop(p);
            Files.deleteIfExists(socket);
            if (attempt == 3) {
                org.junit.jupiter.api.Assertions.fail("QEMU did not answer on its monitor three times: "
                        + Files.readString(log));
            }
        }
    }

    private static boolean answers(Path socket) {
        try (QmpClient c = QmpClient.connect(UnixDomainSocketAddress.of(socket),
                QmpClient.Options.defaults().withTimeout(Duration.ofSeconds(20)))) {
            c.execute("query-status");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
