/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

/**
 * {@code true} or {@code false}.
 *
 * @param value the boolean
 * @param line the line where it was written
 */
public record BoolValue(boolean value, int line) implements Value {

    @Override
    public String pythonRepr() {
        return value ? "True" : "False";
    }
}
