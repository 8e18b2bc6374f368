/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** QAPI naming rules and QEMU's C-name mangling, which all clash checks compare. */
final class Names {

    /** {@code [ '__' RFQDN '_' ] [ 'x-' ] STEM}, case-insensitive; group 3 is the stem. */
    private static final Pattern VALID_NAME =
            Pattern.compile("(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)", Pattern.CASE_INSENSITIVE);

    private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");

    private static final Pattern CONDITION_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Words c_name() protects with a {@code q_} prefix: C, C++, GCC keywords and polluted names. */
    private static final Set<String> PROTECTED = Set.of(
            // C89
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
            "enum", "extern", "float", "for", "goto", "if", "int", "long", "register", "return",
            "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned",
            "void", "volatile", "while",
            // C99, C11
            "inline", "restrict", "_Bool", "_Complex", "_Imaginary", "_Alignas", "_Alignof",
            "_Atomic", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local",
            // GCC
            "asm", "typeof",
            // C++
            "bool", "catch", "class", "const_cast", "delete", "dynamic_cast", "explicit", "false",
            "friend", "mutable", "namespace", "new", "operator", "private", "protected", "public",
            "reinterpret_cast", "static_cast", "template", "this", "throw", "true", "try", "typeid",
            "typename", "using", "virtual", "wchar_t", "and", "and_eq", "bitand", "bitor", "compl",
            "not", "not_eq", "or", "or_eq", "xor", "xor_eq",
            // namespace pollution
            "unix", "errno", "mips", "sparc", "i386", "linux");

    private Names() {}

    /** Every character outside {@code [A-Za-z0-9_]} replaced by {@code _}. */
    static String mangle(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                if (sb == null) {
                    sb = new StringBuilder(name);
                }
                sb.setCharAt(i, '_');
            }
        }
        return sb == null ? name : sb.toString();
    }

    /** QEMU's c_name(name, protect=True): mangled, keywords and leading digits prefixed with q_. */
    static String cName(String name) {
        String m = mangle(name);
        if (!m.isEmpty() && (Character.isDigit(m.charAt(0)) || PROTECTED.contains(m))) {
            return "q_" + m;
        }
        return m;
    }

    /** The stem of a valid name, or null when the name is invalid (incl. the reserved q_ space). */
    static String stem(String name) {
        Matcher m = VALID_NAME.matcher(name);
        if (!m.matches() || mangle(name).startsWith("q_")) {
            return null;
        }
        return m.group(3);
    }

    static boolean isCamel(String stem) {
        return CAMEL.matcher(stem).matches();
    }

    static boolean isConditionName(String s) {
        return CONDITION_NAME.matcher(s).matches();
    }

    static boolean hasLowerOrDash(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || c == '-') {
                return true;
            }
        }
        return false;
    }

    static boolean hasUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }
}
