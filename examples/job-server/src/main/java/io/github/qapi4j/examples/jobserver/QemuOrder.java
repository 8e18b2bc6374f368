/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.Path;
import io.github.qapi4j.runtime.json.QDictOrder;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * QEMU's member order for generated values. The generated codecs write members in schema order;
 * QEMU's output visitor inserts them into a QDict in that order and prints the QDict in its hash
 * order ({@link QDictOrder}), nested objects too. The transcripts compare member order, so
 * replies and events go through {@link #tree} or {@link #of}.
 */
final class QemuOrder {
    private QemuOrder() {
    }

    /** The value as the generated codec writes it, every object's members in QDict order. */
    static <T> JsonValue tree(JsonCodec<T> codec, T value) {
        return QDictOrder.reorder(QemuJson.parse(new String(QemuJson.encode(codec, value), StandardCharsets.UTF_8)));
    }

    /** A codec that reads like {@code codec} and writes in QEMU's member order. */
    static <T> JsonCodec<T> of(JsonCodec<T> codec) {
        return new JsonCodec<>() {
            @Override
            public T read(JsonParser p) throws IOException {
                return codec.read(p);
            }

            @Override
            public T decode(JsonValue value, Path path) {
                return codec.decode(value, path);
            }

            @Override
            public void write(JsonGenerator g, T value) throws IOException {
                tree(codec, value).write(g);
            }
        };
    }
}
