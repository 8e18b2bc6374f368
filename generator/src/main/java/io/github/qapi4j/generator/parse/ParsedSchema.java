/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import java.util.List;

/**
 * Everything the parser read: the flattened top-level expressions, every doc comment in reading
 * order (free-form ones included), and the final pragma state.
 *
 * @param rootFileName the root file's path as given by the caller
 * @param expressions include directives and definitions, flattened in source order
 * @param docs every documentation block, in the order read
 * @param pragmas the pragma state after the whole schema was read
 */
public record ParsedSchema(String rootFileName, List<TopLevel> expressions, List<DocComment> docs, Pragmas pragmas) {

    public ParsedSchema {
        expressions = List.copyOf(expressions);
        docs = List.copyOf(docs);
    }
}
