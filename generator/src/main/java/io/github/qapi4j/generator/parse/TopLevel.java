/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import io.github.qapi4j.generator.source.SourceInfo;

/**
 * One top-level expression of the flattened schema, in source order (an included file's
 * expressions follow the include directive that first read it).
 */
public sealed interface TopLevel permits TopLevel.Include, TopLevel.Definition {

    /** Where the expression's opening brace is. */
    SourceInfo info();

    /**
     * An {@code include} directive. Recorded every time it occurs, even when the file it names had
     * already been read (the file itself is read only once).
     *
     * @param info the directive's location
     * @param fileName the included file's path as the front end built it: the includer's
     *     directory joined with the directive's text, not normalised
     */
    record Include(SourceInfo info, String fileName) implements TopLevel {}

    /**
     * A definition ({@code enum}, {@code struct}, ...), not yet checked.
     *
     * @param info the location of its opening brace (no definition context yet)
     * @param expr the expression as written
     * @param doc the definition documentation comment right before it, or null
     */
    record Definition(SourceInfo info, ObjectValue expr, DocComment doc) implements TopLevel {}
}
