/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * QEMU's rate limit for events a guest can trigger at will: the first event of a kind goes out at
 * once; until the rate has passed, later ones are held, each replacing the one held before it, and
 * the last is sent when the rate has passed (then the wait starts again). Some kinds are limited
 * per instance, told apart by a data member ({@code VSERPORT_CHANGE} by {@code id}, ...). A held
 * event keeps the timestamp of when it was emitted.
 */
final class EventThrottle {
    /** QEMU 10.2's table (monitor_qapi_event_conf): one event a second of each of these. */
    static final Map<String, Duration> QEMU_RATES = Map.of(
            "RTC_CHANGE", Duration.ofSeconds(1),
            "BLOCK_IO_ERROR", Duration.ofSeconds(1),
            "WATCHDOG", Duration.ofSeconds(1),
            "BALLOON_CHANGE", Duration.ofSeconds(1),
            "QUORUM_REPORT_BAD", Duration.ofSeconds(1),
            "QUORUM_FAILURE", Duration.ofSeconds(1),
            "VSERPORT_CHANGE", Duration.ofSeconds(1),
            "MEMORY_DEVICE_SIZE_CHANGE", Duration.ofSeconds(1),
            "HV_BALLOON_STATUS_REPORT", Duration.ofSeconds(1));

    /** The data member that tells instances apart, for the kinds limited per instance. */
    static final Map<String, String> KEYS = Map.of(
            "VSERPORT_CHANGE", "id",
            "QUORUM_REPORT_BAD", "node-name",
            "MEMORY_DEVICE_SIZE_CHANGE", "qom-path");

    private record Key(String event, JsonValue instance) {}

    /** A kind (or instance) inside its wait: the event to send when it ends, if any. */
    private static final class Held {
        byte[] message;
    }

    private final Map<String, Duration> rates;
    /** Started with the first held-back kind, not with the server: most servers never need it. */
    private ScheduledExecutorService timer; // guarded by lock
    private final Consumer<byte[]> send;
    private final Object lock;
    private final Map<Key, Held> waiting = new HashMap<>();

    /**
     * @param lock held while sending, so that throttled and other events keep one order
     */
    EventThrottle(Map<String, Duration> rates, Consumer<byte[]> send, Object lock) {
        this.rates = Map.copyOf(rates);
        this.send = send;
        this.lock = lock;
    }

    /** Whether events of this kind may be held at all (data is only consulted then). */
    boolean limits(String event) {
        Duration rate = rates.get(event);
        return rate != null && !rate.isZero();
    }

    /**
     * Sends {@code message} now or holds it. {@code tree} gives the event's data as a tree, asked
     * for only when it matters (an instance key, BLOCK_IO_ERROR's action); call with the lock held.
     */
    void submit(String event, Supplier<JsonObject> tree, byte[] message) {
        Duration rate = rates.get(event);
        String keyMember = KEYS.get(event);
        JsonObject data = keyMember != null || event.equals("BLOCK_IO_ERROR") ? tree.get() : null;
        if (rate == null || rate.isZero() || event.equals("BLOCK_IO_ERROR") && data != null
                && new JsonValue.Str("stop").equals(data.get("action"))) {
            // A VM stopped by an I/O error sends no more: QEMU never merges those.
            send.accept(message);
            return;
        }
        Key key = new Key(event, keyMember == null || data == null ? null : data.get(keyMember));
        Held held = waiting.get(key);
        if (held != null) {
            held.message = message; // replaces an earlier held one
            return;
        }
        send.accept(message);
        waiting.put(key, new Held());
        schedule(key, rate);
    }

    private void schedule(Key key, Duration rate) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> QmpServer.daemon(r, "qmp-event-timer"));
        }
        timer.schedule(() -> expire(key, rate), rate.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expire(Key key, Duration rate) {
        synchronized (lock) {
            Held held = waiting.get(key);
            if (held == null) {
                return;
            }
            if (held.message != null) {
                send.accept(held.message);
                held.message = null;
                schedule(key, rate);
            } else {
                waiting.remove(key);
            }
        }
    }

    /** Stops the timer; held-back events are dropped. */
    void close() {
        synchronized (lock) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
    }
}
