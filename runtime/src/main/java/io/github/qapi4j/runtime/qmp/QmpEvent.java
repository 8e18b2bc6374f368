/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An event as a client received it. {@link #data(JsonCodec)} decodes the data with a generated
 * codec straight from the received bytes; {@link #data()} gives it as a tree.
 */
public final class QmpEvent {
    private final String name;
    private final long seconds;
    private final long microseconds;
    private final byte[] bytes;
    private final int dataStart;
    private final int dataEnd;
    private volatile JsonObject tree;

    QmpEvent(String name, long seconds, long microseconds, byte[] bytes, int dataStart, int dataEnd) {
        this.name = name;
        this.seconds = seconds;
        this.microseconds = microseconds;
        this.bytes = bytes;
        this.dataStart = dataStart;
        this.dataEnd = dataEnd;
    }

    /** The event name, e.g. {@code JOB_STATUS_CHANGE}. */
    public String name() {
        return name;
    }

    public long seconds() {
        return seconds;
    }

    public long microseconds() {
        return microseconds;
    }

    public boolean hasData() {
        return dataStart >= 0;
    }

    /** The data, or an empty object when the event has none (or data that is not an object). */
    public JsonObject data() {
        JsonObject t = tree;
        if (t == null) {
            JsonValue v = hasData() ? data(io.github.qapi4j.runtime.json.Codecs.ANY) : null;
            t = v instanceof JsonObject o ? o : JsonObject.empty();
            tree = t;
        }
        return t;
    }

    /** The data decoded by a codec's forward-compatible reader; {@code null} without data. */
    public <T> T data(JsonCodec<T> codec) {
        if (!hasData()) {
            return null;
        }
        try (var p = QemuJson.parser(bytes, dataStart, dataEnd - dataStart)) {
            p.nextToken();
            return codec.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "QmpEvent[" + name + " " + seconds + "." + String.format("%06d", microseconds)
                + (hasData() ? " " + data() : "") + "]";
    }
}
