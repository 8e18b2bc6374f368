/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Codec for a generated enum. A generated enum may reserve one constant for "a value this version
 * does not know" (the emitter chooses its name); the forward-compatible {@link #read} maps unknown
 * wire values to it instead of failing. That constant is never written, and strict
 * {@link #decode} never produces it.
 */
public final class EnumCodec<E extends Enum<E> & QapiEnum> implements JsonCodec<E> {
    private final Map<String, E> byWireName;
    private final E unknown;

    private EnumCodec(Class<E> type, E unknown) {
        this.unknown = unknown;
        E[] constants = type.getEnumConstants();
        this.byWireName = new HashMap<>(constants.length * 2);
        for (E e : constants) {
            if (e != unknown) {
                byWireName.put(e.wireName(), e);
            }
        }
    }

    /** A codec whose {@link #read} fails on unknown values. */
    public static <E extends Enum<E> & QapiEnum> EnumCodec<E> of(Class<E> type) {
        return new EnumCodec<>(type, null);
    }

    /** A codec whose {@link #read} maps unknown values to {@code unknown}. */
    public static <E extends Enum<E> & QapiEnum> EnumCodec<E> withFallback(Class<E> type, E unknown) {
        return new EnumCodec<>(type, java.util.Objects.requireNonNull(unknown, "unknown"));
    }

    /** The constant for a wire value, or {@code null}. */
    public E lookup(String wireName) {
        return byWireName.get(wireName);
    }

    @Override
    public E read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new JsonDecodeException("expected a string", p);
        }
        String s = p.getText();
        E e = byWireName.get(s);
        if (e == null) {
            if (unknown == null) {
                throw new JsonDecodeException("unknown value '" + s + "'", p);
            }
            return unknown;
        }
        return e;
    }

    @Override
    public E decode(JsonValue value, Path path) {
        // QEMU visits the enum as a string first (full name), then looks it up (bare name).
        String s = Codecs.decodeStr(value, path);
        E e = byWireName.get(s);
        if (e == null) {
            throw path.badEnumValue(s);
        }
        return e;
    }

    @Override
    public void write(JsonGenerator g, E value) throws IOException {
        if (value == unknown) {
            throw new IllegalArgumentException("cannot write the unknown-value constant " + value);
        }
        g.writeString(value.wireName());
    }
}
