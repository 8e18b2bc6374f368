/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/** {@code java -jar qapi4j-job-server.jar [--socket PATH] [--tcp HOST:PORT]} */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path socket = null;
        InetSocketAddress tcp = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--socket":
                    socket = Path.of(args[++i]);
                    break;
                case "--tcp": {
                    String hp = args[++i];
                    int c = hp.lastIndexOf(':');
                    tcp = new InetSocketAddress(hp.substring(0, c), Integer.parseInt(hp.substring(c + 1)));
                    break;
                }
                default:
                    System.err.println("usage: qapi4j-job-server [--socket PATH] [--tcp HOST:PORT]");
                    System.exit(2);
            }
        }
        if (socket == null && tcp == null) {
            System.err.println("usage: qapi4j-job-server [--socket PATH] [--tcp HOST:PORT]");
            System.exit(2);
        }
        try (JobServer server = JobServer.start(socket, tcp)) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitQuit();
        }
        System.exit(0);
    }
}
