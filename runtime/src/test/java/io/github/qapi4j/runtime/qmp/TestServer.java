/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.InputObject;
import io.github.qapi4j.runtime.json.JobInfoExample.JobInfo;
import io.github.qapi4j.runtime.json.JobInfoExample.JobInfoCodec;
import io.github.qapi4j.runtime.json.JobInfoExample.JobStatus;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The handlers the QMP tests (and the benchmark server) run: a tiny job table, the way a
 * generated binding would register them.
 */
final class TestServer {
    final Map<String, JobInfo> jobs = new ConcurrentHashMap<>();
    final QmpRegistry registry = new QmpRegistry();
    final CountDownLatch release = new CountDownLatch(1);
    QmpServer server;

    /** Arguments of job-create: {id: str, '*count': int8}. */
    record JobCreateArgs(String id, Byte count) {
    }

    TestServer() {
        registry.register(QmpCommand.typed("query-version", Codecs.EMPTY_OBJECT, Codecs.ANY,
                a -> JsonObject.of("qemu", JsonObject.builder().put("micro", 0).put("minor", 2).put("major", 10).build(),
                        "package", io.github.qapi4j.runtime.json.JsonValue.of(""))));
        registry.register(QmpCommand.typed("query-jobs", Codecs.EMPTY_OBJECT, Codecs.list(JobInfoCodec.INSTANCE),
                a -> new ArrayList<>(jobs.values())));
        registry.register(QmpCommand.of("job-create", (args, session) -> {
            InputObject in = InputObject.of(args, Path.ROOT);
            JobCreateArgs a = new JobCreateArgs(in.requiredStr("id"), in.optional("count", Codecs.INT8));
            in.end();
            int n = a.count() == null ? 1 : a.count();
            for (int i = 0; i < n; i++) {
                String id = n == 1 ? a.id() : a.id() + i;
                jobs.put(id, new JobInfo(id, "commit", JobStatus.RUNNING, 0, 100, null));
                server.emitEvent("JOB_STATUS_CHANGE", JsonObject.builder().put("status", "running").put("id", id).build());
            }
            return null;
        }));
        registry.register(QmpCommand.typed("job-cancel", new io.github.qapi4j.runtime.json.JsonCodec<String>() {
            @Override
            public String read(com.fasterxml.jackson.core.JsonParser p) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String decode(io.github.qapi4j.runtime.json.JsonValue v, Path path) {
                InputObject in = InputObject.of(v, path);
                String id = in.requiredStr("id");
                in.optional("force", Codecs.BOOL);
                in.end();
                return id;
            }

            @Override
            public void write(com.fasterxml.jackson.core.JsonGenerator g, String v) {
                throw new UnsupportedOperationException();
            }
        }, Codecs.EMPTY_OBJECT, id -> {
            JobInfo j = jobs.remove(id);
            if (j == null) {
                throw QmpError.generic("Job ID '" + id + "' not found");
            }
            server.emitEvent("JOB_STATUS_CHANGE", JsonObject.builder().put("status", "aborting").put("id", id).build());
            return null;
        }));
        registry.register(QmpCommand.of("boom", (args, s) -> {
            throw new IllegalStateException("kaboom");
        }));
        registry.register(QmpCommand.of("bad-return", (args, s) -> g -> {
            throw new IllegalArgumentException("cannot encode");
        }));
        registry.register(QmpCommand.of("quiet", (args, s) -> null, QmpCommand.Flag.NO_SUCCESS_RESPONSE));
        registry.register(QmpCommand.of("ping-oob", (args, s) -> null, QmpCommand.Flag.ALLOW_OOB));
        registry.register(QmpCommand.of("block", (args, s) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        registry.register(QmpCommand.of("old-command", (args, s) -> null));
        registry.disable("old-command", "use new-command");
        server = QmpServer.builder(registry).version(10, 2, 0, "").build();
    }

    List<JobInfo> jobList() {
        return new ArrayList<>(jobs.values());
    }
}
