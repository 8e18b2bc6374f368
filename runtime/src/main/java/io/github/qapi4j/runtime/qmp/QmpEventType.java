/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import io.github.qapi4j.runtime.json.JsonCodec;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A typed event: its wire name and how to read its data. Generated code has one constant per
 * event (e.g. {@code JobStatusChangeEvent.TYPE}, also {@code JobEvents.JOB_STATUS_CHANGE}); the
 * client's typed listeners and awaits take it.
 *
 * @param name the event name, e.g. {@code JOB_STATUS_CHANGE}
 * @param codec reads the event's {@code data} (forward-compatible)
 * @param empty the value for an event sent without {@code data}, or null when data is required
 * @param specialFeatures the event's special features ({@code CompatPolicy.DEPRECATED},
 *     {@code CompatPolicy.UNSTABLE}): a server hides such an event where its policy says so
 * @param <T> the Java type of the event's data
 */
public record QmpEventType<T>(String name, JsonCodec<T> codec, Supplier<T> empty, int specialFeatures) {
    public QmpEventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codec, "codec");
    }

    /** An event type without special features. */
    public QmpEventType(String name, JsonCodec<T> codec, Supplier<T> empty) {
        this(name, codec, empty, 0);
    }

    /** An event type whose data is required. */
    public static <T> QmpEventType<T> of(String name, JsonCodec<T> codec) {
        return new QmpEventType<>(name, codec, null);
    }

    /** Whether {@code event} is of this type. */
    public boolean matches(QmpEvent event) {
        return name.equals(event.name());
    }

    /**
     * Reads the data of an event of this type.
     *
     * @throws IllegalArgumentException if the event has another name, or lacks required data
     * @throws java.io.UncheckedIOException if the data cannot be read
     */
    public T decode(QmpEvent event) {
        if (!matches(event)) {
            throw new IllegalArgumentException("event " + event.name() + " is not " + name);
        }
        if (!event.hasData()) {
            if (empty == null) {
                throw new IllegalArgumentException("event " + name + " has no data");
            }
            return empty.get();
        }
        return event.data(codec);
    }
}
