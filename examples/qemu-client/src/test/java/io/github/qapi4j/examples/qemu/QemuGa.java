/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian 12's QEMU guest agent 7.2 run on the host, {@code qemu-ga -m unix-listen -p PATH}: the same
 * protocol a guest's agent speaks through QEMU's {@code virtserialport} chardev, without a guest.
 */
final class QemuGa extends PeerProcess {
    private QemuGa(Path socket, Process process) {
        super(socket, process);
    }

    /** Starts the agent (state and pid files in {@code dir}) and waits until its socket exists. */
    static QemuGa start(Path dir, String... extra) throws IOException, InterruptedException {
        // Debian installs it in /usr/sbin, often off a user's PATH
        Path ga = find("qemu-ga", "qemu-guest-agent", "a real guest agent", "/usr/sbin");
        Path socket = dir.resolve("qga.sock");
        List<String> cmd = new ArrayList<>(List.of(ga.toString(), "-m", "unix-listen", "-p", socket.toString(),
                "-f", dir.resolve("qga.pid").toString(), "-t", dir.toAbsolutePath().toString()));
        cmd.addAll(List.of(extra));
        return new QemuGa(socket, start(cmd, socket, dir.resolve("qga.log")));
    }
}
