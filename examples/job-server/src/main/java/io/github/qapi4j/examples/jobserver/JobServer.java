/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import io.github.qapi4j.runtime.job.Job;
import io.github.qapi4j.runtime.job.JobEngine;
import io.github.qapi4j.runtime.job.JobTxn;
import io.github.qapi4j.runtime.job.qapi.JobInfo;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.InputObject;
import io.github.qapi4j.runtime.json.JsonArray;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.Path;
import io.github.qapi4j.runtime.qmp.QmpCommand;
import io.github.qapi4j.runtime.qmp.QmpError;
import io.github.qapi4j.runtime.qmp.QmpHandler;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import io.github.qapi4j.runtime.qmp.QmpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The job server: a QMP server with a block layer (null-co, file and blkdebug nodes) and QEMU's
 * backup and mirror jobs on the qapi4j job engine, answering like QEMU 7.2.
 */
public final class JobServer implements AutoCloseable {
    /** How long a command waits for the jobs it touched to reach their next pause point. */
    private static final long SETTLE_NANOS = 500_000_000L;
    private static final List<String> SYNC_MODES = List.of("top", "full", "none", "incremental", "bitmap");

    private final QmpServer qmp;
    private final JobEngine engine;
    final Map<String, BlockNode> nodes = new ConcurrentHashMap<>();
    private final Map<String, BlockJob> jobs = new ConcurrentHashMap<>();
    private final CountDownLatch quit = new CountDownLatch(1);
    private volatile long lastEvent;
    /** Quiet time (no events, no busy job) after which the jobs a command woke count as settled. */
    private static final long QUIET_NANOS = 5_000_000L;

    private JobServer(int major, int minor, int micro) {
        QmpRegistry r = new QmpRegistry();
        engine = new JobEngine(e -> emitEvent("JOB_STATUS_CHANGE",
                JsonObject.builder().put("status", e.status().wireName()).put("id", e.id()).build()));
        register(r);
        qmp = QmpServer.builder(r).version(major, minor, micro, "qapi4j-job-server").build();
    }

    public static JobServer start(java.nio.file.Path socket, InetSocketAddress tcp) throws IOException {
        JobServer s = new JobServer(7, 2, 22);
        if (socket != null) {
            s.qmp.listenUnix(socket);
        }
        if (tcp != null) {
            s.qmp.listenTcp(tcp);
        }
        return s;
    }

    /** Blocks until a client sent {@code quit}. */
    public void awaitQuit() throws InterruptedException {
        quit.await();
    }

    void emitEvent(String name, JsonObject data) {
        lastEvent = System.nanoTime();
        qmp.emitEvent(name, data);
    }

    /** A node by name, for tests that play the guest (writes to a mirror's source). */
    public BlockNodeHandle node(String name) {
        BlockNode n = nodes.get(name);
        return n == null ? null : new BlockNodeHandle(n);
    }

    /** Guest-side access to a node. */
    public static final class BlockNodeHandle {
        private final BlockNode node;

        BlockNodeHandle(BlockNode node) {
            this.node = node;
        }

        public void write(long offset, java.nio.ByteBuffer data) throws IOException {
            node.write(offset, data);
        }
    }

    // ==== commands ===========================================================================

    private static QmpHandler ok(java.util.function.Consumer<JsonObject> body) {
        return (args, session) -> {
            body.accept(args);
            return null;
        };
    }

