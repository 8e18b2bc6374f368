/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.source;

import java.util.Objects;

/**
 * Where something was written in a QAPI schema: a file (as the front end built its path), a line,
 * the chain of {@code include} directives that led to the file, and, once known, the definition
 * the location belongs to.
 *
 * <p>Immutable. The string form is exactly QEMU's location prefix: the include chain (outermost
 * first), the "In META 'NAME':" line when the location is a definition, then {@code FILE:LINE}.
 *
 * @param fileName the path as built by the front end: the root as given, includes joined to the
 *     includer's directory without normalisation
 * @param line 1-based line number, or 0 for "no line" (a whole file)
 * @param parent the location of the {@code include} directive that read this file, or null
 * @param defnMeta the meta-type of the definition ("struct", "command", ...), or null
 * @param defnName the name of the definition, or null
 */
public record SourceInfo(String fileName, int line, SourceInfo parent, String defnMeta, String defnName) {

    public SourceInfo {
        Objects.requireNonNull(fileName, "fileName");
    }

    /** The location of line 1 of a root schema file. */
    public static SourceInfo root(String fileName) {
        return new SourceInfo(fileName, 1, null, null, null);
    }

    /** The location of line 1 of a file included from {@code includeDirective}. */
    public static SourceInfo included(String fileName, SourceInfo includeDirective) {
        return new SourceInfo(fileName, 1, includeDirective, null, null);
    }

    /** The same file and include chain at another line, outside any definition. */
    public SourceInfo atLine(int newLine) {
        return new SourceInfo(fileName, newLine, parent, null, null);
    }

    /** This location, marked as the start of definition {@code meta} {@code name}. */
    public SourceInfo withDefinition(String meta, String name) {
        return new SourceInfo(fileName, line, parent, meta, name);
    }

    /** {@code FILE:LINE}, or {@code FILE} when there is no line. */
    public String location() {
        return line > 0 ? fileName + ":" + line : fileName;
    }

    /** "In file included from P:L:\n" for each include on the chain, outermost first. */
    public String includePath() {
        if (parent == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (SourceInfo p = parent; p != null; p = p.parent) {
            sb.insert(0, "In file included from " + p.location() + ":\n");
        }
        return sb.toString();
    }

    /** "FILE: In META 'NAME':\n" when this location is a definition, else "". */
    public String inDefinition() {
        return defnName == null ? "" : fileName + ": In " + defnMeta + " '" + defnName + "':\n";
    }

    @Override
    public String toString() {
        return includePath() + inDefinition() + location();
    }
}
