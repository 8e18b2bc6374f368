/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * A documentation block connected to the schema.
 *
 * @param info the location of its opening {@code ##}
 * @param symbol the documented definition's name, or null for a free-form block
 * @param body the introductory text (for free-form blocks the whole text); possibly empty
 * @param members member / argument / value / branch descriptions in the order written, followed
 *     by empty stubs for undocumented members of definitions listed in {@code
 *     documentation-exceptions}
 * @param features feature descriptions in the order written
 * @param sections every other section (plain paragraphs after the descriptions, Returns, Errors,
 *     Since, TODO, ...) in source order
 */
public record Documentation(
        SourceInfo info,
        String symbol,
        String body,
        List<Description> members,
        List<Description> features,
        List<Section> sections) {

    public Documentation {
        members = List.copyOf(members);
        features = List.copyOf(features);
        sections = List.copyOf(sections);
    }

    public boolean isFreeForm() {
        return symbol == null;
    }

    /** The description of member {@code name}, or null. */
    public Description member(String name) {
        return find(members, name);
    }

    /** The description of feature {@code name}, or null. */
    public Description feature(String name) {
        return find(features, name);
    }

    /** The first section of kind {@code kind}, or null. */
    public Section section(SectionKind kind) {
        for (Section s : sections) {
            if (s.kind() == kind) {
                return s;
            }
        }
        return null;
    }

    private static Description find(List<Description> list, String name) {
        for (Description d : list) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The description of one member or feature.
     *
     * @param name the member / feature name
     * @param text the text (empty for a stub)
     * @param info where the description starts, or null for a stub
     */
    public record Description(String name, String text, SourceInfo info) {

        /** True for the empty stubs the front end adds under {@code documentation-exceptions}. */
        public boolean isStub() {
            return info == null;
        }
    }

    /**
     * A section other than the body and descriptions.
     *
     * @param kind what kind of section
     * @param tag the tag word as written ({@code Returns}, {@code Notes}, ...), or null for plain
     * @param text the text without the tag, without leading and trailing newlines
     * @param info where it starts
     */
    public record Section(SectionKind kind, String tag, String text, SourceInfo info) {}

    /** Kinds of {@link Section}. */
    public enum SectionKind {
        PLAIN("Plain"),
        RETURNS("Returns"),
        ERRORS("Errors"),
        SINCE("Since"),
        TODO("Todo"),
        /** A QEMU 7.2-era tag (Note, Notes, Example, Examples), only with lenient docs. */
        LEGACY("Legacy");

        private final String dumpName;

        SectionKind(String dumpName) {
            this.dumpName = dumpName;
        }

        /** What QEMU's test dump prints after {@code section=}. */
        public String dumpName() {
            return dumpName;
        }
    }
}
