/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The jumping two-space scan finds what the character-by-character scan it replaced found. */
class SentenceSpacingScanTest {

    private static int reference(String line) {
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == 'e'
                    && line.startsWith("e.g.", i)
                    && (i == 0 || !word(line.codePointBefore(i)))
                    && i + 5 < n
                    && line.charAt(i + 4) == ' '
                    && starts(line.charAt(i + 5))) {
                i += 6;
                continue;
            }
            if (i == 0) {
                int j = skip(line);
                if (j < n && Character.isDigit(line.codePointAt(j))) {
                    int k = j + Character.charCount(line.codePointAt(j));
                    if (k + 2 < n
                            && line.charAt(k) == '.'
                            && line.charAt(k + 1) == ' '
                            && starts(line.charAt(k + 2))) {
                        i = k + 3;
                        continue;
                    }
                }
            }
            if ((c == '.' || c == '!' || c == '?')
                    && i + 2 < n
                    && line.charAt(i + 1) == ' '
                    && starts(line.charAt(i + 2))) {
                return i;
            }
            i++;
        }
        return -1;
    }


    private static int skip(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean starts(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '(';
    }

    private static boolean word(int cp) {
        if (cp == '_' || Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars("e.g. 1A(!?x_\u00e9\u0663").ofMinLength(0).ofMaxLength(16);
    }

    @Property(tries = 50000)
    void agreesWithReference(@ForAll("lines") String line) {
        assertThat(DocParser.singleSpaceAfterSentence(line)).isEqualTo(reference(line));
    }

    @Test
    void examples() {
        for (String line : new String[] {
            "", "Foo. Bar", "Foo.  Bar", "e.g. Foo", "see e.g. Foo. Bar", "xe.g. Foo", "1. Foo. Bar", "  1. Foo",
            "What? Yes", "Hi! There", "e.g. e.g. X", "(e.g. X) done. Yes", "_e.g. X", "a. (b", "x.",
        }) {
            assertThat(DocParser.singleSpaceAfterSentence(line)).as(line).isEqualTo(reference(line));
        }
    }
}
