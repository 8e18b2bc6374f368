/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import io.github.qapi4j.runtime.job.qapi.JobEvents;
import io.github.qapi4j.runtime.job.qapi.JobStatusChangeEvent;
import java.util.ArrayDeque;

/**
 * Delivers events in the order the engine produced them, one at a time, never under the engine
 * lock. Events are added with the engine lock held, so their order is the engine's order of
 * transitions. One thread at a time delivers; a thread that finishes a verb waits until the
 * events it produced have been delivered (so they precede its return, as in QEMU), except
 * when it is itself the delivering thread, i.e. a listener called back into the engine: then
 * its events follow once the listener returns.
 */
final class EventQueue {
    private final JobEvents listener;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private long added;
    private long delivered;
    private int waiters;
    private Thread deliverer;

    EventQueue(JobEvents listener) {
        this.listener = listener;
    }

    /** Adds a status event or a {@link Runnable} to run in order; caller holds the engine lock. */
    synchronized void add(Object event) {
        queue.add(event);
        added++;
    }

    /**
     * Delivers pending events. With {@code waitForOwn}, returns only once every event added
     * before this call has been delivered (unless called from a listener).
     */
    void flush(boolean waitForOwn) {
        synchronized (this) {
            Thread me = Thread.currentThread();
            if (deliverer == me) {
                return;
            }
            long target = added;
            if (deliverer != null) {
                if (!waitForOwn) {
                    return; // the delivering thread will pick our events up
                }
                boolean interrupted = false;
                waiters++;
                try {
                    while (deliverer != null && delivered < target) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                } finally {
                    waiters--;
                    if (interrupted) {
                        me.interrupt();
                    }
                }
                if (delivered >= target) {
                    return;
                }
            }
            if (queue.isEmpty()) {
                return;
            }
            deliverer = me;
        }
        deliverAll();
    }

    private void deliverAll() {
        Object event;
        synchronized (this) {
            event = queue.poll();
        }
        while (true) {
            try {
                if (event instanceof JobStatusChangeEvent) {
                    listener.jobStatusChange((JobStatusChangeEvent) event);
                } else {
                    ((Runnable) event).run();
                }
            } catch (RuntimeException | Error e) {
                report(e);
            }
            synchronized (this) {
                delivered++;
                event = queue.poll();
                if (event == null) {
                    deliverer = null;
                }
                if (waiters > 0) {
                    notifyAll();
                }
                if (event == null) {
                    return;
                }
            }
        }
    }

    static void report(Throwable t) {
        Thread me = Thread.currentThread();
        me.getUncaughtExceptionHandler().uncaughtException(me, t);
    }
}
