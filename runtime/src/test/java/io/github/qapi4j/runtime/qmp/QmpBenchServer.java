/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import java.nio.file.Path;

/**
 * A small in-process QMP server for /work/shared/tools/bench_qmp.py (see docs/PERFORMANCE.md):
 * {@code java -cp ... io.github.qapi4j.runtime.qmp.QmpBenchServer /tmp/qmp.sock [tcp-port]}.
 * Serves the test handlers (query-version, query-jobs, job-create, ...) until killed.
 */
public final class QmpBenchServer {
    private QmpBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        TestServer ts = new TestServer();
        ts.server.listenUnix(Path.of(args.length > 0 ? args[0] : "/tmp/qapi4j-bench.sock"));
        if (args.length > 1) {
            System.out.println("tcp " + ts.server.listenTcp(Integer.parseInt(args[1])));
        }
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