    private void register(QmpRegistry r) {
        r.register(QmpCommand.of("query-version", (a, s) -> {
            InputObject.of(a, Path.ROOT).end();
            return g -> {
                g.writeStartObject();
                g.writeObjectFieldStart("qemu");
                g.writeNumberField("micro", 22);
                g.writeNumberField("minor", 2);
                g.writeNumberField("major", 7);
                g.writeEndObject();
                g.writeStringField("package", "qapi4j-job-server");
                g.writeEndObject();
            };
        }));
        r.register(QmpCommand.of("quit", (a, s) -> {
            InputObject.of(a, Path.ROOT).end();
            doQuit();
            return null;
        }));
        r.register(QmpCommand.of("blockdev-add", ok(this::blockdevAdd)));
        r.register(QmpCommand.of("blockdev-del", ok(a -> {
            InputObject in = InputObject.of(a, Path.ROOT);
            String name = in.requiredStr("node-name");
            in.end();
            BlockNode n = nodes.get(name);
            if (n == null) {
                throw QmpError.generic("Failed to find node with node-name='" + name + "'");
            }
            if (!n.users.isEmpty()) {
                throw QmpError.generic("Node '" + name + "' is busy: block device is in use by block job: "
                        + jobs.get(n.users.get(0)).type().wireName());
            }
            nodes.remove(name);
            try {
                n.close();
            } catch (IOException e) {
                throw QmpError.generic(e.getMessage());
            }
        })));
        r.register(QmpCommand.of("blockdev-backup", ok(a -> settle(() -> startJobs(List.of(a), null, true)))));
        r.register(QmpCommand.of("blockdev-mirror", ok(a -> settle(() -> startJobs(List.of(a), null, false)))));
        r.register(QmpCommand.of("transaction", ok(this::transaction)));
        r.register(QmpCommand.of("block-job-set-speed", ok(a -> {
            InputObject in = InputObject.of(a, Path.ROOT);
            String dev = in.requiredStr("device");
            long speed = in.requiredInt64("speed");
            in.end();
            Job j = blockJob(dev);
            settle(() -> j.setSpeed(speed));
        })));
        r.register(QmpCommand.of("block-job-cancel", ok(a -> {
            InputObject in = InputObject.of(a, Path.ROOT);
            String dev = in.requiredStr("device");
            Boolean force = in.optional("force", Codecs.BOOL);
            in.end();
            Job j = blockJob(dev);
            boolean f = force != null && force;
            if (j.isUserPaused() && !f) {
                throw QmpError.generic("The block job for device '" + dev + "' is currently paused");
            }
            if (answersFirst(j, true)) {
                j.userCancel(f);
            } else {
                settle(() -> j.userCancel(f));
            }
        })));
        r.register(QmpCommand.of("block-job-complete", ok(a -> blockVerb(a, "device", Job::complete, true))));
        r.register(QmpCommand.of("block-job-pause", ok(a -> blockVerb(a, "device", Job::userPause))));
        r.register(QmpCommand.of("block-job-resume", ok(a -> blockVerb(a, "device", Job::userResume))));
        r.register(QmpCommand.of("block-job-finalize", ok(a -> blockVerb(a, "id", Job::finalizeJob))));
        r.register(QmpCommand.of("block-job-dismiss", ok(a -> blockVerb(a, "id", Job::dismiss))));
        r.register(QmpCommand.of("query-block-jobs", (a, s) -> {
            InputObject.of(a, Path.ROOT).end();
            JsonArray list = queryBlockJobs();
            return list::write;
        }));
        r.register(QmpCommand.of("job-pause", ok(a -> jobVerb(a, engine::jobPause))));
        r.register(QmpCommand.of("job-resume", ok(a -> jobVerb(a, engine::jobResume))));
        r.register(QmpCommand.of("job-cancel", ok(a -> jobVerb(a, engine::jobCancel, true))));
        r.register(QmpCommand.of("job-complete", ok(a -> jobVerb(a, engine::jobComplete, true))));
        r.register(QmpCommand.of("job-finalize", ok(a -> jobVerb(a, engine::jobFinalize))));
        r.register(QmpCommand.of("job-dismiss", ok(a -> jobVerb(a, engine::jobDismiss))));
        r.register(QmpCommand.of("query-jobs", (a, s) -> {
            InputObject.of(a, Path.ROOT).end();
            List<JsonValue> out = new ArrayList<>();
            for (JobInfo i : engine.queryJobs()) {
                JsonObject.Builder b = JsonObject.builder()
                        .put("current-progress", i.currentProgress())
                        .put("status", i.status().wireName())
                        .put("total-progress", i.totalProgress())
                        .put("type", i.type().wireName())
                        .put("id", i.id());
                i.error().ifPresent(e -> b.put("error", e));
                out.add(b.build());
            }
            JsonArray list = JsonArray.of(out);
            return list::write;
        }));
    }

