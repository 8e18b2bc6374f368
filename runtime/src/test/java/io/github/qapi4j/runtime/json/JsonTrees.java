/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Random {@link JsonValue} trees for the property tests of the writer and the parser: strings
 * of any characters (controls, non-ASCII, surrogate pairs and lone surrogates), integers across
 * the int, long and uint64 ranges, doubles including NaN, infinities and -0.0, nested arrays and
 * objects (distinct member names) up to a given depth.
 */
final class JsonTrees {
    private JsonTrees() {}

    static Arbitrary<JsonValue> trees(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<JsonValue> inner = trees(depth - 1);
        return Arbitraries.frequencyOf(Tuple.of(2, leaf()), Tuple.of(1, array(inner)), Tuple.of(2, object(inner)));
    }

    private static Arbitrary<JsonValue> leaf() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(30);
        Arbitrary<String> asciiish = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30);
        Arbitrary<String> emoji = Arbitraries.strings().withChars("a\"\\\n\u00e9\u20ac\ud83d\ude00\ud800").ofMaxLength(12);
        return Arbitraries.oneOf(
                Arbitraries.oneOf(anyChars, asciiish, emoji, Arbitraries.strings().alpha().ofMaxLength(20))
                        .map(JsonValue.Str::new),
                Arbitraries.longs().map(JsonValue.Int::new),
                Arbitraries.integers().map(i -> new JsonValue.Int(i)),
                Arbitraries.longs().lessOrEqual(-1).map(JsonValue.UInt::new),
                Arbitraries.doubles().map(JsonValue.Dbl::new),
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 1e-300, 1e300, 0.1).map(JsonValue.Dbl::new),
                Arbitraries.of(JsonValue.Bool.TRUE, JsonValue.Bool.FALSE, JsonValue.Null.INSTANCE));
    }

    private static Arbitrary<JsonValue> array(Arbitrary<JsonValue> inner) {
        return inner.list().ofMaxSize(5).map(JsonArray::of);
    }

    private static Arbitrary<JsonValue> object(Arbitrary<JsonValue> inner) {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(6));
        return Arbitraries.entries(names, inner).list().ofMaxSize(5).map(es -> {
            JsonObject.Builder b = JsonObject.builder();
            List<String> seen = new ArrayList<>();
            es.forEach(e -> {
                if (!seen.contains(e.getKey())) {
                    seen.add(e.getKey());
                    b.put(e.getKey(), e.getValue());
                }
            });
            return b.build();
        });
    }
}
