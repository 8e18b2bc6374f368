/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.source;

/**
 * One located schema error, rendered exactly as QEMU's front end renders its errors.
 *
 * @param info where; null only for an unreadable root file (QEMU prints no location then)
 * @param column 1-based column for lexical, syntax and doc-line errors (QEMU's tab rule
 *     applied), or 0 when the error has no column
 * @param message the message; may contain newlines
 */
public record Diagnostic(SourceInfo info, int column, String message) {

    public static Diagnostic at(SourceInfo info, String message) {
        return new Diagnostic(info, 0, message);
    }

    public static Diagnostic at(SourceInfo info, int column, String message) {
        return new Diagnostic(info, column, message);
    }

    /** A message without any location. */
    public static Diagnostic unlocated(String message) {
        return new Diagnostic(null, 0, message);
    }

    /** QEMU's text: include chain, definition context, {@code FILE:LINE[:COL]: MESSAGE}. */
    public String render() {
        if (info == null) {
            return message;
        }
        String loc = info.toString();
        if (column > 0) {
            loc += ":" + column;
        }
        return loc + ": " + message;
    }

    @Override
    public String toString() {
        return render();
    }
}
