/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import java.util.LinkedHashMap;

/**
 * The members of an object as the grammar collects them. The parser gives up the map when it
 * builds the {@link ObjectValue}, which then wraps it instead of copying it.
 */
final class ParsedMembers extends LinkedHashMap<String, Value> {
    private static final long serialVersionUID = 1L;
}
