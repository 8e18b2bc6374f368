/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SchemaException;

/**
 * Unwinds the ANTLR parser at the first lexical or syntax error. Internal to this package: the
 * parser turns it back into the {@link SchemaException} it carries.
 */
final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SchemaException error;

    SyntaxError(SchemaException error) {
        super(error.getMessage(), null, false, false);
        this.error = error;
    }

    SchemaException error() {
        return error;
    }
}
