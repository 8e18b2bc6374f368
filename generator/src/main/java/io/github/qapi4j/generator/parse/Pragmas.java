/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import java.util.List;

/**
 * The schema-wide pragma state once the whole schema is read. A later occurrence of a pragma
 * replaces the earlier value (lists are replaced, not extended).
 */
public record Pragmas(
        boolean docRequired,
        List<String> commandNameExceptions,
        List<String> commandReturnsExceptions,
        List<String> documentationExceptions,
        List<String> memberNameExceptions) {

    public static final Pragmas DEFAULT = new Pragmas(false, List.of(), List.of(), List.of(), List.of());

    public Pragmas {
        commandNameExceptions = List.copyOf(commandNameExceptions);
        commandReturnsExceptions = List.copyOf(commandReturnsExceptions);
        documentationExceptions = List.copyOf(documentationExceptions);
        memberNameExceptions = List.copyOf(memberNameExceptions);
    }
}
