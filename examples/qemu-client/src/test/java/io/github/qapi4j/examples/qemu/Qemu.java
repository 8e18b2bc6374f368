/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import java.io.IOException;
import java.nio.file.Path;
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
        List<String> cmd = new ArrayList<>(List.of(find().toString()));
        cmd.addAll(List.of(args));
        return new Qemu(socket, start(cmd, socket, dir.resolve(socket.getFileName() + ".log")));
    }
}
