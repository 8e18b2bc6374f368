/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import io.github.qapi4j.examples.jobserver.qapi.ActionCompletionMode;
import io.github.qapi4j.examples.jobserver.qapi.BlkdebugEvent;
import io.github.qapi4j.examples.jobserver.qapi.BlkdebugIOType;
import io.github.qapi4j.examples.jobserver.qapi.BlkdebugInjectErrorOptions;
import io.github.qapi4j.examples.jobserver.qapi.BlockDeviceIoStatus;
import io.github.qapi4j.examples.jobserver.qapi.BlockJobCancelArguments;
import io.github.qapi4j.examples.jobserver.qapi.BlockJobInfo;
import io.github.qapi4j.examples.jobserver.qapi.BlockdevBackup;
import io.github.qapi4j.examples.jobserver.qapi.BlockdevMirrorArguments;
import io.github.qapi4j.examples.jobserver.qapi.BlockdevOnError;
import io.github.qapi4j.examples.jobserver.qapi.BlockdevOptions;
import io.github.qapi4j.examples.jobserver.qapi.BlockdevRef;
import io.github.qapi4j.examples.jobserver.qapi.CommandInfo;
import io.github.qapi4j.examples.jobserver.qapi.JobInfo;
import io.github.qapi4j.examples.jobserver.qapi.JobServerCommandDispatcher;
import io.github.qapi4j.examples.jobserver.qapi.JobServerCommands;
import io.github.qapi4j.examples.jobserver.qapi.JobStatus;
import io.github.qapi4j.examples.jobserver.qapi.JobStatusChangeEvent;
import io.github.qapi4j.examples.jobserver.qapi.JobType;
import io.github.qapi4j.examples.jobserver.qapi.MirrorCopyMode;
import io.github.qapi4j.examples.jobserver.qapi.MirrorSyncMode;
import io.github.qapi4j.examples.jobserver.qapi.QmpCapabilitiesArguments;
import io.github.qapi4j.examples.jobserver.qapi.SchemaInfo;
import io.github.qapi4j.examples.jobserver.qapi.ShutdownCause;
import io.github.qapi4j.examples.jobserver.qapi.ShutdownEvent;
import io.github.qapi4j.examples.jobserver.qapi.TransactionAction;
import io.github.qapi4j.examples.jobserver.qapi.TransactionArguments;
import io.github.qapi4j.examples.jobserver.qapi.TransactionProperties;
import io.github.qapi4j.examples.jobserver.qapi.VersionInfo;
import io.github.qapi4j.runtime.job.Job;
import io.github.qapi4j.runtime.job.JobEngine;
import io.github.qapi4j.runtime.job.JobTxn;
import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.qmp.QmpCommand;
import io.github.qapi4j.runtime.qmp.QmpError;
import io.github.qapi4j.runtime.qmp.QmpEventType;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import io.github.qapi4j.runtime.qmp.QmpServer;
import io.github.qapi4j.runtime.qmp.StandardCommands;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** Events sent so far (written by the one thread that delivers at a time). */
    private volatile long eventCount;
    /** The newest job, to queue markers behind the engine's events ({@link #awaitEventsDelivered}). */
    private volatile Job lastJob;
    private static final String PACKAGE = "qapi4j-job-server";
    /** Quiet time (no events, no busy job) after which the jobs a command woke count as settled. */
    private static final long QUIET_NANOS = 5_000_000L;

    private JobServer(int major, int minor, int micro) {
        QmpRegistry r = new QmpRegistry();
        engine = new JobEngine(e -> emit(JobStatusChangeEvent.TYPE,
                new JobStatusChangeEvent(e.id(), JobStatus.fromWireName(e.status().wireName()))));
        register(r);
        qmp = QmpServer.builder(r).version(major, minor, micro, PACKAGE)
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
        for (io.github.qapi4j.runtime.job.qapi.JobInfo i : engine.queryJobs()) {
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

    /** Sends an event of the generated bindings, members in QEMU's order. */
    <T> void emit(QmpEventType<T> type, T data) {
        JsonObject tree = (JsonObject) QemuOrder.tree(type.codec(), data);
        lastEvent = System.nanoTime();
        eventCount++;
        qmp.emitEvent(type.name(), tree);
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

    // ==== commands: the generated bindings of src/main/qapi/job-server.json ================

    private void register(QmpRegistry r) {
        // QEMU prints replies in QDict order; the generated codecs write schema order
        r.register(QmpCommand.typed("query-block-jobs", Codecs.EMPTY_OBJECT,
                QemuOrder.of(Codecs.list(BlockJobInfo.CODEC)), a -> commands.queryBlockJobs(),
                QmpCommand.Flag.ALLOW_PRECONFIG));
        r.register(QmpCommand.typed("query-jobs", Codecs.EMPTY_OBJECT,
                QemuOrder.of(Codecs.list(JobInfo.CODEC)), a -> commands.queryJobs()));
        StandardCommands.register(r, new StandardCommands.Version(7, 2, 22, PACKAGE),
                JobServerCommandDispatcher.introspection(), JobServerCommandDispatcher.COMMANDS);
        JobServerCommands.register(r, commands);
    }

    private final Commands commands = new Commands();

    /** What the generated {@code JobServerCommands.register} binds. */
    private final class Commands implements JobServerCommands {
        @Override
        public void qmpCapabilities(QmpCapabilitiesArguments arguments) {
            throw new IllegalStateException("qmp_capabilities is answered by the QMP server");
        }

        @Override
        public VersionInfo queryVersion() {
            throw new IllegalStateException("answered by StandardCommands");
        }

        @Override
        public List<CommandInfo> queryCommands() {
            throw new IllegalStateException("answered by StandardCommands");
        }

        @Override
        public List<SchemaInfo> queryQmpSchema() {
            throw new IllegalStateException("answered by StandardCommands");
        }

        @Override
        public void quit() {
            doQuit();
        }

        @Override
        public void blockdevAdd(BlockdevOptions options) {
            BlockNode n = openNode(options, true);
            nodes.put(n.name, n);
        }

        @Override
        public void blockdevDel(String name) {
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
        }

        @Override
        public List<BlockJobInfo> queryBlockJobs() {
            return JobServer.this.queryBlockJobs();
        }

        // QEMU 7.2 runs blockdev-backup as a one-action transaction; blockdev-mirror is not one
        @Override
        public void blockdevBackup(BlockdevBackup b) {
            Action act = backupAction(b);
            settle(() -> runTransaction(List.of(act), null));
        }

        @Override
        public void blockdevMirror(BlockdevMirrorArguments m) {
            unsupported(m.replaces(), "replaces");
            unsupported(m.granularity(), "granularity");
            unsupported(m.bufSize(), "buf-size");
            onError(m.onSourceError(), "on-source-error");
            onError(m.onTargetError(), "on-target-error");
            unsupported(m.filterNodeName(), "filter-node-name");
            if (m.copyMode().isPresent() && m.copyMode().get() != MirrorCopyMode.BACKGROUND) {
                throw QmpError.generic("'copy-mode' other than 'background' is not supported by this server");
            }
            syncFull(m.sync());
            Action act = new Action(m.jobId().orElse(null), m.device(), m.target(), m.speed().orElse(null),
                    m.autoFinalize().orElse(true), m.autoDismiss().orElse(true), false);
            settle(() -> startMirror(act));
        }

        @Override
        public void blockJobSetSpeed(String device, long speed) {
            Job j = blockJob(device);
            settle(() -> j.setSpeed(speed));
        }

        @Override
        public void blockJobCancel(BlockJobCancelArguments a) {
            Job j = blockJob(a.device());
            boolean force = a.force().orElse(false);
            if (j.isUserPaused() && !force) {
                throw QmpError.generic("The block job for device '" + a.device() + "' is currently paused");
            }
            settle(() -> j.userCancel(force));
        }

        @Override
        public void blockJobPause(String device) {
            Job j = blockJob(device);
            settle(j::userPause);
        }

        @Override
        public void blockJobResume(String device) {
            Job j = blockJob(device);
            settle(j::userResume);
        }

        @Override
        public void blockJobComplete(String device) {
            Job j = blockJob(device);
            settle(j::complete);
        }

        @Override
        public void blockJobDismiss(String id) {
            Job j = blockJob(id);
            settle(j::dismiss);
        }

        @Override
        public void blockJobFinalize(String id) {
            Job j = blockJob(id);
            settle(j::finalizeJob);
        }

        @Override
        public void transaction(TransactionArguments t) {
            List<Action> reqs = new ArrayList<>();
            for (TransactionAction a : t.actions()) {
                if (!(a instanceof TransactionAction.BlockdevBackup b)) {
                    throw QmpError.generic("Action '" + a.type().wireName() + "' is not supported by this server");
                }
                reqs.add(backupAction(b.data()));
            }
            boolean grouped = t.properties().flatMap(TransactionProperties::completionMode)
                    .map(m -> m == ActionCompletionMode.GROUPED).orElse(false);
            JobTxn txn = grouped ? engine.newTransaction() : null;
            settle(() -> runTransaction(reqs, txn));
        }

        @Override
        public void jobPause(String id) {
            settle(() -> engine.jobPause(id));
        }

        @Override
        public void jobResume(String id) {
            settle(() -> engine.jobResume(id));
        }

        @Override
        public void jobCancel(String id) {
            settle(() -> engine.jobCancel(id));
        }

        @Override
        public void jobComplete(String id) {
            settle(() -> engine.jobComplete(id));
        }

        @Override
        public void jobDismiss(String id) {
            settle(() -> engine.jobDismiss(id));
        }

        @Override
        public void jobFinalize(String id) {
            settle(() -> engine.jobFinalize(id));
        }

        @Override
        public List<JobInfo> queryJobs() {
            List<JobInfo> out = new ArrayList<>();
            for (io.github.qapi4j.runtime.job.qapi.JobInfo i : engine.queryJobs()) {
                out.add(new JobInfo(i.id(), JobType.fromWireName(i.type().wireName()),
                        JobStatus.fromWireName(i.status().wireName()), i.currentProgress(), i.totalProgress(),
                        i.error()));
            }
            return out;
        }
    }

    /** Members the schema has (QEMU's shape) but this server does not implement are refused, never ignored. */
    private static void unsupported(Optional<?> member, String name) {
        if (member.isPresent()) {
            throw QmpError.generic("Parameter '" + name + "' is not supported by this server");
        }
    }

    private static void onError(Optional<BlockdevOnError> member, String name) {
        if (member.isPresent() && member.get() != BlockdevOnError.REPORT) {
            throw QmpError.generic("'" + name + "' other than 'report' is not supported by this server");
        }
    }

    private static void syncFull(MirrorSyncMode sync) {
        if (sync != MirrorSyncMode.FULL) {
            throw QmpError.generic("sync mode '" + sync.wireName() + "' is not supported by this server");
        }
    }

    private static Action backupAction(BlockdevBackup b) {
        unsupported(b.bitmap(), "bitmap");
        unsupported(b.bitmapMode(), "bitmap-mode");
        unsupported(b.compress(), "compress");
        onError(b.onSourceError(), "on-source-error");
        onError(b.onTargetError(), "on-target-error");
        unsupported(b.filterNodeName(), "filter-node-name");
        unsupported(b.xPerf(), "x-perf");
        syncFull(b.sync());
        return new Action(b.jobId().orElse(null), b.device(), b.target(), b.speed().orElse(null),
                b.autoFinalize().orElse(true), b.autoDismiss().orElse(true), true);
    }

    private Job blockJob(String id) {
        Job j = engine.find(id).orElse(null);
        if (j == null || !(j.driver() instanceof BlockJob)) {
            throw new QmpError(QmpError.ErrorClass.DEVICE_NOT_ACTIVE, "Block job '" + id + "' not found");
        }
        return j;
    }

    /**
     * Runs a verb, then lets the jobs it woke reach their next pause point (or finish) and their
     * events go out before the reply, as QEMU's main loop runs the woken job coroutines before it
     * answers. Settled means: no job busy (or in a state that moves on by itself), then every
     * event the engine queued so far delivered (a marker queued behind them), with no event
     * during that and none for {@link #QUIET_NANOS}. The engine changes a job's status under its
     * lock and delivers the events after releasing it, so a job seen idle (e.g. pending) may
     * still have its waiting/pending events on the way: that was the race behind the
     * intermittent backup-manual and transaction differences.
     */
    private void settle(Runnable verb) {
        try {
            verb.run();
        } finally {
            long start = System.nanoTime();
            long deadline = start + SETTLE_NANOS;
            while (System.nanoTime() < deadline) {
                if (quiescent() && System.nanoTime() - Math.max(start, lastEvent) >= QUIET_NANOS) {
                    long seen = eventCount;
                    awaitEventsDelivered(deadline);
                    if (eventCount == seen && quiescent()) {
                        break;
                    }
                    continue;
                }
                try {
                    Thread.sleep(0, 200_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    /** Queues a marker behind every event the engine has queued and waits until it ran. */
    private void awaitEventsDelivered(long deadline) {
        Job any = lastJob;
        if (any == null) {
            return; // no job yet: the engine has queued nothing
        }
        CountDownLatch delivered = new CountDownLatch(1);
        any.postEvent(delivered::countDown);
        try {
            delivered.await(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean quiescent() {
        for (BlockJob b : jobs.values()) {
            Job j = b.job;
            if (j == null) {
                continue;
            }
            io.github.qapi4j.runtime.job.qapi.JobStatus st = j.status();
            if (st == io.github.qapi4j.runtime.job.qapi.JobStatus.NULL
                    || st == io.github.qapi4j.runtime.job.qapi.JobStatus.CONCLUDED
                    || st == io.github.qapi4j.runtime.job.qapi.JobStatus.PENDING || exitDeferred(j)) {
                continue;
            }
            if (st == io.github.qapi4j.runtime.job.qapi.JobStatus.WAITING && anyExitDeferred()) {
                continue; // its transaction waits for a failing member whose exit follows the reply
            }
            if (j.isBusy()) {
                return false;
            }
            if (st == io.github.qapi4j.runtime.job.qapi.JobStatus.ABORTING
                    || st == io.github.qapi4j.runtime.job.qapi.JobStatus.WAITING) {
                return false;
            }
        }
        return true;
    }

    private List<BlockJobInfo> queryBlockJobs() {
        List<BlockJobInfo> out = new ArrayList<>();
        for (io.github.qapi4j.runtime.job.qapi.JobInfo i : engine.queryJobs()) {
            Job j = engine.find(i.id()).orElse(null);
            if (j == null || !(j.driver() instanceof BlockJob)) {
                continue;
            }
            boolean ready = i.status() == io.github.qapi4j.runtime.job.qapi.JobStatus.READY
                    || i.status() == io.github.qapi4j.runtime.job.qapi.JobStatus.STANDBY;
            out.add(new BlockJobInfo(i.type().wireName(), j.id(), i.totalProgress(), i.currentProgress(),
                    j.isBusy(), j.pauseCount() > 0, j.speed(), BlockDeviceIoStatus.OK, ready,
                    JobStatus.fromWireName(i.status().wireName()), j.isAutoFinalize(), j.isAutoDismiss(),
                    i.error()));
        }
        return out;
    }

    private BlockNode openNode(BlockdevOptions o, boolean top) {
        String name = nodeName(o);
        if (top && name == null) {
            throw QmpError.generic("node-name is required");
        }
        if (name != null && nodes.containsKey(name)) {
            throw QmpError.generic("Duplicate nodes with node-name='" + name + "'");
        }
        try {
            if (o instanceof BlockdevOptions.NullCo n) {
                baseUnsupported(n.discard(), n.cache(), n.readOnly(), n.autoReadOnly(), n.forceShare(), n.detectZeroes());
                unsupported(n.latencyNs(), "latency-ns");
                return BlockNode.nullCo(name, n.size().orElse(1L << 30), n.readZeroes().orElse(false));
            }
            if (o instanceof BlockdevOptions.NullAio n) {
                baseUnsupported(n.discard(), n.cache(), n.readOnly(), n.autoReadOnly(), n.forceShare(), n.detectZeroes());
                unsupported(n.latencyNs(), "latency-ns");
                return BlockNode.nullCo(name, n.size().orElse(1L << 30), n.readZeroes().orElse(false));
            }
            if (o instanceof BlockdevOptions.File f) {
                baseUnsupported(f.discard(), f.cache(), f.readOnly(), f.autoReadOnly(), f.forceShare(), f.detectZeroes());
                unsupported(f.prManager(), "pr-manager");
                unsupported(f.locking(), "locking");
                unsupported(f.aio(), "aio");
                unsupported(f.aioMaxBatch(), "aio-max-batch");
                unsupported(f.dropCache(), "drop-cache");
                unsupported(f.xCheckCacheDropped(), "x-check-cache-dropped");
                String filename = f.filename();
                java.nio.file.Path p = java.nio.file.Path.of(filename);
                if (!Files.exists(p)) {
                    throw QmpError.generic("Could not open '" + filename + "': No such file or directory");
                }
                if (!Files.isRegularFile(p)) {
                    throw QmpError.generic("'file' driver requires '" + filename + "' to be a regular file");
                }
                return BlockNode.file(name, FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE));
            }
            if (o instanceof BlockdevOptions.Blkdebug d) {
                baseUnsupported(d.discard(), d.cache(), d.readOnly(), d.autoReadOnly(), d.forceShare(), d.detectZeroes());
                for (var m : List.of(d.config(), d.align(), d.maxTransfer(), d.optWriteZero(), d.maxWriteZero(),
                        d.optDiscard(), d.maxDiscard(), d.setState(), d.takeChildPerms(), d.unshareChildPerms())) {
                    unsupported(m, "config, align, max-*, opt-*, set-state, *-child-perms");
                }
                if (!(d.image() instanceof BlockdevRef.Definition def)) {
                    throw QmpError.generic("blkdebug 'image' as a node reference is not supported by this server");
                }
                List<BlockNode.InjectRule> rules = new ArrayList<>();
                for (BlkdebugInjectErrorOptions r : d.injectError().orElse(List.of())) {
                    if (r.event() != BlkdebugEvent.PWRITEV) {
                        throw QmpError.generic("blkdebug event '" + r.event().wireName()
                                + "' is not supported by this server (only 'pwritev')");
                    }
                    unsupported(r.state(), "state");
                    unsupported(r.sector(), "sector");
                    unsupported(r.immediately(), "immediately");
                    if (r.iotype().isPresent() && r.iotype().get() != BlkdebugIOType.WRITE) {
                        throw QmpError.generic("blkdebug 'iotype' other than 'write' is not supported by this server");
                    }
                    rules.add(new BlockNode.InjectRule(r.errno().orElse(5L).intValue(), r.once().orElse(false)));
                }
                BlockNode image = openNode(def.value(), false);
                return BlockNode.blkdebug(name, image, rules);
            }
            throw QmpError.generic("Parameter 'driver' does not accept value '" + o.driver().wireName() + "'");
        } catch (IOException e) {
            throw QmpError.generic("Could not open node: " + e.getMessage());
        }
    }

    private static String nodeName(BlockdevOptions o) {
        Optional<String> n;
        if (o instanceof BlockdevOptions.NullCo x) {
            n = x.nodeName();
        } else if (o instanceof BlockdevOptions.NullAio x) {
            n = x.nodeName();
        } else if (o instanceof BlockdevOptions.File x) {
            n = x.nodeName();
        } else if (o instanceof BlockdevOptions.Blkdebug x) {
            n = x.nodeName();
        } else {
            n = Optional.empty();
        }
        return n.orElse(null);
    }

    private static void baseUnsupported(Optional<?> discard, Optional<?> cache, Optional<?> readOnly,
            Optional<?> autoReadOnly, Optional<?> forceShare, Optional<?> detectZeroes) {
        unsupported(discard, "discard");
        unsupported(cache, "cache");
        unsupported(readOnly, "read-only");
        unsupported(autoReadOnly, "auto-read-only");
        unsupported(forceShare, "force-share");
        unsupported(detectZeroes, "detect-zeroes");
    }

    private record Action(String id, String device, String target, Long speed, boolean autoFinalize,
            boolean autoDismiss, boolean backup) {
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
        lastJob = j;
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

    /** quit: SHUTDOWN, drain every job, force-cancel them newest first, then answer and close. */
    private void doQuit() {
        synchronized (dispatchLock) {
            synchronous = true;
        }
        emit(ShutdownEvent.TYPE, new ShutdownEvent(false, ShutdownCause.HOST_QMP_QUIT));
        List<Job> live = new ArrayList<>();
        List<io.github.qapi4j.runtime.job.qapi.JobInfo> infos = engine.queryJobs();
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
