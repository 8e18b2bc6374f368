/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.SourceInfo;

/** Unwinds one check (one definition, or the whole entity phase) at its first error. */
final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient Diagnostic diagnostic;

    CheckFailure(SourceInfo info, String message) {
        super(message, null, false, false);
        this.diagnostic = Diagnostic.at(info, message);
    }
}
