/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import io.github.qapi4j.runtime.job.JobEngine;
import io.github.qapi4j.runtime.job.qapi.JobCommandDispatcher;
import io.github.qapi4j.runtime.job.qapi.JobCommands;
import io.github.qapi4j.runtime.job.qapi.JobStatusChangeEvent;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import io.github.qapi4j.runtime.qmp.QmpServer;
import io.github.qapi4j.runtime.qmp.StandardCommands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A qapi4j QMP server serving the job engine through the generated job.json bindings, for
 * {@code ../shared/tools/bench_qmp.py} and {@link QmpRoundTrips}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.qapi4j.benchmarks.JobQmpServer /tmp/qapi4j.sock
 * </pre>
 */
public final class JobQmpServer {
    private JobQmpServer() {}

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args.length > 0 ? args[0] : "/tmp/qapi4j-bench.sock");
        QmpRegistry registry = new QmpRegistry();
        AtomicReference<QmpServer> server = new AtomicReference<>();
        JobEngine engine = new JobEngine(e -> {
            QmpServer s = server.get();
            if (s != null) {
                s.emitEvent("JOB_STATUS_CHANGE", JobStatusChangeEvent.CODEC, e);
            }
        });
        List<String> order = new ArrayList<>(List.of("qmp_capabilities", "query-version", "query-commands",
                "query-qmp-schema"));
        order.addAll(JobCommandDispatcher.COMMANDS);
        StandardCommands.register(registry, new StandardCommands.Version(7, 2, 22, "qapi4j"),
                JobCommandDispatcher.introspection(), order);
        JobCommands.register(registry, engine);
        QmpServer s = QmpServer.builder(registry).version(7, 2, 22, "qapi4j").build();
        server.set(s);
        s.listenUnix(socket);
        System.out.println("listening on " + socket);
        Thread.currentThread().join();
    }
}
