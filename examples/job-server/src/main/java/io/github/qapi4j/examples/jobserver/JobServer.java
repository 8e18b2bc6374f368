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
    private static final long SETTLE_NANOS = 2_000_000_000L;
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
        qmp = QmpServer.builder(r).version(major, minor, micro, "qapi4j-job-server")
                .dispatcher(this::dispatch).build();
    }

    // ==== the main loop: commands, and job exits scheduled behind a reply ==================

    private final java.util.concurrent.ExecutorService dispatchThread =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "job-server-dispatcher");
                t.setDaemon(true);
                return t;
            });
    private final Object dispatchLock = new Object();
    private boolean dispatching;
    /** quit cancels jobs synchronously (QEMU polls the main loop there): no exit waits for its reply. */
    private boolean synchronous;
    private final List<Job> deferredExits = new ArrayList<>();

    /** Runs one in-band command (its reply is queued when the task returns), then the job exits it deferred. */
    private void dispatch(Runnable command) {
        dispatchThread.execute(() -> {
            synchronized (dispatchLock) {
                dispatching = true;
            }
            try {
                command.run();
            } finally {
                List<Job> release;
                synchronized (dispatchLock) {
                    dispatching = false;
                    release = new ArrayList<>(deferredExits);
                    deferredExits.clear();
                }
                for (Job j : release) {
                    j.enter();
                }
            }
        });
    }

    /**
     * Called by a job whose I/O failed: true if a command is being answered, in which case the
     * job's exit waits until that reply is out. QEMU's blkdebug completes an injected error from a
     * later event-loop iteration and the job's exit is a bottom half after that, so the failing
     * job's aborting/BLOCK_JOB_COMPLETED/concluded follow the reply of the command that started
     * (or woke) it, while its BLOCK_JOB_ERROR precedes it.
     */
    boolean deferExit(Job j) {
        synchronized (dispatchLock) {
            if (!dispatching || synchronous) {
                return false;
            }
            deferredExits.add(j);
            return true;
        }
    }

    boolean exitDeferred(Job j) {
        synchronized (dispatchLock) {
            return deferredExits.contains(j);
        }
    }

    private boolean anyExitDeferred() {
        synchronized (dispatchLock) {
            return !deferredExits.isEmpty();
        }
    }

    // ==== drained sections (QEMU's bdrv_drained_begin/end and bdrv_drain_all) ==============

    /** A drained section of one node: the jobs it paused, newest first (QEMU's parent list order). */
    static final class Drain {
        final BlockNode node;
        final List<Job> paused = new ArrayList<>();

        Drain(BlockNode node) {
            this.node = node;
        }
    }

    private final List<Drain> drains = new ArrayList<>();

    /** Block jobs, newest first. */
    private List<Job> blockJobs() {
        List<Job> out = new ArrayList<>();
        for (JobInfo i : engine.queryJobs()) {
            engine.find(i.id()).filter(j -> j.driver() instanceof BlockJob).ifPresent(out::add);
        }
        return out;
    }

    /** Whether {@code node} is one of the job's nodes or below one (a blkdebug's image). */
    private static boolean uses(BlockJob b, BlockNode node) {
        for (BlockNode top : new BlockNode[] {b.source, b.target}) {
            for (BlockNode n = top; n != null; n = n.image) {
                if (n == node) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * QEMU's {@code bdrv_drained_begin(node)}: every job attached to the node (or to a node above
     * it) is paused, and the drain waits until each reached its pause point (a sleeping job is
     * woken for that). {@code self} is a job draining its own node from its run (mirror's exit).
     */
    Drain drainedBegin(BlockNode node, Job self) {
        Drain d = new Drain(node);
        for (Job j : blockJobs()) {
            if (uses((BlockJob) j.driver(), node)) {
                j.pause();
                d.paused.add(j);
            }
        }
        for (Job j : d.paused) {
            if (j != self) {
                awaitQuiet(j);
            }
        }
        synchronized (drains) {
            drains.add(d);
        }
        return d;
    }

    /** QEMU's {@code bdrv_drained_end}: resumes what the section paused, newest job first. */
    void drainedEnd(Drain d) {
        synchronized (drains) {
            drains.remove(d);
        }
        for (Job j : d.paused) {
            try {
                j.resume();
            } catch (RuntimeException e) {
                // the job is gone
            }
        }
    }

    /** QEMU's {@code bdrv_drain_all}: every job pauses once, then all resume. */
    private void drainAll() {
        List<Job> all = blockJobs();
        for (Job j : all) {
            j.pause();
        }
        for (Job j : all) {
            awaitQuiet(j);
        }
        for (Job j : all) {
            try {
                j.resume();
            } catch (RuntimeException e) {
                // the job is gone
            }
        }
    }

    /** A job attached to drained nodes starts with the drains' pauses (QEMU: its parent joins the quiesced node). */
    private void attached(Job j, BlockJob b) {
        synchronized (drains) {
            for (Drain d : drains) {
                if (uses(b, d.node)) {
                    j.pause();
                    d.paused.add(0, j);
                }
            }
        }
    }

    private static void awaitQuiet(Job j) {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (j.isBusy() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(0, 100_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
        // QEMU 7.2 runs blockdev-backup as a one-action transaction; blockdev-mirror is not one
        r.register(QmpCommand.of("blockdev-backup", ok(a -> {
            Action act = decodeAction(a, Path.ROOT, true);
            settle(() -> runTransaction(List.of(act), null));
        })));
        r.register(QmpCommand.of("blockdev-mirror", ok(a -> {
            Action act = decodeAction(a, Path.ROOT, false);
            settle(() -> startMirror(act));
        })));
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
            settle(() -> j.userCancel(f));
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

    private void jobVerb(JsonObject a, java.util.function.Consumer<String> verb, boolean ending) {
        InputObject in = InputObject.of(a, Path.ROOT);
        String id = in.requiredStr("id");
        in.end();
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
            if (st == JobStatus.NULL || st == JobStatus.CONCLUDED || st == JobStatus.PENDING || exitDeferred(j)) {
                continue;
            }
            if (st == JobStatus.WAITING && anyExitDeferred()) {
                continue; // its transaction waits for a failing member whose exit follows the reply
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

    private record Action(String id, String device, String target, Long speed, boolean autoFinalize,
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
        return new Action(id, device, target, speed, af == null || af, ad == null || ad, backup);
    }

    private BlockNode findNode(String name) {
        BlockNode n = nodes.get(name);
        if (n == null) {
            throw QmpError.generic("Cannot find device='" + name + "' nor node-name='" + name + "'");
        }
        return n;
    }

    /** One action of a transaction (QEMU 7.2's BlkActionState for blockdev-backup). */
    private static final class Prepared {
        Drain drain;
        Job job;
    }

    /**
     * QEMU 7.2's {@code qmp_transaction} with blockdev-backup actions: drain all, then prepare each
     * action in order (look up its nodes, drain the source, create the job), then commit (start
     * each job) or abort (cancel the created jobs), then clean (end each drain, in order).
     */
    private void runTransaction(List<Action> actions, JobTxn txn) {
        drainAll();
        List<Prepared> states = new ArrayList<>();
        RuntimeException failure = null;
        for (Action act : actions) {
            Prepared st = new Prepared();
            states.add(st);
            try {
                BlockNode src = findNode(act.device);
                BlockNode tgt = findNode(act.target);
                st.drain = drainedBegin(src, null);
                st.job = create(act, src, tgt, txn);
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        if (failure == null) {
            for (Prepared st : states) {
                st.job.start();
            }
        } else {
            for (Prepared st : states) {
                if (st.job != null) {
                    st.job.cancel(true);
                }
            }
        }
        for (Prepared st : states) {
            if (st.drain != null) {
                drainedEnd(st.drain);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** blockdev-mirror: QEMU drains the source while it inserts its filter node, then creates and starts the job. */
    private void startMirror(Action act) {
        BlockNode src = findNode(act.device);
        BlockNode tgt = findNode(act.target);
        drainedEnd(drainedBegin(src, null));
        create(act, src, tgt, null).start();
    }

    private Job create(Action act, BlockNode src, BlockNode tgt, JobTxn txn) {
        String id = act.id == null ? "" : act.id;
        BlockJob driver = act.backup ? new BlockJob.Backup(this, src, tgt) : new BlockJob.Mirror(this, src, tgt);
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
        attached(j, driver);
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
        src.users.add(id);
        tgt.users.add(id);
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
        List<Action> reqs = new ArrayList<>();
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
            reqs.add(decodeAction(d, Path.ROOT, true));
        }
        JobTxn txn = grouped ? engine.newTransaction() : null;
        settle(() -> runTransaction(reqs, txn));
    }

    /** quit: SHUTDOWN, drain every job, force-cancel them newest first, then answer and close. */
    private void doQuit() {
        synchronized (dispatchLock) {
            synchronous = true;
        }
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
        dispatchThread.shutdown();
        for (BlockNode n : nodes.values()) {
            try {
                n.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
