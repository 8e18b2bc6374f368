/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

/**
 * Tells, byte by byte, whether a JSON text is inside a string (quotes and escapes included), so
 * that a scanner looking for brackets and commas skips them there. Keeps its state between calls,
 * for text that arrives in pieces.
 */
final class JsonStrings {
    private boolean inString;
    private boolean escape;

    /** Whether byte {@code c} belongs to a string: its quotes, its escapes, its characters. */
    boolean step(int c) {
        if (inString) {
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                inString = false;
            }
            return true;
        }
        if (c == '"') {
            inString = true;
            return true;
        }
        return false;
    }

    /** Forgets a string left open (the text before this point was dropped). */
    void reset() {
        inString = false;
        escape = false;
    }
}
