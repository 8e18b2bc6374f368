/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import io.github.qapi4j.generator.model.Documentation;
import io.github.qapi4j.generator.model.Feature;
import java.util.List;
import java.util.regex.Pattern;

/** Javadoc text from QAPI doc comments, escaped so no doc text can break the Java source. */
final class Docs {
    private Docs() {}

    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\n");

    /** Escapes text for a Javadoc comment: HTML specials, {@code @}, backslashes, comment ends. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '@' -> sb.append("&#64;");
                case '\\' -> sb.append("&#92;");
                case '$' -> sb.append("$");
                case '*' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '/' ? "&#42;" : "*");
                case '\r' -> { }
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Paragraphs: blank lines become {@code <p>}. */
    static String paragraphs(String text) {
        String e = escape(text.strip());
        // most member descriptions are one paragraph: no pattern matching for them
        return e.indexOf('\n') < 0 ? e : BLANK_LINE.matcher(e).replaceAll("\n\n<p>");
    }

    /** The Javadoc of a definition: body, then Returns, Errors, Since, other sections, features. */
    static String typeDoc(Documentation doc, List<Feature> features, boolean deprecated) {
        StringBuilder sb = new StringBuilder();
        if (doc != null) {
            if (!doc.body().isBlank()) {
                sb.append(paragraphs(doc.body())).append('\n');
            }
            for (Documentation.Section s : doc.sections()) {
                switch (s.kind()) {
                    case SINCE, TODO -> { }
                    default -> {
                        sb.append("\n<p>");
                        if (s.tag() != null) {
                            sb.append("<b>").append(escape(s.tag())).append(":</b> ");
                        }
                        sb.append(paragraphs(s.text())).append('\n');
                    }
                }
            }
            if (!doc.features().isEmpty()) {
                sb.append("\n<p><b>Features:</b>\n<ul>\n");
                for (Documentation.Description f : doc.features()) {
                    sb.append("<li>{@code ").append(escape(f.name())).append("}: ")
                            .append(paragraphs(f.text())).append("</li>\n");
                }
                sb.append("</ul>\n");
            }
        }
        if (deprecated) {
            String why = "deprecated in the QAPI schema";
            if (doc != null && doc.feature(Feature.DEPRECATED) != null
                    && !doc.feature(Feature.DEPRECATED).text().isBlank()) {
                why = paragraphs(doc.feature(Feature.DEPRECATED).text());
            }
            sb.append("\n@deprecated ").append(why).append('\n');
        }
        if (doc != null) {
            Documentation.Section since = doc.section(Documentation.SectionKind.SINCE);
            if (since != null) {
                sb.append("\n@since ").append(escape(since.text().strip().replace('\n', ' '))).append('\n');
            }
        }
        return sb.toString();
    }

    /** The description of a member, or null. */
    static String member(Documentation doc, String wireName) {
        if (doc == null) {
            return null;
        }
        Documentation.Description d = doc.member(wireName);
        return d == null || d.text().isBlank() ? null : paragraphs(d.text());
    }
}
