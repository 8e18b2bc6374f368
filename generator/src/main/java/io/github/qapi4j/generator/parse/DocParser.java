/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SchemaException;
import java.util.List;

/**
 * PLACEHOLDER until the real documentation parser lands: reads the symbol and keeps the whole
 * block as body text, checking nothing but the block's end.
 */
public final class DocParser {
    private DocParser() {}

    public static DocComment parse(List<DocLine> lines, boolean lenient) throws SchemaException {
        DocLine last = lines.get(lines.size() - 1);
        if (!last.isComment()) {
            throw SchemaException.at(last.info(), last.column(), "documentation comment must end with '##'");
        }
        String symbol = null;
        StringBuilder body = new StringBuilder();
        for (DocLine line : lines.subList(1, lines.size() - 1)) {
            String text = line.comment().length() > 2 ? line.comment().substring(2) : "";
            if (symbol == null && body.length() == 0 && text.startsWith("@") && text.endsWith(":")) {
                symbol = text.substring(1, text.length() - 1);
                continue;
            }
            body.append(text).append('\n');
        }
        DocSection bodySection = new DocSection(lines.get(0).info(), DocSection.Kind.PLAIN, null, body.toString().strip());
        return new DocComment(lines.get(0).info(), symbol, List.of(bodySection));
    }
}
