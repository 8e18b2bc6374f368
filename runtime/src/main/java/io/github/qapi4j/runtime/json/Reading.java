/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Small helpers for the forward-compatible object readers generated codecs contain. */
public final class Reading {
    private Reading() {
    }

    /** Checks that the parser is on {@code START_OBJECT}. */
    public static void startObject(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonDecodeException("expected an object", p);
        }
    }

    /** The exception for a mandatory member that a reply lacks. */
    public static JsonDecodeException missing(JsonParser p, String member) {
        return new JsonDecodeException("member '" + member + "' is missing", p);
    }

    /** For a mandatory reference member: fails if {@code value} is null. */
    public static <T> T require(JsonParser p, T value, String member) throws JsonDecodeException {
        if (value == null) {
            throw missing(p, member);
        }
        return value;
    }
}