    private void jobVerb(JsonObject a, java.util.function.Consumer<String> verb) {
        jobVerb(a, verb, false);
    }

    /**
     * QEMU answers cancel and complete of a mirror that is ready or in standby before the job
     * leaves its loop (its exit runs from a later main-loop iteration); other verbs reach the
     * job's next pause point first.
     */
    private static boolean answersFirst(Job j, boolean ending) {
        return ending && j != null && j.driver() instanceof BlockJob.Mirror
                && (j.status() == JobStatus.READY || j.status() == JobStatus.STANDBY);
    }

    private void jobVerb(JsonObject a, java.util.function.Consumer<String> verb, boolean ending) {
        InputObject in = InputObject.of(a, Path.ROOT);
        String id = in.requiredStr("id");
        in.end();
        Job j = engine.find(id).orElse(null);
        if (answersFirst(j, ending)) {
            verb.accept(id);
            return;
        }
        settle(() -> verb.accept(id));
    }

    private void blockVerb(JsonObject a, String key, java.util.function.Consumer<Job> verb) {
        blockVerb(a, key, verb, false);
    }

    private void blockVerb(JsonObject a, String key, java.util.function.Consumer<Job> verb, boolean ending) {
        InputObject in = InputObject.of(a, Path.ROOT);
        String id = in.requiredStr(key);
        in.end();
        Job j = blockJob(id);
        if (answersFirst(j, ending)) {
            verb.accept(j);
            return;
        }
        settle(() -> verb.accept(j));
    }

    private Job blockJob(String id) {
        Job j = engine.find(id).orElse(null);
        if (j == null || !(j.driver() instanceof BlockJob)) {
            throw new QmpError(QmpError.ErrorClass.DEVICE_NOT_ACTIVE, "Block job '" + id + "' not found");
        }
        return j;
    }

