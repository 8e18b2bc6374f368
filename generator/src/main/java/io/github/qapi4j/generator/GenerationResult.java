/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import io.github.qapi4j.generator.source.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link Generator#generate}: either the files touched, or the diagnostics that
 * stopped generation (nothing is written then).
 *
 * @param written files created or rewritten because their bytes changed
 * @param unchanged files whose bytes were already right (left untouched)
 * @param deleted earlier generated files (marked as such) that this run no longer produces
 * @param diagnostics the schema's errors; empty on success
 */
public record GenerationResult(List<Path> written, List<Path> unchanged, List<Path> deleted,
        List<Diagnostic> diagnostics) {

    public GenerationResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
        diagnostics = List.copyOf(diagnostics);
    }

    static GenerationResult failed(List<Diagnostic> diagnostics) {
        return new GenerationResult(List.of(), List.of(), List.of(), diagnostics);
    }

    public boolean succeeded() {
        return diagnostics.isEmpty();
    }
}
