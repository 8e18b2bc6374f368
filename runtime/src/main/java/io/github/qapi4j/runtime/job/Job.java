/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.job.qapi.JobType;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * One job: its state (guarded by the engine lock) and the calls that callers and drivers make
 * on it. The {@code job-*} commands reach these through {@link JobEngine}; block-layer style
 * callers (block-job-cancel's soft cancel, drains, set-speed) call them directly.
 */
public final class Job {
    // where the job's "coroutine" is
    static final byte NEW = 0; // not started: counts as paused
    static final byte QUEUED = 1; // a slice is queued or running: busy
    static final byte SLEEPING = 2; // waiting for its timer or a kick
    static final byte YIELDED = 3; // waiting for a kick
    static final byte PARKED = 4; // paused at a pause point
    static final byte FINISHED = 5; // run returned (deferred to the main loop), or dismissed

    private static final AtomicLongFieldUpdater<Job> CURRENT =
            AtomicLongFieldUpdater.newUpdater(Job.class, "progressCurrent");

    final JobEngine engine;
    final String id;
    final JobDriver driver;
    final boolean autoFinalize;
    final boolean autoDismiss;

    JobTxn txn;
    Job txnPrev;
    Job txnNext;
    Job listPrev;
    Job listNext;

    JobStatus status = JobStatus.UNDEFINED;
    JobStatus savedStatus;
    volatile int pauseCount = 1;
    boolean userPaused;
    boolean started;
    byte runState = NEW;
    volatile boolean cancelled;
    volatile boolean forceCancel;
    volatile String error;
    JobExecutor.Cancellable timer;
    int sleepSeq;
    Runnable task;
    long speed;
    /** Bumped by every set-speed, under the engine lock: a slice that saw it change does not sleep on a stale delay. */
    volatile int speedSeq;
    RateLimiter limiter;
    CompletableFuture<Job> finished;

    private volatile long progressCurrent;
    private volatile long progressTotal;

    Job(JobEngine engine, String id, JobDriver driver, boolean autoFinalize, boolean autoDismiss) {
        this.engine = engine;
        this.id = id;
        this.driver = driver;
        this.autoFinalize = autoFinalize;
        this.autoDismiss = autoDismiss;
    }

    // ---- identity and state -------------------------------------------------------------

    /** The id; null for an internal job. */
    public String id() {
        return id;
    }

    public JobType type() {
        return driver.type();
    }

    public JobDriver driver() {
        return driver;
    }

    public boolean isInternal() {
        return id == null;
    }

    public JobStatus status() {
        return engine.read(() -> status);
    }

    /** Outstanding pause requests: the user's (at most one) plus internal ones. */
    public int pauseCount() {
        return pauseCount;
    }

    /** Parked at a pause point, or never started. */
    public boolean isPaused() {
        return engine.read(() -> runState == NEW || runState == PARKED);
    }

    /** A slice is queued or running. */
    public boolean isBusy() {
        return engine.read(() -> runState == QUEUED);
    }

    public boolean isUserPaused() {
        return engine.read(() -> userPaused);
    }

    /** Force-cancelled: what QEMU's {@code job_is_cancelled} answers. Run methods check this. */
    public boolean isCancelled() {
        return forceCancel;
    }

    /** Any cancel requested, soft or forced ({@code job_cancel_requested}). */
    public boolean isCancelRequested() {
        return cancelled;
    }

    /** In ready or standby. */
    public boolean isReady() {
        JobStatus s = status();
        return s == JobStatus.READY || s == JobStatus.STANDBY;
    }

    public boolean isAutoFinalize() {
        return autoFinalize;
    }

    public boolean isAutoDismiss() {
        return autoDismiss;
    }

    /** The error text once the job failed or was cancelled ({@code query-jobs} "error"). */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The set-speed value; 0 is unlimited. */
    public long speed() {
        return engine.read(() -> speed);
    }

    /** Completes (with this job) when the job is concluded, or dismissed before it started. */
    public CompletableFuture<Job> finished() {
        return engine.finishedFuture(this);
    }

    // ---- progress (thread-safe; current only grows) -------------------------------------

    public long progressCurrent() {
        return progressCurrent;
    }

    public long progressTotal() {
        return progressTotal;
    }

    /** Adds done work to current (and nothing to total). */
    public void progressWorkDone(long done) {
        if (done < 0) {
            throw new IllegalArgumentException("negative progress " + done);
        }
        CURRENT.addAndGet(this, done);
    }

    /** total = current + remaining. */
    public void progressSetRemaining(long remaining) {
        progressTotal = progressCurrent + remaining;
    }

    /** Adds to total. */
    public void progressIncreaseRemaining(long delta) {
        synchronized (this) {
            progressTotal += delta;
        }
    }

    // ---- lifecycle calls ----------------------------------------------------------------

    /** Starts a created job: created -> running; its first slice runs on the executor. */
    public void start() {
        engine.start(this);
    }

    /** Destroys a job that never started (created -> null), e.g. when setup failed. */
    public void earlyFail() {
        engine.earlyFail(this);
    }

    /** An internal pause (a drain): counted, nests, invisible except through its events. */
    public void pause() {
        engine.pause(this);
    }

    /** Lifts one internal pause. */
    public void resume() {
        engine.resume(this);
    }

    /** The pause verb: verb check, then {@code Job is already paused}. */
    public void userPause() {
        engine.userPause(this);
    }

    /** The resume verb: {@code Can't resume a job that was not paused} first, then the verb check. */
    public void userResume() {
        engine.userResume(this);
    }

    /**
     * The cancel verb with a force flag: job-cancel always forces; block-job-cancel's default
     * soft cancel is {@code userCancel(false)}.
     */
    public void userCancel(boolean force) {
        engine.userCancel(this, force);
    }

    /** Cancel without the verb check (QEMU's {@code job_cancel}); dismisses a concluded job. */
    public void cancel(boolean force) {
        engine.cancel(this, force);
    }

    public void complete() {
        engine.complete(this);
    }

    public void finalizeJob() {
        engine.finalizeJob(this);
    }

    public void dismiss() {
        engine.dismiss(this);
    }

    /** set-speed: verb check, non-negative check, driver hook, and a kick when raised. */
    public void setSpeed(long speed) {
        engine.setSpeed(this, speed);
    }

    // ---- calls for drivers --------------------------------------------------------------

    /** running -> ready, then {@link JobDriver#onReady}. */
    public void transitionToReady() {
        engine.transitionToReady(this);
    }

    /**
     * Queues {@code delivery} (e.g. sending BLOCK_JOB_COMPLETED) to run in event order: after
     * every status event so far and before any later one, outside the engine lock. Hooks use
     * this so that their own events interleave correctly with JOB_STATUS_CHANGE.
     */
    public void postEvent(Runnable delivery) {
        engine.postEvent(delivery);
    }

    /** Wakes a job that yielded or sleeps (QEMU's {@code job_enter}). */
    public void enter() {
        engine.enter(this);
    }

    /** Records units processed at the set speed; returns the nanoseconds to sleep (0: none). */
    public long rateLimitDelay(long units) {
        RateLimiter l;
        synchronized (this) {
            l = limiter;
        }
        return l == null ? 0 : l.delayAfter(units);
    }

    @Override
    public String toString() {
        return "Job[" + (id == null ? "(internal)" : id) + " " + driver.type().wireName() + "]";
    }
}
