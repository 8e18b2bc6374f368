/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

/**
 * A JSON-like value as written in a QAPI schema file: an object, an array, a single-quoted
 * string or a boolean. QAPI has no numbers and no null.
 *
 * <p>These syntax records are what the parser hands to the checks; no ANTLR type ever leaves this
 * package.
 */
public sealed interface Value permits ObjectValue, ArrayValue, StringValue, BoolValue {

    /** The 1-based line where the value starts. */
    int line();

    /** Python's {@code str()} rendering, as QEMU prints parsed values (e.g. in conditions). */
    String pythonRepr();
}
