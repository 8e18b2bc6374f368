/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * A reply or event that a forward-compatible reader could not decode (a mandatory member missing,
 * a value of the wrong JSON type). The message names the JSON pointer of the offending value.
 */
public class JsonDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    public JsonDecodeException(String message, JsonParser p) {
        super(message + " at " + pointer(p));
    }

    private static String pointer(JsonParser p) {
        String ptr = p.getParsingContext().pathAsPointer().toString();
        return ptr.isEmpty() ? "/" : ptr;
    }
}
