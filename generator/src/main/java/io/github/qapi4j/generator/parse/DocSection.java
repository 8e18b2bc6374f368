/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SourceInfo;

/**
 * One section of a documentation comment.
 *
 * @param info where the section starts (a doc-comment line; no definition context)
 * @param kind what the section is
 * @param name the member or feature name for {@link Kind#MEMBER} / {@link Kind#FEATURE}; for
 *     {@link Kind#LEGACY_TAG} the tag word as written (e.g. {@code Notes}); otherwise null
 * @param text the text without leading and trailing newlines; lines as written after {@code "# "}
 */
public record DocSection(SourceInfo info, Kind kind, String name, String text) {

    /** Section kinds. {@link #dumpName()} is what QEMU's test dump prints for {@code section=}. */
    public enum Kind {
        PLAIN("Plain"),
        MEMBER("Member"),
        FEATURE("Feature"),
        RETURNS("Returns"),
        ERRORS("Errors"),
        SINCE("Since"),
        TODO("Todo"),
        /** A tag only QEMU 7.2's doc rules knew (Note, Notes, Example, Examples); lenient docs only. */
        LEGACY_TAG("Legacy");

        private final String dumpName;

        Kind(String dumpName) {
            this.dumpName = dumpName;
        }

        public String dumpName() {
            return dumpName;
        }
    }

    public DocSection withText(String newText) {
        return new DocSection(info, kind, name, newText);
    }
}