    /**
     * Runs a verb, then lets the jobs reach their next pause point (or finish) before the reply,
     * as QEMU's main loop runs the woken job coroutines before it answers.
     */
    private void settle(Runnable verb) {
        try {
            verb.run();
        } finally {
            long start = System.nanoTime();
            long deadline = start + SETTLE_NANOS;
            while (System.nanoTime() < deadline
                    && (!quiescent() || System.nanoTime() - Math.max(start, lastEvent) < QUIET_NANOS)) {
                Thread.onSpinWait();
                try {
                    Thread.sleep(0, 200_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private boolean quiescent() {
        for (BlockJob b : jobs.values()) {
            Job j = b.job;
            if (j == null) {
                continue;
            }
            JobStatus st = j.status();
            if (st == JobStatus.NULL || st == JobStatus.CONCLUDED || st == JobStatus.PENDING) {
                continue;
            }
            if (j.isBusy()) {
                return false;
            }
            if (st == JobStatus.ABORTING || st == JobStatus.WAITING) {
                return false;
            }
        }
        return true;
    }

    private JsonArray queryBlockJobs() {
        List<JsonValue> out = new ArrayList<>();
        for (JobInfo i : engine.queryJobs()) {
            Job j = engine.find(i.id()).orElse(null);
            if (j == null || !(j.driver() instanceof BlockJob)) {
                continue;
            }
            out.add(JsonObject.builder()
                    .put("auto-finalize", j.isAutoFinalize())
                    .put("io-status", "ok")
                    .put("device", j.id())
                    .put("auto-dismiss", j.isAutoDismiss())
                    .put("busy", j.isBusy())
                    .put("len", i.totalProgress())
                    .put("offset", i.currentProgress())
                    .put("status", i.status().wireName())
                    .put("paused", j.pauseCount() > 0)
                    .put("speed", j.speed())
                    .put("ready", i.status() == JobStatus.READY || i.status() == JobStatus.STANDBY)
                    .put("type", i.type().wireName())
                    .build());
            if (i.error().isPresent()) {
                JsonObject o = (JsonObject) out.remove(out.size() - 1);
                JsonObject.Builder b = JsonObject.builder();
                for (String k : o.names()) {
                    b.put(k, o.get(k));
                }
                out.add(b.put("error", i.error().get()).build());
            }
        }
        return JsonArray.of(out);
    }

    private void blockdevAdd(JsonObject a) {
        BlockNode n = openNode(a, Path.ROOT, true);
        nodes.put(n.name, n);
    }

    private BlockNode openNode(JsonValue v, Path path, boolean top) {
        InputObject in = InputObject.of(v, path);
        String driver = in.requiredStr("driver");
        String name = in.optional("node-name", Codecs.STR);
        if (top && name == null) {
            throw QmpError.generic("node-name is required");
        }
        if (name != null && nodes.containsKey(name)) {
            throw QmpError.generic("Duplicate nodes with node-name='" + name + "'");
        }
        try {
            switch (driver) {
                case "null-co": {
                    Long size = in.optional("size", Codecs.SIZE);
                    Boolean zeroes = in.optional("read-zeroes", Codecs.BOOL);
                    in.end();
                    return BlockNode.nullCo(name, size == null ? 1L << 30 : size, zeroes != null && zeroes);
                }
                case "file": {
                    String filename = in.requiredStr("filename");
                    in.end();
                    java.nio.file.Path p = java.nio.file.Path.of(filename);
                    if (!Files.exists(p)) {
                        throw QmpError.generic("Could not open '" + filename + "': No such file or directory");
                    }
                    if (!Files.isRegularFile(p)) {
                        throw QmpError.generic("'file' driver requires '" + filename + "' to be a regular file");
                    }
                    return BlockNode.file(name, FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE));
                }
                case "blkdebug": {
                    BlockNode image = openNode(in.required("image"), path.member("image"), false);
                    List<BlockNode.InjectRule> rules = new ArrayList<>();
                    JsonValue ie = in.optional("inject-error");
                    if (ie instanceof JsonArray arr) {
                        for (int i = 0; i < arr.size(); i++) {
                            InputObject r = InputObject.of(arr.get(i), path.member("inject-error").element(i));
                            String event = r.requiredStr("event");
                            Long errno = r.optional("errno", Codecs.INT64);
                            Boolean once = r.optional("once", Codecs.BOOL);
                            r.end();
                            if (event.equals("pwritev")) {
                                rules.add(new BlockNode.InjectRule(errno == null ? 5 : errno.intValue(), once != null && once));
                            }
                        }
                    }
                    in.end();
                    return BlockNode.blkdebug(name, image, rules);
                }
                default:
                    throw QmpError.generic("Parameter 'driver' does not accept value '" + driver + "'");
            }
        } catch (IOException e) {
            throw QmpError.generic("Could not open node: " + e.getMessage());
        }
    }

    private record Action(String id, BlockNode src, BlockNode tgt, Long speed, boolean autoFinalize,
            boolean autoDismiss, boolean backup) {
    }

    private Action decodeAction(JsonObject a, Path path, boolean backup) {
        InputObject in = InputObject.of(a, path);
        String id = in.optional("job-id", Codecs.STR);
        String device = in.requiredStr("device");
        String target = in.requiredStr("target");
        String sync = in.requiredStr("sync");
        if (!SYNC_MODES.contains(sync)) {
            throw path.member("sync").badEnumValue(sync);
        }
        Long speed = in.optional("speed", Codecs.INT64);
        Boolean af = in.optional("auto-finalize", Codecs.BOOL);
        Boolean ad = in.optional("auto-dismiss", Codecs.BOOL);
        in.end();
        if (!sync.equals("full")) {
            throw QmpError.generic("sync mode '" + sync + "' is not supported by this server");
        }
        return new Action(id, findNode(device), findNode(target), speed, af == null || af, ad == null || ad, backup);
    }

    private BlockNode findNode(String name) {
        BlockNode n = nodes.get(name);
        if (n == null) {
            throw QmpError.generic("Cannot find device='" + name + "' nor node-name='" + name + "'");
        }
        return n;
    }

    /** Creates the jobs of {@code requests} in order (undoing them all on an error), then starts them. */
    private void startJobs(List<JsonObject> requests, JobTxn txn, boolean backup) {
        List<Job> created = new ArrayList<>();
        try {
            for (JsonObject req : requests) {
                Action act = decodeAction(req, Path.ROOT, backup);
                created.add(create(act, txn));
            }
        } catch (RuntimeException e) {
            for (int i = created.size() - 1; i >= 0; i--) {
                created.get(i).cancel(true);
            }
            throw e;
        }
        for (Job j : created) {
            j.start();
            if (((BlockJob) j.driver()) instanceof BlockJob.Backup) {
                drain(j);
            }
        }
    }

    /** QEMU drains a backup's nodes while it starts: the job pauses at its first pause point and runs on. */
    private static void drain(Job j) {
        j.pause();
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (j.status() != JobStatus.PAUSED && j.status() == JobStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        j.resume();
    }

    private Job create(Action act, JobTxn txn) {
        String id = act.id == null ? "" : act.id;
        BlockJob driver = act.backup ? new BlockJob.Backup(this, act.src, act.tgt) : new BlockJob.Mirror(this, act.src, act.tgt);
        Job j;
        try {
            j = engine.create(id, driver, txn, act.autoFinalize, act.autoDismiss);
        } catch (RuntimeException e) {
            if (driver instanceof BlockJob.Mirror m) {
                m.clean(null);
            }
            throw e;
        }
        driver.job = j;
        j.progressSetRemaining(driver.len);
        if (act.speed != null) {
            try {
                j.setSpeed(act.speed);
            } catch (RuntimeException e) {
                j.earlyFail();
                throw e;
            }
        }
        jobs.put(id, driver);
        act.src.users.add(id);
        act.tgt.users.add(id);
        return j;
    }

    private void transaction(JsonObject a) {
        InputObject in = InputObject.of(a, Path.ROOT);
        JsonValue actions = in.required("actions");
        JsonValue props = in.optional("properties");
        in.end();
        boolean grouped = false;
        if (props != null) {
            InputObject p = InputObject.of(props, Path.ROOT.member("properties"));
            String mode = p.optional("completion-mode", Codecs.STR);
            p.end();
            if (mode != null && !mode.equals("individual") && !mode.equals("grouped")) {
                throw Path.ROOT.member("properties").member("completion-mode").badEnumValue(mode);
            }
            grouped = "grouped".equals(mode);
        }
        if (!(actions instanceof JsonArray list)) {
            throw Path.ROOT.member("actions").invalidType("array");
        }
        List<JsonObject> reqs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            InputObject act = InputObject.of(list.get(i), Path.ROOT.member("actions").element(i));
            String type = act.requiredStr("type");
            if (!type.equals("blockdev-backup")) {
                throw QmpError.generic("Action '" + type + "' is not supported by this server");
            }
            JsonValue data = act.required("data");
            act.end();
            if (!(data instanceof JsonObject d)) {
                throw Path.ROOT.member("actions").element(i).member("data").invalidType("object");
            }
            reqs.add(d);
        }
        JobTxn txn = grouped ? engine.newTransaction() : null;
        settle(() -> startJobs(reqs, txn, true));
    }

    /** quit: SHUTDOWN, drain every job, force-cancel them newest first, then answer and close. */
    private void doQuit() {
        emitEvent("SHUTDOWN", JsonObject.builder().put("guest", false).put("reason", "host-qmp-quit").build());
        List<Job> live = new ArrayList<>();
        List<JobInfo> infos = engine.queryJobs();
        for (int i = infos.size() - 1; i >= 0; i--) {
            engine.find(infos.get(i).id()).ifPresent(live::add);
        }
        for (Job j : live) {
            j.pause();
        }
        settle(() -> { });
        for (int i = live.size() - 1; i >= 0; i--) {
            Job j = live.get(i);
            j.resume();
            j.cancel(true);
            try {
                j.finished().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // keep going
            }
            settle(() -> { });
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
            quit.countDown();
        }, "job-server-quit");
        t.start();
    }

    @Override
    public void close() {
        engine.cancelAll();
        qmp.close();
        for (BlockNode n : nodes.values()) {
            try {
                n.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
