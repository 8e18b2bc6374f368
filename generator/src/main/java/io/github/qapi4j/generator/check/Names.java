/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import java.util.Set;

/**
 * QAPI naming rules and QEMU's C-name mangling, which all clash checks compare. The name rules
 * are QEMU's regular expressions, scanned by hand (they run for every name in the schema).
 */
final class Names {

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
        int n = name.length();
        int i = 0;
        while (i < n && isCNameChar(name.charAt(i))) {
            i++;
        }
        if (i == n) {
            return name;
        }
        char[] out = name.toCharArray();
        for (; i < n; i++) {
            if (!isCNameChar(out[i])) {
                out[i] = '_';
            }
        }
        return new String(out);
    }

    private static boolean isCNameChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '_';
    }

    /** QEMU's c_name(name, protect=True): mangled, keywords and leading digits prefixed with q_. */
    static String cName(String name) {
        String m = mangle(name);
        if (!m.isEmpty() && (Character.isDigit(m.charAt(0)) || PROTECTED.contains(m))) {
            return "q_" + m;
        }
        return m;
    }

    /**
     * The stem of a valid name, or null when the name is invalid (incl. the reserved q_ space).
     * A valid name fully matches {@code (__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)},
     * case-insensitively (ASCII only); the stem is the third group, which keeps a leading
     * {@code x-} when what follows it cannot start a stem (as the regex backtracks).
     */
    static String stem(String name) {
        int n = name.length();
        int i = 0;
        if (n > 0 && name.charAt(0) == '_') {
            // '__' RFQDN '_': the RFQDN run stops at its first non-RFQDN character, which must be '_'
            if (n < 2 || name.charAt(1) != '_') {
                return null;
            }
            int j = 2;
            while (j < n && isRfqdnChar(name.charAt(j))) {
                j++;
            }
            if (j == 2 || j >= n || name.charAt(j) != '_') {
                return null;
            }
            i = j + 1;
        }
        int start;
        if (i + 1 < n && (name.charAt(i) == 'x' || name.charAt(i) == 'X') && name.charAt(i + 1) == '-'
                && isStemAt(name, i + 2)) {
            start = i + 2;
        } else if (isStemAt(name, i)) {
            start = i;
        } else {
            return null;
        }
        // mangle(name).startsWith("q_")
        if (n >= 2 && name.charAt(0) == 'q' && !isAsciiLetterOrDigit(name.charAt(1))) {
            return null;
        }
        return start == 0 ? name : name.substring(start);
    }

    /** {@code [a-z][a-z0-9_-]*} (case-insensitive) matches all of {@code s} from {@code from}. */
    private static boolean isStemAt(String s, int from) {
        int n = s.length();
        if (from >= n || !isAsciiLetter(s.charAt(from))) {
            return false;
        }
        for (int k = from + 1; k < n; k++) {
            char c = s.charAt(k);
            if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isRfqdnChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    /** {@code [A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*}. */
    static boolean isCamel(String stem) {
        int n = stem.length();
        if (n < 2 || stem.charAt(0) < 'A' || stem.charAt(0) > 'Z') {
            return false;
        }
        boolean lower = false;
        for (int k = 1; k < n; k++) {
            char c = stem.charAt(k);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (!isAsciiLetterOrDigit(c)) {
                return false;
            }
        }
        return lower;
    }

    /** {@code [A-Z][A-Z0-9_]*}. */
    static boolean isConditionName(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) < 'A' || s.charAt(0) > 'Z') {
            return false;
        }
        for (int k = 1; k < n; k++) {
            char c = s.charAt(k);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
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
