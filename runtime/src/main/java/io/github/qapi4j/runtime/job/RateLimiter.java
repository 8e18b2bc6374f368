/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import java.util.function.LongSupplier;

/**
 * A slice-based rate limiter with QEMU's behaviour ({@code ratelimit.h}), for set-speed.
 * A driver records each chunk after copying it and sleeps for the delay it gets back. The first
 * chunk always goes through; once a slice's quota is used, the slice is stretched to
 * {@code dispatched / quota} slices and the caller sleeps until its end. Thread-safe.
 */
public final class RateLimiter {
    /** QEMU's block-job slice: 100 ms. */
    public static final long DEFAULT_SLICE_NANOS = 100_000_000L;

    private final LongSupplier clock;
    private long sliceNanos;
    private long sliceQuota; // 0: unlimited
    private long sliceStart;
    private long sliceEnd;
    private long dispatched;

    /** An unlimited limiter on {@link System#nanoTime()}. */
    public RateLimiter() {
        this(System::nanoTime);
    }

    /** An unlimited limiter on the given nanosecond clock (for tests). */
    public RateLimiter(LongSupplier clock) {
        this.clock = clock;
    }

    /** Sets units per second with {@link #DEFAULT_SLICE_NANOS}; 0 means unlimited. */
    public void setSpeed(long unitsPerSecond) {
        setSpeed(unitsPerSecond, DEFAULT_SLICE_NANOS);
    }

    /** Sets units per second and the slice length; 0 means unlimited. The quota is at least 1. */
    public synchronized void setSpeed(long unitsPerSecond, long sliceNanos) {
        if (unitsPerSecond < 0 || sliceNanos <= 0) {
            throw new IllegalArgumentException("speed " + unitsPerSecond + ", slice " + sliceNanos);
        }
        this.sliceNanos = sliceNanos;
        this.sliceQuota = unitsPerSecond == 0
                ? 0
                : Math.max(1L, (long) ((double) unitsPerSecond * sliceNanos / 1_000_000_000L));
    }

    /** The quota per slice, 0 when unlimited. */
    public synchronized long sliceQuota() {
        return sliceQuota;
    }

    /**
     * Records {@code units} just processed and returns how long to sleep before the next chunk,
     * in nanoseconds (0: go on).
     */
    public synchronized long delayAfter(long units) {
        if (sliceQuota == 0) {
            return 0;
        }
        long now = clock.getAsLong();
        if (sliceEnd - now < 0) {
            // the previous (possibly stretched) slice is over: start accounting afresh
            sliceStart = now;
            sliceEnd = now + sliceNanos;
            dispatched = 0;
        }
        dispatched += units;
        if (dispatched < sliceQuota) {
            return 0;
        }
        double slices = (double) dispatched / sliceQuota;
        sliceEnd = sliceStart + (long) (slices * sliceNanos);
        return Math.max(0, sliceEnd - now);
    }
}
