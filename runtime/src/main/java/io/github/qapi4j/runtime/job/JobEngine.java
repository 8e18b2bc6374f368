/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import io.github.qapi4j.runtime.job.qapi.JobCommands;
import io.github.qapi4j.runtime.job.qapi.JobEvents;
import io.github.qapi4j.runtime.job.qapi.JobInfo;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.job.qapi.JobStatusChangeEvent;
import io.github.qapi4j.runtime.job.qapi.JobVerb;
import io.github.qapi4j.runtime.qmp.QmpError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The job engine: QEMU's {@code job.c} and {@code job-qmp.c} in Java. It keeps the job list,
 * applies the status and verb tables, runs drivers cooperatively on a {@link JobExecutor},
 * groups transactions, and emits {@code JOB_STATUS_CHANGE} through {@link JobEvents}.
 *
 * <p>Concurrency: one engine lock guards all job state (QEMU's job mutex). Verbs may come from
 * any number of threads. Events are queued under the lock and delivered outside it, one at a
 * time, in the order of the transitions; a verb returns after its own events were delivered,
 * and a listener may call back into the engine (its events follow once it returns).
 */
public final class JobEngine implements JobCommands {
    /** Slices a worker runs for one job before it re-queues it, for fairness. */
    private static final int SLICE_BUDGET = 16;
    private static final int ENTER_ANY = 0;
    private static final int ENTER_IF_TIMER_NOT_PENDING = 1;
    private static final int ENTER_IF_TIMER_PENDING = 2;

    final ReentrantLock lock = new ReentrantLock();
    private final EventQueue events;
    private final JobExecutor executor;
    private final Map<String, Job> byId = new HashMap<>();
    private Job head; // newest job first

    /** An engine on the shared default executor. */
    public JobEngine(JobEvents listener) {
        this(listener, JobExecutor.shared());
    }

    public JobEngine(JobEvents listener, JobExecutor executor) {
        this.events = new EventQueue(Objects.requireNonNull(listener, "listener"));
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    // ==== creation ========================================================================

    /** A new, empty transaction for grouped completion. */
    public JobTxn newTransaction() {
        return new JobTxn();
    }

    /** Creates a job with auto-finalize and auto-dismiss in a transaction of its own. */
    public Job create(String id, JobDriver driver) {
        return create(id, driver, null, true, true);
    }

    /**
     * Creates a job (undefined -> created) and puts it at the head of the job list and of its
     * transaction ({@code txn} null: a private one). Errors are QEMU's: {@code An explicit job ID
     * is required}, {@code Invalid job ID '<id>'}, {@code Job ID '<id>' already in use}.
     */
    public Job create(String id, JobDriver driver, JobTxn txn, boolean autoFinalize, boolean autoDismiss) {
        Objects.requireNonNull(driver, "driver");
        lock.lock();
        try {
            if (id == null) {
                throw QmpError.generic("An explicit job ID is required");
            }
            if (!isWellFormed(id)) {
                throw QmpError.generic("Invalid job ID '" + id + "'");
            }
            if (byId.containsKey(id)) {
                throw QmpError.generic("Job ID '" + id + "' already in use");
            }
            return register(new Job(this, id, driver, autoFinalize, autoDismiss), txn);
        } finally {
            unlockAndFlush(true);
        }
    }

    /** Creates an internal job: no id, no events, not in query-jobs, always auto. */
    public Job createInternal(JobDriver driver, JobTxn txn) {
        Objects.requireNonNull(driver, "driver");
        lock.lock();
        try {
            return register(new Job(this, null, driver, true, true), txn);
        } finally {
            unlockAndFlush(true);
        }
    }

    /** QEMU's {@code id_wellformed}: an ASCII letter, then letters, digits, '-', '.', '_'. */
    public static boolean isWellFormed(String id) {
        if (id.isEmpty() || !isAsciiLetter(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private Job register(Job job, JobTxn txn) {
        transition(job, JobStatus.CREATED);
        job.listNext = head;
        if (head != null) {
            head.listPrev = job;
        }
        head = job;
        if (job.id != null) {
            byId.put(job.id, job);
        }
        (txn != null ? txn : new JobTxn()).addFirst(job);
        return job;
    }

    // ==== lookup and the job-* commands ===================================================

    /** The job with this id, if it is still in the list (until it is dismissed). */
    public Optional<Job> find(String id) {
        return Optional.ofNullable(read(() -> byId.get(id)));
    }

    private Job lookup(String id) {
        Job job = byId.get(id);
        if (job == null) {
            throw QmpError.generic("Job not found");
        }
        return job;
    }

    @Override
    public void jobPause(String id) {
        lock.lock();
        try {
            doUserPause(lookup(id));
        } finally {
            unlockAndFlush(true);
        }
    }

    @Override
    public void jobResume(String id) {
        lock.lock();
        try {
            doUserResume(lookup(id));
        } finally {
            unlockAndFlush(true);
        }
    }

    @Override
    public void jobCancel(String id) {
        lock.lock();
        try {
            Job job = lookup(id);
            applyVerb(job, JobVerb.CANCEL);
            doCancel(job, true);
        } finally {
            unlockAndFlush(true);
        }
    }

    @Override
    public void jobComplete(String id) {
        lock.lock();
        try {
            doComplete(lookup(id));
        } finally {
            unlockAndFlush(true);
        }
    }

    @Override
    public void jobDismiss(String id) {
        lock.lock();
        try {
            Job job = lookup(id);
            applyVerb(job, JobVerb.DISMISS);
            doDismiss(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    @Override
    public void jobFinalize(String id) {
        lock.lock();
        try {
            Job job = lookup(id);
            applyVerb(job, JobVerb.FINALIZE);
            doFinalize(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    /** Every non-internal job, newest first, until it is dismissed. */
    @Override
    public List<JobInfo> queryJobs() {
        lock.lock();
        try {
            List<JobInfo> list = new ArrayList<>();
            for (Job j = head; j != null; j = j.listNext) {
                if (j.id != null) {
                    list.add(new JobInfo(j.id, j.driver.type(), j.status, j.progressCurrent(),
                            j.progressTotal(), Optional.ofNullable(j.error)));
                }
            }
            return list;
        } finally {
            unlockAndFlush(true);
        }
    }

    /** Force-cancels every job (shutdown); concluded jobs are dismissed. Does not wait. */
    public void cancelAll() {
        lock.lock();
        try {
            List<Job> all = new ArrayList<>();
            for (Job j = head; j != null; j = j.listNext) {
                all.add(j);
            }
            for (Job j : all) {
                if (j.status != JobStatus.ABORTING && j.status != JobStatus.NULL) {
                    doCancel(j, true);
                }
            }
        } finally {
            unlockAndFlush(true);
        }
    }

    // ==== entry points used by Job ========================================================

    <T> T read(Supplier<T> reader) {
        lock.lock();
        try {
            return reader.get();
        } finally {
            lock.unlock();
        }
    }

    void start(Job job) {
        lock.lock();
        try {
            if (job.started || job.status != JobStatus.CREATED) {
                throw new IllegalStateException(job + " cannot start in status " + job.status.wireName());
            }
            job.started = true;
            job.pauseCount--;
            job.runState = Job.QUEUED;
            job.task = () -> runSlices(job);
            transition(job, JobStatus.RUNNING);
            // the coroutine's first act is a pause point
            if (!pausePoint(job)) {
                executor.execute(job.task);
            }
        } finally {
            unlockAndFlush(true);
        }
    }

    void earlyFail(Job job) {
        lock.lock();
        try {
            if (job.status != JobStatus.CREATED || job.started) {
                throw new IllegalStateException(job + " is not a created job");
            }
            doDismiss(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    void pause(Job job) {
        lock.lock();
        try {
            doPause(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    void resume(Job job) {
        lock.lock();
        try {
            doResume(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    void userPause(Job job) {
        lock.lock();
        try {
            doUserPause(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    void userResume(Job job) {
        lock.lock();
        try {
            doUserResume(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    void userCancel(Job job, boolean force) {
        lock.lock();
        try {
            applyVerb(job, JobVerb.CANCEL);
            doCancel(job, force);
        } finally {
            unlockAndFlush(true);
        }
    }

    void cancel(Job job, boolean force) {
        lock.lock();
        try {
            doCancel(job, force);
        } finally {
            unlockAndFlush(true);
        }
    }

    void complete(Job job) {
        lock.lock();
        try {
            doComplete(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    void finalizeJob(Job job) {
        lock.lock();
        try {
            applyVerb(job, JobVerb.FINALIZE);
            doFinalize(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    void dismiss(Job job) {
        lock.lock();
        try {
            applyVerb(job, JobVerb.DISMISS);
            doDismiss(job);
        } finally {
            unlockAndFlush(true);
        }
    }

    void setSpeed(Job job, long speed) {
        lock.lock();
        try {
            applyVerb(job, JobVerb.SET_SPEED);
            if (speed < 0) {
                throw QmpError.generic("Parameter 'speed' expects a non-negative value");
            }
            long old = job.speed;
            job.speed = speed;
            job.speedSeq++;
            synchronized (job) {
                if (job.limiter == null) {
                    job.limiter = new RateLimiter();
                }
                job.limiter.setSpeed(speed);
            }
            hook(() -> job.driver.setSpeed(job, speed));
            if (speed != 0 && speed <= old) {
                return;
            }
            enterCond(job, ENTER_IF_TIMER_PENDING); // recompute the delay at once
        } finally {
            unlockAndFlush(true);
        }
    }

    void transitionToReady(Job job) {
        lock.lock();
        try {
            transition(job, JobStatus.READY);
            hook(() -> job.driver.onReady(job));
        } finally {
            unlockAndFlush(false);
        }
    }

    void postEvent(Runnable delivery) {
        Objects.requireNonNull(delivery, "delivery");
        lock.lock();
        try {
            events.add(delivery);
        } finally {
            unlockAndFlush(false);
        }
    }

    void enter(Job job) {
        lock.lock();
        try {
            enterCond(job, ENTER_ANY);
        } finally {
            unlockAndFlush(false);
        }
    }

    CompletableFuture<Job> finishedFuture(Job job) {
        lock.lock();
        try {
            if (job.finished == null) {
                job.finished = new CompletableFuture<>();
                if (job.status == JobStatus.CONCLUDED || job.status == JobStatus.NULL) {
                    job.finished.complete(job);
                }
            }
            return job.finished;
        } finally {
            lock.unlock();
        }
    }

    private void unlockAndFlush(boolean waitForOwnEvents) {
        lock.unlock();
        if (!lock.isHeldByCurrentThread()) {
            events.flush(waitForOwnEvents);
        }
    }

    // ==== the state machine (all with the lock held) ======================================

    private void transition(Job job, JobStatus to) {
        JobStatus from = job.status;
        if (!JobTables.canTransition(from, to)) {
            throw new IllegalStateException("illegal transition " + from.wireName() + " -> "
                    + to.wireName() + " for " + job);
        }
        job.status = to;
        if (job.id != null && from != to) {
            events.add(new JobStatusChangeEvent(job.id, to));
        }
        if ((to == JobStatus.CONCLUDED || to == JobStatus.NULL) && job.finished != null) {
            CompletableFuture<Job> f = job.finished;
            events.add((Runnable) () -> f.complete(job));
        }
    }

    private static void applyVerb(Job job, JobVerb verb) {
        if (!JobTables.accepts(job.status, verb)) {
            throw QmpError.generic("Job '" + job.id + "' in state '" + job.status.wireName()
                    + "' cannot accept command verb '" + verb.wireName() + "'");
        }
    }

    private static void hook(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            EventQueue.report(e);
        }
    }

    private void doUserPause(Job job) {
        applyVerb(job, JobVerb.PAUSE);
        if (job.userPaused) {
            throw QmpError.generic("Job is already paused");
        }
        job.userPaused = true;
        doPause(job);
    }

    private void doUserResume(Job job) {
        // QEMU checks this before the verb table
        if (!job.userPaused || job.pauseCount <= 0) {
            throw QmpError.generic("Can't resume a job that was not paused");
        }
        applyVerb(job, JobVerb.RESUME);
        hook(() -> job.driver.userResume(job));
        job.userPaused = false;
        doResume(job);
    }

    private void doPause(Job job) {
        job.pauseCount++;
        if (job.runState != Job.NEW && job.runState != Job.PARKED) {
            enterCond(job, ENTER_ANY);
        }
    }

    private void doResume(Job job) {
        if (job.pauseCount <= 0) {
            throw new IllegalStateException(job + " is not paused");
        }
        job.pauseCount--;
        if (job.pauseCount == 0) {
            enterCond(job, ENTER_IF_TIMER_NOT_PENDING);
        }
    }

    private void doComplete(Job job) {
        applyVerb(job, JobVerb.COMPLETE);
        String refusal = "The active block job '" + job.id + "' cannot be completed";
        if (job.cancelled) {
            throw QmpError.generic(refusal);
        }
        try {
            job.driver.complete(job);
        } catch (UnsupportedOperationException e) {
            throw QmpError.generic(refusal);
        }
    }

    private void doCancel(Job job, boolean force) {
        if (job.status == JobStatus.NULL) {
            return; // already gone
        }
        if (job.status == JobStatus.CONCLUDED) {
            doDismiss(job);
            return;
        }
        cancelAsync(job, force);
        if (!job.started) {
            // a job that never ran can only be cancelled for good
            job.forceCancel = true;
            job.runState = Job.FINISHED;
            completed(job);
        } else if (job.runState == Job.FINISHED) {
            if (job.forceCancel) {
                txnAbort(job);
            }
        } else {
            enterCond(job, ENTER_ANY);
        }
    }

    private void cancelAsync(Job job, boolean force) {
        boolean requested = force;
        boolean effective;
        try {
            effective = job.driver.cancel(job, requested);
        } catch (RuntimeException e) {
            EventQueue.report(e);
            effective = true;
        }
        if (job.userPaused) {
            hook(() -> job.driver.userResume(job));
            job.userPaused = false;
            job.pauseCount--;
        }
        // a soft cancel after run returned is ignored
        if (effective || job.runState != Job.FINISHED) {
            job.cancelled = true;
            if (effective) {
                job.forceCancel = true;
            }
        }
    }

    /** QEMU's {@code job_enter_cond}: wake a started, idle job. */
    private void enterCond(Job job, int condition) {
        byte state = job.runState;
        if (state == Job.NEW || state == Job.FINISHED || state == Job.QUEUED) {
            return;
        }
        boolean timerPending = job.timer != null;
        if ((condition == ENTER_IF_TIMER_NOT_PENDING && timerPending)
                || (condition == ENTER_IF_TIMER_PENDING && !timerPending)) {
            return;
        }
        if (timerPending) {
            job.timer.cancel();
            job.timer = null;
        }
        job.runState = Job.QUEUED;
        if (state == Job.PARKED) {
            // leave the pause point: back to running or ready
            transition(job, job.savedStatus);
            hook(() -> job.driver.resume(job));
            executor.execute(job.task);
        } else if (!pausePoint(job)) { // back from a sleep or yield: a pause point follows
            executor.execute(job.task);
        }
    }

    /** QEMU's {@code job_pause_point}; true if the job parked. */
    private boolean pausePoint(Job job) {
        if (job.pauseCount <= 0 || job.forceCancel) {
            return false;
        }
        hook(() -> job.driver.pause(job));
        if (job.pauseCount > 0 && !job.forceCancel) {
            job.savedStatus = job.status;
            transition(job, job.status == JobStatus.READY ? JobStatus.STANDBY : JobStatus.PAUSED);
            job.runState = Job.PARKED;
            return true;
        }
        hook(() -> job.driver.resume(job));
        return false;
    }

    private void timerFired(Job job, int seq) {
        lock.lock();
        try {
            if (job.runState == Job.SLEEPING && job.sleepSeq == seq) {
                job.timer = null;
                enterCond(job, ENTER_ANY);
            }
        } finally {
            unlockAndFlush(false);
        }
    }

    /** A worker runs slices of one job until it sleeps, yields, parks, finishes or uses its budget. */
    private void runSlices(Job job) {
        for (int budget = SLICE_BUDGET; ; ) {
            Step step;
            int speedSeq = job.speedSeq;
            try {
                step = job.driver.run(job);
                if (step == null) {
                    step = Step.fail("run returned no step");
                }
            } catch (JobException e) {
                step = Step.fail(e.getMessage());
            } catch (Exception e) {
                step = Step.fail(e.getMessage() != null ? e.getMessage() : e.toString());
            }
            // fast path: a pause point with no pause pending does nothing
            if (step.kind != Step.Kind.CONTINUE || (job.pauseCount > 0 && !job.forceCancel)) {
                lock.lock();
                try {
                    if (step.kind == Step.Kind.SLEEP && job.speedSeq != speedSeq && !job.forceCancel) {
                        // set-speed came while the slice ran (in QEMU it wakes the sleep at once):
                        // no stale delay; the next slice computes it at the new speed
                        step = Step.CONTINUE;
                    }
                    if (afterSlice(job, step)) {
                        return;
                    }
                } finally {
                    unlockAndFlush(false);
                }
            }
            if (--budget == 0) {
                executor.execute(job.task);
                return;
            }
        }
    }

    /** Handles a slice's step; true when the worker must stop running this job. */
    private boolean afterSlice(Job job, Step step) {
        switch (step.kind) {
            case DONE:
                job.runState = Job.FINISHED;
                if (step.error != null) {
                    job.error = step.error;
                }
                completed(job);
                return true;
            case SLEEP:
                if (job.forceCancel) {
                    return false; // sleeping is skipped, and so is the pause point
                }
                if (job.pauseCount == 0) {
                    int seq = ++job.sleepSeq;
                    job.runState = Job.SLEEPING;
                    job.timer = executor.schedule(() -> timerFired(job, seq), step.nanos);
                    return true;
                }
                return pausePoint(job);
            case YIELD:
                if (job.forceCancel) {
                    return false;
                }
                if (job.pauseCount == 0) {
                    job.runState = Job.YIELDED;
                    return true;
                }
                return pausePoint(job);
            default:
                return pausePoint(job);
        }
    }

    /** QEMU's {@code job_completed}, after run returned (or a never-started job was cancelled). */
    private void completed(Job job) {
        updateResult(job);
        if (job.error != null) {
            txnAbort(job);
        } else {
            txnSuccess(job);
        }
    }

    /** QEMU's {@code job_update_rc}. */
    private void updateResult(Job job) {
        if (job.error == null && job.forceCancel) {
            job.error = JobException.OPERATION_CANCELED;
        }
        if (job.error != null) {
            transition(job, JobStatus.ABORTING);
        }
    }

    private void txnSuccess(Job job) {
        transition(job, JobStatus.WAITING);
        JobTxn txn = job.txn;
        if (txn.aborting) {
            continueAbort(txn);
            return;
        }
        for (Job o = txn.head; o != null; o = o.txnNext) {
            if (!JobTables.isCompleted(o.status)) {
                return;
            }
        }
        boolean manual = false;
        for (Job o : txn.members()) {
            transition(o, JobStatus.PENDING);
            if (!o.autoFinalize) {
                manual = true;
                hook(() -> o.driver.onPending(o));
            }
        }
        if (!manual) {
            doFinalize(job);
        }
    }

    /** Prepare every member, then finalize each, or abort the transaction. */
    private void doFinalize(Job job) {
        Job[] members = job.txn.members();
        Job failed = null;
        for (Job o : members) {
            if (o.error == null) {
                try {
                    o.driver.prepare(o);
                } catch (JobException e) {
                    o.error = e.getMessage();
                } catch (RuntimeException e) {
                    o.error = e.getMessage() != null ? e.getMessage() : e.toString();
                }
                updateResult(o);
            }
            if (o.error != null) {
                failed = o;
                break;
            }
        }
        if (failed != null) {
            // Deliberately the failed member, so that every other member is cancelled (QEMU
            // passes the finalized job, which would let a healthy member commit).
            txnAbort(failed);
        } else {
            for (Job o : members) {
                finalizeSingle(o);
            }
        }
    }

    /** QEMU's {@code job_completed_txn_abort}, made asynchronous: see {@link #continueAbort}. */
    private void txnAbort(Job job) {
        JobTxn txn = job.txn;
        if (txn.aborting) {
            continueAbort(txn);
            return;
        }
        txn.aborting = true;
        for (Job o : txn.members()) {
            if (o != job) {
                cancelAsync(o, true);
            }
        }
        continueAbort(txn);
    }

    /**
     * Finalizes members strictly in list order. QEMU waits synchronously for a member whose run
     * has not returned; here the loop kicks it and stops, and that member's completion resumes
     * the loop, which yields the same order of events without blocking a thread.
     */
    private void continueAbort(JobTxn txn) {
        if (txn.abortLoopActive) {
            return;
        }
        txn.abortLoopActive = true;
        try {
            Job o;
            while ((o = txn.head) != null) {
                if (!JobTables.isCompleted(o.status)) {
                    if (!o.started) {
                        o.forceCancel = true;
                        o.runState = Job.FINISHED;
                        updateResult(o);
                    } else {
                        enterCond(o, ENTER_ANY);
                        return;
                    }
                }
                finalizeSingle(o);
            }
        } finally {
            txn.abortLoopActive = false;
        }
    }

    /** QEMU's {@code job_finalize_single}. */
    private void finalizeSingle(Job job) {
        updateResult(job);
        if (job.error == null) {
            hook(() -> job.driver.commit(job));
        } else {
            hook(() -> job.driver.abort(job));
        }
        hook(() -> job.driver.clean(job));
        if (job.started) {
            if (job.forceCancel) {
                hook(() -> job.driver.onCancelled(job));
            } else {
                hook(() -> job.driver.onCompleted(job));
            }
        }
        if (job.txn != null) {
            job.txn.remove(job);
        }
        transition(job, JobStatus.CONCLUDED);
        if (job.autoDismiss || !job.started) {
            doDismiss(job);
        }
    }

    private void doDismiss(Job job) {
        job.runState = Job.FINISHED;
        if (job.txn != null) {
            job.txn.remove(job);
        }
        transition(job, JobStatus.NULL);
        if (job.listPrev != null) {
            job.listPrev.listNext = job.listNext;
        } else if (head == job) {
            head = job.listNext;
        }
        if (job.listNext != null) {
            job.listNext.listPrev = job.listPrev;
        }
        job.listPrev = null;
        job.listNext = null;
        if (job.id != null) {
            byId.remove(job.id);
        }
    }
}
