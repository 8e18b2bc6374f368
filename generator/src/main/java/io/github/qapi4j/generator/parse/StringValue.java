/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

/**
 * A single-quoted string, escapes already resolved.
 *
 * @param value the string's text
 * @param line the line of the opening quote
 */
public record StringValue(String value, int line) implements Value {

    @Override
    public String pythonRepr() {
        return "'" + value.replace("\\", "\\\\") + "'";
    }
}
