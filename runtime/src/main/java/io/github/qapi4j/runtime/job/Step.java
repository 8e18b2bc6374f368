/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import java.time.Duration;
import java.util.Objects;

/**
 * What one call of {@link JobDriver#run} asks for next. A driver's run method does a slice of
 * work and returns a step; the engine passes a pause point between slices, exactly where a QEMU
 * job coroutine calls {@code job_pause_point}, {@code job_sleep_ns} or {@code job_yield}.
 */
public final class Step {
    enum Kind { CONTINUE, SLEEP, YIELD, DONE }

    /** Pass a pause point, then call run again (QEMU: {@code job_pause_point}). */
    public static final Step CONTINUE = new Step(Kind.CONTINUE, 0, null);
    /**
     * Wait until something calls {@link Job#enter()} (QEMU: {@code job_yield}); returns at once if
     * the job is force-cancelled, and pauses first if a pause is pending.
     */
    public static final Step YIELD = new Step(Kind.YIELD, 0, null);
    private static final Step DONE = new Step(Kind.DONE, 0, null);

    final Kind kind;
    final long nanos;
    final String error;

    private Step(Kind kind, long nanos, String error) {
        this.kind = kind;
        this.nanos = nanos;
        this.error = error;
    }

    /**
     * Sleep, then pass a pause point (QEMU: {@code job_sleep_ns}): skipped if the job is
     * force-cancelled, replaced by the pause if a pause is pending, cut short by a kick.
     */
    public static Step sleep(long nanos) {
        return nanos <= 0 ? CONTINUE : new Step(Kind.SLEEP, nanos, null);
    }

    public static Step sleep(Duration duration) {
        return sleep(duration.toNanos());
    }

    /** The run method returned 0: success. */
    public static Step done() {
        return DONE;
    }

    /** The run method failed with this error text (see {@link JobException}). */
    public static Step fail(String errorText) {
        return new Step(Kind.DONE, 0, Objects.requireNonNull(errorText, "errorText"));
    }

    @Override
    public String toString() {
        return kind + (kind == Kind.SLEEP ? "(" + nanos + "ns)" : error != null ? "(" + error + ")" : "");
    }
}
