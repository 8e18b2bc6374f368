/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic executor for tests: slices run only when the test says so, on the test's
 * thread, and timers fire only when the test fires them (QEMU's tests use aio_poll likewise).
 */
final class ManualExecutor implements JobExecutor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final List<Timer> timers = new ArrayList<>();

    private static final class Timer implements Cancellable {
        final Runnable task;
        boolean cancelled;

        Timer(Runnable task) {
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        Timer t = new Timer(task);
        timers.add(t);
        return t;
    }

    /** Runs up to {@code max} queued tasks; returns how many ran. */
    int runTasks(int max) {
        int n = 0;
        while (n < max && !tasks.isEmpty()) {
            tasks.poll().run();
            n++;
        }
        return n;
    }

    /** Runs queued tasks until none is left (a job that never sleeps would loop: capped). */
    void drain() {
        for (int i = 0; !tasks.isEmpty(); i++) {
            if (i > 100_000) {
                throw new AssertionError("tasks never drain");
            }
            tasks.poll().run();
        }
    }

    /** Fires every pending timer (whatever its delay), then drains. */
    void fireTimers() {
        List<Timer> due = new ArrayList<>(timers);
        timers.clear();
        for (Timer t : due) {
            if (!t.cancelled) {
                t.task.run();
            }
        }
        drain();
    }

    int pendingTimers() {
        return (int) timers.stream().filter(t -> !t.cancelled).count();
    }

    int queuedTasks() {
        return tasks.size();
    }
}
