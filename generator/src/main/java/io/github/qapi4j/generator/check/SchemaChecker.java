/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.parse.ParsedSchema;
import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.SchemaException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything between the parser and the model, as one readable pipeline: expression checks,
 * then definition of entities, then entity checks with doc connection, then the doc checks and
 * the feature limit. Each phase may collect several diagnostics; the run stops at the end of the
 * first phase that found any, so the first diagnostic is always the one QEMU reports.
 */
public final class SchemaChecker {

    private SchemaChecker() {}

    /**
     * Checks a parsed schema and builds its model.
     *
     * @param parsed the parser's output
     * @param lenientDocs switch off the QEMU 9.0+ doc-connection rules (undocumented members,
     *     {@code Returns} on commands without {@code returns})
     * @throws SchemaException on the first phase that found errors
     */
    public static Schema check(ParsedSchema parsed, boolean lenientDocs) throws SchemaException {
        List<Diagnostic> errors = new ArrayList<>();
        List<CheckedExpr> exprs = new ExprChecker(parsed.pragmas(), lenientDocs).check(parsed.expressions(), errors);
        throwIfAny(errors);
        SchemaBuilder builder = new SchemaBuilder(parsed, lenientDocs);
        builder.define(exprs, errors);
        throwIfAny(errors);
        builder.checkEntities(errors);
        throwIfAny(errors);
        return builder.freeze();
    }

    private static void throwIfAny(List<Diagnostic> errors) throws SchemaException {
        if (!errors.isEmpty()) {
            throw new SchemaException(errors);
        }
    }
}
