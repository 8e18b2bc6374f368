/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable JSON object that remembers insertion order and can also list its members in the
 * order QEMU's QDict iterates them ({@link #qdictOrder()}), which decides which error QEMU reports
 * first when several members are wrong.
 */
public final class JsonObject implements JsonValue {
    private static final JsonObject EMPTY = new JsonObject(new String[0], new JsonValue[0], 0);
    /** Objects with more members than this get a hash index; smaller ones are scanned. */
    private static final int INDEX_THRESHOLD = 8;

    private final String[] names;
    private final JsonValue[] values;
    private final int size;
    private final Map<String, Integer> index;

    private JsonObject(String[] names, JsonValue[] values, int size) {
        this.names = names;
        this.values = values;
        this.size = size;
        if (size > INDEX_THRESHOLD) {
            Map<String, Integer> m = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                m.put(names[i], i);
            }
            this.index = m;
        } else {
            this.index = null;
        }
    }

    public static JsonObject empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An object from alternating names and values: {@code of("a", v1, "b", v2)}. */
    public static JsonObject of(Object... namesAndValues) {
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.put((String) namesAndValues[i], (JsonValue) namesAndValues[i + 1]);
        }
        return b.build();
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Position of a member in insertion order, or -1. */
    public int indexOf(String name) {
        if (index != null) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The member's value, or {@code null} when absent (a JSON null is {@link JsonValue.Null}). */
    public JsonValue get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The i-th member name in insertion order. */
    public String name(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return names[i];
    }

    /** The i-th member value in insertion order. */
    public JsonValue value(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return values[i];
    }

    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names).subList(0, size));
    }

    /**
     * Member positions in QEMU's QDict iteration order: by hash bucket ({@link QDictOrder}), and
     * within a bucket the most recently inserted first.
     */
    public int[] qdictOrder() {
        Integer[] order = new Integer[size];
        int[] bucket = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
            bucket[i] = QDictOrder.bucket(names[i]);
        }
        Arrays.sort(order, (a, b) -> bucket[a] != bucket[b] ? Integer.compare(bucket[a], bucket[b])
                : Integer.compare(b, a));
        int[] result = new int[size];
        for (int i = 0; i < size; i++) {
            result[i] = order[i];
        }
        return result;
    }

    @Override
    public String kind() {
        return "object";
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < size; i++) {
            g.writeFieldName(names[i]);
            values[i].write(g);
        }
        g.writeEndObject();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JsonObject other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!values[i].equals(other.get(names[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < size; i++) {
            h += names[i].hashCode() ^ values[i].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return QemuJson.toJson(this);
    }

    /** Builds an object; {@link #put} refuses duplicate names, as QEMU's parser does. */
    public static final class Builder {
        private String[] names = new String[4];
        private JsonValue[] values = new JsonValue[4];
        private int size;

        private Builder() {
        }

        /** Adds a member; returns {@code false} (and adds nothing) if the name is already there. */
        public boolean tryPut(String name, JsonValue value) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return false;
                }
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = java.util.Objects.requireNonNull(value, "value");
            size++;
            return true;
        }

        public Builder put(String name, JsonValue value) {
            if (!tryPut(name, value)) {
                throw new IllegalArgumentException("duplicate key " + name);
            }
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, new JsonValue.Str(value));
        }

        public Builder put(String name, long value) {
            return put(name, new JsonValue.Int(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, JsonValue.Bool.of(value));
        }

        /** Adds every member of {@code members}, in order; {@link #put}'s rule on duplicates. */
        public Builder putAll(JsonObject members) {
            for (int i = 0; i < members.size(); i++) {
                put(members.name(i), members.value(i));
            }
            return this;
        }

        public JsonObject build() {
            // Copies, so that a builder reused after build() cannot change a built object.
            return size == 0 ? EMPTY
                    : new JsonObject(Arrays.copyOf(names, size), Arrays.copyOf(values, size), size);
        }
    }
}
