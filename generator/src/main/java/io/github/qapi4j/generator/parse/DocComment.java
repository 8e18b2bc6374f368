/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed {@code ##} documentation block, before it is connected to the schema.
 *
 * @param info the location of the opening {@code ##} line
 * @param symbol the documented definition's name ({@code @SYMBOL:} first line), or null for a
 *     free-form block
 * @param sections every section in textual order; {@code sections.get(0)} is always the body, a
 *     {@link DocSection.Kind#PLAIN} section (possibly with empty text)
 */
public record DocComment(SourceInfo info, String symbol, List<DocSection> sections) {

    public DocComment {
        sections = List.copyOf(sections);
        if (sections.isEmpty() || sections.get(0).kind() != DocSection.Kind.PLAIN) {
            throw new IllegalArgumentException("a doc comment starts with its body section");
        }
    }

    public boolean isFreeForm() {
        return symbol == null;
    }

    public DocSection body() {
        return sections.get(0);
    }

    /** Member / argument / value / branch descriptions, in the order written. */
    public List<DocSection> members() {
        return sections.stream().filter(s -> s.kind() == DocSection.Kind.MEMBER).toList();
    }

    /** Feature descriptions, in the order written. */
    public List<DocSection> features() {
        return sections.stream().filter(s -> s.kind() == DocSection.Kind.FEATURE).toList();
    }

    /** Every section but the body, members and features, in textual order. */
    public List<DocSection> otherSections() {
        List<DocSection> out = new ArrayList<>(sections.size() - 1);
        for (int i = 1; i < sections.size(); i++) {
            DocSection s = sections.get(i);
            if (s.kind() != DocSection.Kind.MEMBER && s.kind() != DocSection.Kind.FEATURE) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
