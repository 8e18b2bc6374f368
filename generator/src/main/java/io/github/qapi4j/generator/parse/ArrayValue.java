/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code [ value, ... ]} array.
 *
 * @param elements the elements in source order
 * @param line the line of the opening bracket
 */
public record ArrayValue(List<Value> elements, int line) implements Value {

    public ArrayValue {
        elements = List.copyOf(elements);
    }

    @Override
    public String pythonRepr() {
        return elements.stream().map(Value::pythonRepr).collect(Collectors.joining(", ", "[", "]"));
    }
}
