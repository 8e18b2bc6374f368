/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads, decodes and writes one QAPI type. Generated code implements one per complex type, as a
 * stateless singleton; {@link Codecs} has the built-ins, {@link EnumCodec} enums, and
 * {@link Codecs#list} lists.
 *
 * <p>Two decoding directions with different rules:
 * <ul>
 *   <li>{@link #read} is the fast streaming path for what a <em>client</em> receives (replies,
 *       events) from a possibly newer QEMU: unknown members are skipped, unknown enum values map
 *       to the enum's fallback constant where it has one, unknown union branches to the union's
 *       unknown variant. It fails only when the value cannot be represented at all.</li>
 *   <li>{@link #decode} is what a <em>server</em> does with command arguments: as strict as
 *       QEMU's QObject input visitor, with its exact error texts. A QMP server has the request
 *       as a tree anyway (it must see {@code execute}, {@code arguments} and {@code id} before
 *       it knows the command), and checking members in schema order against a tree is what
 *       makes "the first error wins" come out exactly like QEMU.</li>
 * </ul>
 *
 * @param <T> the Java type (see {@link Codecs} for the built-in mapping)
 */
public interface JsonCodec<T> {

    /**
     * Forward-compatible read. The parser is positioned on the value's first token
     * ({@code START_OBJECT} for an object); on return it is on the value's last token.
     */
    T read(JsonParser p) throws IOException;

    /**
     * Strict decode of input, like QEMU's input visitor. Never returns {@code null} for a
     * non-null type.
     *
     * @param path where {@code value} sits, for error texts
     * @throws JsonInputException with QEMU's text
     */
    T decode(JsonValue value, Path path);

    /** Writes a value (never null). */
    void write(JsonGenerator g, T value) throws IOException;
}
