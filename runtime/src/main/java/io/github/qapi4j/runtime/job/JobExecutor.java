/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where job slices run and where sleep timers fire. Jobs never own a thread: a job that sleeps,
 * yields or is paused costs no thread at all.
 */
public interface JobExecutor {

    /** Runs a job slice soon, on some thread. */
    void execute(Runnable task);

    /** Runs {@code task} after the delay unless cancelled first. */
    Cancellable schedule(Runnable task, long delayNanos);

    /** A scheduled timer. */
    interface Cancellable {
        void cancel();
    }

    /** An executor over a worker pool and a timer service that the caller owns. */
    static JobExecutor of(Executor workers, ScheduledExecutorService timers) {
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(timers, "timers");
        return new JobExecutor() {
            @Override
            public void execute(Runnable task) {
                workers.execute(task);
            }

            @Override
            public Cancellable schedule(Runnable task, long delayNanos) {
                ScheduledFuture<?> f = timers.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            }
        };
    }

    /**
     * The default: a FIFO fork-join pool with one daemon thread per processor and one daemon
     * timer thread, created on first use and shared by every engine that does not bring its own.
     */
    static JobExecutor shared() {
        return Shared.INSTANCE;
    }

    /** Holder for the lazily created default executor. */
    final class Shared {
        static final JobExecutor INSTANCE = create();

        private Shared() {}

        private static JobExecutor create() {
            AtomicInteger n = new AtomicInteger();
            ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
                var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setDaemon(true);
                t.setName("qapi4j-job-" + n.incrementAndGet());
                return t;
            };
            ForkJoinPool workers = new ForkJoinPool(
                    Runtime.getRuntime().availableProcessors(), factory, null, true);
            ThreadFactory timerFactory = r -> {
                Thread t = new Thread(r, "qapi4j-job-timer");
                t.setDaemon(true);
                return t;
            };
            ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, timerFactory);
            timers.setRemoveOnCancelPolicy(true);
            return of(workers, timers);
        }
    }
}
