/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import io.github.qapi4j.examples.jobserver.qapi.BlockErrorAction;
import io.github.qapi4j.examples.jobserver.qapi.BlockJobCancelledEvent;
import io.github.qapi4j.examples.jobserver.qapi.BlockJobCompletedEvent;
import io.github.qapi4j.examples.jobserver.qapi.BlockJobErrorEvent;
import io.github.qapi4j.examples.jobserver.qapi.BlockJobPendingEvent;
import io.github.qapi4j.examples.jobserver.qapi.BlockJobReadyEvent;
import io.github.qapi4j.examples.jobserver.qapi.IoOperationType;
import io.github.qapi4j.examples.jobserver.qapi.JobType;
import io.github.qapi4j.runtime.job.Job;
import io.github.qapi4j.runtime.job.JobDriver;
import io.github.qapi4j.runtime.job.Step;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * What backup and mirror share: the nodes, the chunked copy, QEMU's BLOCK_JOB_* events. Copies go
 * in chunks of {@link #CHUNK} bytes (what QEMU 7.2's block-copy uses for these nodes), paced by
 * the job's rate limiter. File to file the kernel copies (sendfile through
 * {@link java.nio.channels.FileChannel#transferTo}), and with no speed set one step copies up to
 * {@link #COPY_RANGE} bytes; the pause and cancel points stay between steps.
 */
abstract class BlockJob implements JobDriver {
    static final int CHUNK = 1 << 20;
    /** Bytes per step for an unthrottled kernel copy: QEMU's block-copy limit for offloaded copies (BLOCK_COPY_MAX_COPY_RANGE). */
    static final int COPY_RANGE = 16 << 20;
    /**
     * Kernel-side file copies; on by default ({@code -Dqapi4j.jobserver.transferTo=false} copies
     * through a buffer instead). Measured in docs/PERFORMANCE.md.
     */
    static final boolean USE_TRANSFER = Boolean.parseBoolean(System.getProperty("qapi4j.jobserver.transferTo", "true"));

    final JobServer server;
    final BlockNode source;
    final BlockNode target;
    final long len;
    volatile Job job;
    private final boolean kernelCopy;
    private ByteBuffer buf;

    BlockJob(JobServer server, BlockNode source, BlockNode target) {
        this.server = server;
        this.source = source;
        this.target = target;
        this.len = source.size;
        this.kernelCopy = USE_TRANSFER && source.canTransferTo(target);
    }

    /** Bytes the next step may copy: {@link #COPY_RANGE} for a kernel copy with no speed set, else {@link #CHUNK}. */
    final int stepSize(Job job) {
        return kernelCopy && job.speed() == 0 ? COPY_RANGE : CHUNK;
    }

    /** Copies bytes [offset, offset + n) from source to target. */
    final void copy(long offset, int n) throws IOException {
        if (kernelCopy && source.transferTo(offset, n, target)) {
            return;
        }
        if (buf == null) {
            buf = ByteBuffer.allocateDirect(CHUNK);
        }
        for (int done = 0; done < n; ) {
            int k = Math.min(CHUNK, n - done);
            buf.clear().limit(k);
            source.read(offset + done, buf);
            buf.flip();
            target.write(offset + done, buf);
            done += k;
        }
    }

    /** An I/O error reported (on-error {@code report}) whose exit waits for the current reply; see {@link JobServer#deferExit}. */
    private String pendingFailure;

    final Step ioError(Job job, IoOperationType operation, IOException e) {
        String msg = e.getMessage() == null ? "Input/output error" : e.getMessage();
        BlockJobErrorEvent data = new BlockJobErrorEvent(job.id(), operation, BlockErrorAction.REPORT);
        // in order with the job's status events (a resume's running may still be on its way)
        job.postEvent(() -> server.emit(BlockJobErrorEvent.TYPE, data));
        if (server.deferExit(job)) {
            pendingFailure = msg;
            return Step.YIELD;
        }
        return exit(job, Step.fail(msg));
    }

    /** A deferred failure once the reply is out: the step to return, or null to run on. */
    final Step pendingFailure(Job job) {
        if (pendingFailure == null) {
            return null;
        }
        if (server.exitDeferred(job)) {
            return Step.YIELD;
        }
        String msg = pendingFailure;
        pendingFailure = null;
        return exit(job, Step.fail(msg));
    }

    /** The last step of run (done or failed); mirror drains its source here. */
    Step exit(Job job, Step last) {
        return last;
    }

    private static JobType type(Job job) {
        return JobType.fromWireName(job.type().wireName());
    }

    @Override
    public void onReady(Job job) {
        BlockJobReadyEvent data = new BlockJobReadyEvent(type(job), job.id(), job.progressTotal(),
                job.progressCurrent(), job.speed());
        job.postEvent(() -> server.emit(BlockJobReadyEvent.TYPE, data));
    }

    @Override
    public void onPending(Job job) {
        BlockJobPendingEvent data = new BlockJobPendingEvent(type(job), job.id());
        job.postEvent(() -> server.emit(BlockJobPendingEvent.TYPE, data));
    }

    @Override
    public void onCompleted(Job job) {
        BlockJobCompletedEvent data = new BlockJobCompletedEvent(type(job), job.id(), job.progressTotal(),
                job.progressCurrent(), job.speed(), job.error());
        job.postEvent(() -> server.emit(BlockJobCompletedEvent.TYPE, data));
    }

    @Override
    public void onCancelled(Job job) {
        BlockJobCancelledEvent data = new BlockJobCancelledEvent(type(job), job.id(), job.progressTotal(),
                job.progressCurrent(), job.speed());
        job.postEvent(() -> server.emit(BlockJobCancelledEvent.TYPE, data));
    }

    @Override
    public void clean(Job job) {
        source.users.remove(job.id());
        target.users.remove(job.id());
    }

    /** A full backup: copies every chunk once. */
    static final class Backup extends BlockJob {
        private long pos;

        Backup(JobServer server, BlockNode source, BlockNode target) {
            super(server, source, target);
        }

        @Override
        public io.github.qapi4j.runtime.job.qapi.JobType type() {
            return io.github.qapi4j.runtime.job.qapi.JobType.BACKUP;
        }

        @Override
        public Step run(Job job) {
            Step failed = pendingFailure(job);
            if (failed != null) {
                return failed;
            }
            if (job.isCancelled()) {
                return Step.done();
            }
            if (pos >= len) {
                return Step.done();
            }
            int n = (int) Math.min(stepSize(job), len - pos);
            try {
                copy(pos, n);
            } catch (IOException e) {
                return ioError(job, IoOperationType.WRITE, e);
            }
            pos += n;
            job.progressWorkDone(n);
            long delay = job.rateLimitDelay(n);
            return delay > 0 ? Step.sleep(delay) : Step.CONTINUE;
        }
    }

    /**
     * A full mirror: copies every chunk, then every chunk the source's writes make dirty; ready
     * once clean, and stays ready (copying new writes) until completed or cancelled.
     */
    static final class Mirror extends BlockJob {
        private final BitSet dirty = new BitSet();
        private final int chunks;
        private volatile boolean shouldComplete;
        private final BlockNode.WriteListener listener = this::written;

        Mirror(JobServer server, BlockNode source, BlockNode target) {
            super(server, source, target);
            chunks = (int) ((len + CHUNK - 1) / CHUNK);
            dirty.set(0, chunks);
            source.listeners.add(listener);
        }

        @Override
        public io.github.qapi4j.runtime.job.qapi.JobType type() {
            return io.github.qapi4j.runtime.job.qapi.JobType.MIRROR;
        }

        private void written(long offset, long length) {
            if (length <= 0) {
                return;
            }
            int first = (int) (offset / CHUNK);
            int last = (int) Math.min(chunks - 1, (offset + length - 1) / CHUNK);
            long added = 0;
            synchronized (dirty) {
                for (int i = first; i <= last; i++) {
                    if (!dirty.get(i)) {
                        dirty.set(i);
                        added += chunkLength(i);
                    }
                }
            }
            Job j = job;
            if (j != null && added > 0) {
                j.progressIncreaseRemaining(added);
                j.enter();
            }
        }

        private int chunkLength(int i) {
            return (int) Math.min(CHUNK, len - (long) i * CHUNK);
        }

        /** The drained section of the source from the end of run to prepare or abort (QEMU's mirror_run / mirror_exit_common). */
        private volatile JobServer.Drain exitDrain;

        /** The last step, waiting for the reply of the current command (see {@link #exit}). */
        private Step pendingExit;

        /**
         * mirror_run drains its source before it returns. QEMU drains from a coroutine through a
         * bottom half: the job yields there, so the command that woke it (complete, cancel) is
         * answered first; the exit follows.
         */
        @Override
        Step exit(Job job, Step last) {
            if (server.deferExit(job)) {
                pendingExit = last;
                return Step.YIELD;
            }
            exitDrain = server.drainedBegin(source, job);
            return last;
        }

        private void endExitDrain() {
            JobServer.Drain d = exitDrain;
            exitDrain = null;
            if (d != null) {
                server.drainedEnd(d);
            }
        }

        @Override
        public void prepare(Job job) {
            endExitDrain();
        }

        @Override
        public void abort(Job job) {
            endExitDrain();
        }

        @Override
        public Step run(Job job) {
            if (pendingExit != null) {
                if (server.exitDeferred(job)) {
                    return Step.YIELD;
                }
                Step last = pendingExit;
                pendingExit = null;
                exitDrain = server.drainedBegin(source, job);
                return last;
            }
            Step failed = pendingFailure(job);
            if (failed != null) {
                return failed;
            }
            if (job.isCancelled()) {
                return exit(job, Step.done());
            }
            int i;
            int end = 0;
            synchronized (dirty) {
                i = dirty.nextSetBit(0);
                if (i >= 0) {
                    // a run of dirty chunks, as many as one step copies
                    end = Math.min(dirty.nextClearBit(i), i + stepSize(job) / CHUNK);
                    dirty.clear(i, end);
                }
            }
            if (i >= 0) {
                int n = (int) (Math.min(len, (long) end * CHUNK) - (long) i * CHUNK);
                try {
                    copy((long) i * CHUNK, n);
                } catch (IOException e) {
                    return ioError(job, IoOperationType.WRITE, e);
                }
                job.progressWorkDone(n);
                long delay = job.rateLimitDelay(n);
                return delay > 0 ? Step.sleep(delay) : Step.CONTINUE;
            }
            if (!job.isReady()) {
                job.transitionToReady();
            }
            if (shouldComplete || job.isCancelRequested()) {
                return exit(job, Step.done());
            }
            return Step.YIELD;
        }

        @Override
        public void complete(Job job) {
            shouldComplete = true;
            job.enter();
        }

        @Override
        public boolean cancel(Job job, boolean force) {
            return force || !job.isReady();
        }

        @Override
        public void clean(Job job) {
            endExitDrain();
            source.listeners.remove(listener);
            if (job != null) {
                super.clean(job);
            }
        }
    }
}
