/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import io.github.qapi4j.runtime.job.qapi.JobType;

/**
 * The driver SPI: what a kind of job does. The engine owns the whole lifecycle (statuses,
 * events, verbs, transactions, query-jobs); a driver supplies the work and optional hooks.
 *
 * <p>{@link #run} is called repeatedly on the engine's executor, never concurrently for one job,
 * and never with the engine lock held. Every other method is a hook the engine calls with its
 * lock held (QEMU calls them under the BQL): hooks may call back into the engine on the same
 * thread, but must not block on another thread that uses the engine.
 */
public interface JobDriver {

    /** The job's type, as {@code query-jobs} reports it. */
    JobType type();

    /**
     * Does one slice of work and says what comes next. Check {@link Job#isCancelled()} to stop
     * early; return {@link Step#done()} or {@link Step#fail(String)} (or throw {@link
     * JobException}) when finished. Any other exception fails the job with its message.
     */
    Step run(Job job) throws Exception;

    /**
     * The {@code complete} verb in ready or standby: ask the job to finish. The default has no
     * complete hook, and the engine then answers {@code The active block job '<id>' cannot be
     * completed}. May throw {@link io.github.qapi4j.runtime.qmp.QmpError}.
     */
    default void complete(Job job) {
        throw new UnsupportedOperationException("no complete hook");
    }

    /**
     * A cancel request; returns whether it is effectively forced. The default (no hook) forces
     * every cancel. A mirror-like driver returns {@code force || !job.isReady()} and treats a soft
     * cancel in ready as "finish without switching over".
     */
    default boolean cancel(Job job, boolean force) {
        return true;
    }

    /** Called at a pause point before the job pauses (e.g. wait for in-flight work). */
    default void pause(Job job) {}

    /** Called when a job leaves a pause point at which {@link #pause} was called. */
    default void resume(Job job) {}

    /** Called when a user pause is lifted (by resume, or by cancel). */
    default void userResume(Job job) {}

    /** Called after a new speed was accepted. */
    default void setSpeed(Job job, long speed) {}

    /** First pass of finalize, for every member of a transaction; throw to fail. */
    default void prepare(Job job) throws JobException {}

    /** Second pass of finalize when the job succeeded. Exactly one of commit and abort runs. */
    default void commit(Job job) {}

    /** Second pass of finalize when the job failed or was cancelled. */
    default void abort(Job job) {}

    /** Always called after commit or abort. */
    default void clean(Job job) {}

    /** Right after the {@code ready} event (block jobs send BLOCK_JOB_READY here). */
    default void onReady(Job job) {}

    /** Right after the {@code pending} event of a manual-finalize job (BLOCK_JOB_PENDING). */
    default void onPending(Job job) {}

    /** A started job finished without being force-cancelled (BLOCK_JOB_COMPLETED; {@link Job#error()}). */
    default void onCompleted(Job job) {}

    /** A started job was force-cancelled (BLOCK_JOB_CANCELLED). */
    default void onCancelled(Job job) {}
}
