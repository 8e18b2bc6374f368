/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order in which QEMU's QDict iterates (and prints) an object's members: bucket by bucket of a
 * 512-bucket hash table, and within a bucket the most recently inserted key first. QEMU validates
 * request members and reports leftover arguments in this order, and prints replies in it; the
 * emitter can use {@link #sort} to write generated objects exactly as QEMU would.
 */
public final class QDictOrder {
    private static final int BUCKETS = 512;

    private QDictOrder() {
    }

    /** The hash bucket (0..511) of a key, computed on its UTF-8 bytes with 32-bit wrap-around. */
    public static int bucket(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int h = 0x238F13AF * bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            // C's plain char is signed on the hosts QEMU is usually built for.
            h += bytes[i] << ((i * 5) % 24);
        }
        h = h * 1103515243 + 12345;
        return Integer.remainderUnsigned(h, BUCKETS);
    }

    /** Keys in the order a QDict holding them (inserted in the given order) iterates them. */
    public static List<String> sort(List<String> insertionOrder) {
        Integer[] idx = new Integer[insertionOrder.size()];
        int[] bucket = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
            bucket[i] = bucket(insertionOrder.get(i));
        }
        Arrays.sort(idx, (a, b) -> bucket[a] != bucket[b] ? Integer.compare(bucket[a], bucket[b])
                : Integer.compare(b, a));
        return Arrays.stream(idx).map(insertionOrder::get).toList();
    }

    /**
     * {@code v} with every object's members, at any depth, in the order QEMU prints a QDict filled
     * in the given order (list elements keep theirs): how a QEMU reply looks when the value was
     * written in schema order, as generated codecs write it.
     */
    public static JsonValue reorder(JsonValue v) {
        if (v instanceof JsonObject o) {
            JsonObject.Builder b = JsonObject.builder();
            for (String name : sort(o.names())) {
                b.put(name, reorder(o.get(name)));
            }
            return b.build();
        }
        if (v instanceof JsonArray a) {
            List<JsonValue> items = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                items.add(reorder(a.get(i)));
            }
            return JsonArray.of(items);
        }
        return v;
    }
}
