/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import com.palantir.javapoet.CodeBlock;

/**
 * Fills the small expression templates of {@link EmitContext.JType}: {@code $C} the runtime's
 * Codecs class, {@code $P} the parser, {@code $G} the generator, {@code $V} the value,
 * {@code $PATH} the path.
 */
final class Tmpl {
    private Tmpl() {}

    static CodeBlock fill(String template, CodeBlock value, CodeBlock path) {
        // One format string with literal runs merged: fewer parts for JavaPoet to parse and emit.
        StringBuilder format = new StringBuilder(template.length() + 8);
        java.util.List<Object> args = new java.util.ArrayList<>(3);
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("$PATH", i)) {
                format.append("$L");
                args.add(path);
                i += 5;
            } else if (template.startsWith("$C", i)) {
                format.append("$T");
                args.add(EmitContext.CODECS);
                i += 2;
            } else if (template.startsWith("$P", i)) {
                format.append('p');
                i += 2;
            } else if (template.startsWith("$G", i)) {
                format.append('g');
                i += 2;
            } else if (template.startsWith("$V", i)) {
                format.append("$L");
                args.add(value);
                i += 2;
            } else {
                int j = template.indexOf('$', i + 1);
                if (j < 0) {
                    j = template.length();
                }
                format.append(template, i, j);
                i = j;
            }
        }
        return CodeBlock.of(format.toString(), args.toArray());
    }

    /** The expression reading one value of a type from parser {@code p}. */
    static CodeBlock read(EmitContext.JType t) {
        if (t.readExpr() != null) {
            return fill(t.readExpr(), null, null);
        }
        return CodeBlock.of("$L.read(p)", t.codec());
    }

    /**
     * The expression reading one value of a type from parser {@code p}, or null for a JSON
     * {@code null}.
     */
    static CodeBlock readOrNull(EmitContext.JType t) {
        if (t.readOrNullExpr() != null) {
            return fill(t.readOrNullExpr(), null, null);
        }
        return CodeBlock.of("$T.isNull(p) ? null : $L", EmitContext.READING, read(t));
    }

    /** The expression strictly decoding {@code value} at {@code path}. */
    static CodeBlock decode(EmitContext.JType t, CodeBlock value, CodeBlock path) {
        if (t.decodeExpr() != null) {
            return fill(t.decodeExpr(), value, path);
        }
        return CodeBlock.of("$L.decode($L, $L)", t.codec(), value, path);
    }

    /** The statement writing {@code value} to generator {@code g}. */
    static CodeBlock write(EmitContext.JType t, CodeBlock value) {
        if (t.writeStmt() != null) {
            return fill(t.writeStmt(), value, null);
        }
        return CodeBlock.of("$L.write(g, $L)", t.codec(), value);
    }
}
