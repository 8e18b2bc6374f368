/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** An immutable JSON array. */
public final class JsonArray implements JsonValue {
    private static final JsonArray EMPTY = new JsonArray(List.of());

    private final List<JsonValue> items;

    private JsonArray(List<JsonValue> items) {
        this.items = items;
    }

    public static JsonArray of(List<? extends JsonValue> items) {
        return items.isEmpty() ? EMPTY : new JsonArray(List.copyOf(items));
    }

    public static JsonArray of(JsonValue... items) {
        return of(List.of(items));
    }

    public int size() {
        return items.size();
    }

    public JsonValue get(int i) {
        return items.get(i);
    }

    public List<JsonValue> items() {
        return items;
    }

    @Override
    public String kind() {
        return "array";
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (JsonValue v : items) {
            v.write(g);
        }
        g.writeEndArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonArray other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return QemuJson.toJson(this);
    }
}
