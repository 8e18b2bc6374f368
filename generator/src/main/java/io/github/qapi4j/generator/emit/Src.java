/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a method body as one {@link CodeBlock} with a single format string: literal text runs
 * stay whole, and only type references ({@code $T}, for imports) and nested blocks are separate
 * parts. JavaPoet emits each part on its own (a regex split per part), so a body made of many small
 * {@code addStatement} calls costs several times more to render than the same text built here.
 */
final class Src {
    private final StringBuilder format = new StringBuilder(512);
    private final List<Object> args = new ArrayList<>();

    /** Literal text ({@code $} escaped). */
    Src a(String text) {
        if (text.indexOf('$') < 0) {
            format.append(text);
        } else {
            format.append(text.replace("$", "$$"));
        }
        return this;
    }

    /** A type reference. */
    Src t(TypeName type) {
        format.append("$T");
        args.add(type);
        return this;
    }

    /** A nested code block. */
    Src c(CodeBlock code) {
        format.append("$L");
        args.add(code);
        return this;
    }

    /**
     * A Java string literal: written in place when it needs no escaping (QAPI names never do),
     * else as a {@code $S} part; the output is the same either way.
     */
    Src s(String value) {
        if (plain(value)) {
            format.append('"').append(value).append('"');
        } else {
            format.append("$S");
            args.add(value);
        }
        return this;
    }

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == ' ' || c == '+' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** Ends a statement: {@code ;} and a newline. */
    Src end() {
        format.append(";\n");
        return this;
    }

    /** {@code " {"}, a newline, and one more indentation level. */
    Src open() {
        format.append(" {\n$>");
        return this;
    }

    /** Two more indentation levels from the next line on (a continued statement). */
    Src continued() {
        format.append("$>$>");
        return this;
    }

    /** Back from {@link #continued()}. */
    Src endContinued() {
        format.append("$<$<");
        return this;
    }

    /** One indentation level less and {@code "}"}, a newline. */
    Src close() {
        format.append("$<}\n");
        return this;
    }

    CodeBlock build() {
        return CodeBlock.of(format.toString(), args.toArray());
    }
}
