/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written name scans agree with QEMU's regular expressions they replace. */
class NamesTest {

    private static final Pattern VALID_NAME =
            Pattern.compile("(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");
    private static final Pattern CONDITION_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static String referenceStem(String name) {
        Matcher m = VALID_NAME.matcher(name);
        if (!m.matches() || Names.mangle(name).startsWith("q_")) {
            return null;
        }
        return m.group(3);
    }

    @Provide
    Arbitrary<String> names() {
        // the characters the patterns care about, plus a few they reject
        return Arbitraries.strings().withChars("_x-X.qQaZz09 é:K").ofMinLength(0).ofMaxLength(9);
    }

    @Property(tries = 20000)
    void stemAgreesWithRegex(@ForAll("names") String name) {
        assertThat(Names.stem(name)).isEqualTo(referenceStem(name));
    }

    @Property(tries = 20000)
    void camelAndConditionAgreeWithRegex(@ForAll("names") String s) {
        assertThat(Names.isCamel(s)).isEqualTo(CAMEL.matcher(s).matches());
        assertThat(Names.isConditionName(s)).isEqualTo(CONDITION_NAME.matcher(s).matches());
    }

    @Provide
    Arbitrary<String> memberNames() {
        return Arbitraries.strings().withChars("hasu_-.xé\uD83D\uDE00Z09").ofMinLength(0).ofMaxLength(6);
    }

    /** The reserved-member test without mangling agrees with QEMU's (on the mangled name). */
    @Property(tries = 20000)
    void reservedMemberNameAgreesWithMangledTest(@ForAll("memberNames") String name) {
        String mangled = referenceMangle(name);
        assertThat(ExprChecker.isReservedMemberName(name))
                .isEqualTo(mangled.equals("u") || mangled.startsWith("has_"));
        assertThat(Names.mangle(name)).isEqualTo(mangled);
    }

    /** The previous, StringBuilder-based mangling (per UTF-16 unit, as before). */
    private static String referenceMangle(String name) {
        StringBuilder sb = new StringBuilder(name);
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                sb.setCharAt(i, '_');
            }
        }
        return sb.toString();
    }

    @Test
    void examples() {
        for (String s : new String[] {
            "", "a", "x-", "x-1a", "X-foo", "x-foo", "__com.redhat_x-foo", "__com.redhat_", "__com.redhat_x-1",
            "__a_b", "___a", "__.-_Q", "q_foo", "q-foo", "qa", "q", "Q_foo", "x-_", "aB-c_d", "a:b",
            "Foo", "FOO", "F0o", "CONFIG_FOO", "_FOO",
        }) {
            assertThat(Names.stem(s)).as(s).isEqualTo(referenceStem(s));
            assertThat(Names.isCamel(s)).as(s).isEqualTo(CAMEL.matcher(s).matches());
            assertThat(Names.isConditionName(s)).as(s).isEqualTo(CONDITION_NAME.matcher(s).matches());
        }
    }
}
