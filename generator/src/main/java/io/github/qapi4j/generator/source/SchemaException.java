/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.source;

import java.util.List;

/**
 * A schema was rejected. Carries every diagnostic found before the front end stopped; the first
 * one is the error QEMU's own front end reports for the same input.
 */
public final class SchemaException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public SchemaException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public SchemaException(List<Diagnostic> diagnostics) {
        super(diagnostics.get(0).render(), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public static SchemaException at(SourceInfo info, String message) {
        return new SchemaException(Diagnostic.at(info, message));
    }

    public static SchemaException at(SourceInfo info, int column, String message) {
        return new SchemaException(Diagnostic.at(info, column, message));
    }

    /** All diagnostics, in the order QEMU would meet them; never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first diagnostic: the one QEMU reports. */
    public Diagnostic first() {
        return diagnostics.get(0);
    }
}
