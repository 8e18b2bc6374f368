/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SourceInfo;

/**
 * One line of a documentation block as the lexer saw it: a comment, or the first thing after the
 * block that is not a comment (a token, or the end of the input).
 *
 * @param info the line's location
 * @param column the 1-based column (QEMU's tab rule) of the comment's {@code #}, or of the
 *     non-comment token / the final newline
 * @param comment the comment text from its {@code #} to the end of the line (no newline), or null
 *     when this entry is not a comment
 */
public record DocLine(SourceInfo info, int column, String comment) {

    public boolean isComment() {
        return comment != null;
    }
}
