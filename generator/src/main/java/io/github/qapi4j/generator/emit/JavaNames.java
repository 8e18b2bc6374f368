/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The only place Java identifiers are made from QAPI names. Pure functions, table-tested.
 *
 * <ul>
 *   <li>{@link #typeName}: QAPI CamelCase kept; {@code -}, {@code _}, {@code .} split words that
 *       are capitalised and joined ({@code __com.redhat_Foo} → {@code ComRedhatFoo},
 *       {@code x-foo} → {@code XFoo}); a result equal to a {@code java.lang} simple name gets
 *       the suffix {@code _}.</li>
 *   <li>{@link #constantName}: UPPER_SNAKE from the wire name ({@code snapshot-load} →
 *       {@code SNAPSHOT_LOAD}); a leading digit gets a {@code _} prefix.</li>
 *   <li>{@link #memberName}: lowerCamelCase ({@code current-progress} → {@code currentProgress});
 *       keywords, literals and names that clash with {@code Object} or record methods get a
 *       trailing {@code _}.</li>
 * </ul>
 * Clashes between two wire names that map to one Java name are found by {@link Scope}.
 */
public final class JavaNames {

    private JavaNames() {}

    /**
     * The record component, and builder method, holding the members a {@code 'gen': false}
     * command's arguments have besides the declared ones.
     */
    public static final String ADDITIONAL = "additional";

    /** Java keywords and literals (contextual keywords such as {@code record} are legal names). */
    static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits");

    /** Methods of Object and of records, plus the names generated records reserve. */
    static final Set<String> RESERVED_MEMBERS = Set.of(
            "wait", "notify", "notifyAll", "hashCode", "toString", "getClass", "equals", "clone",
            "finalize", "builder", "toBuilder");

    /** java.lang simple names a generated type must not shadow. */
    static final Set<String> JAVA_LANG = Set.of(
            "Boolean", "Byte", "Character", "Class", "ClassLoader", "Comparable", "Compiler", "Deprecated",
            "Double", "Enum", "Error", "Exception", "Float", "FunctionalInterface", "Integer", "Iterable",
            "Long", "Math", "Module", "Number", "Object", "Override", "Package", "Process", "Record",
            "Runnable", "Runtime", "SafeVarargs", "Short", "String", "StringBuilder", "SuppressWarnings",
            "System", "Thread", "Throwable", "Void", "Optional", "List", "Objects", "Map", "Set",
            "Cloneable", "AutoCloseable", "CharSequence", "Appendable", "Readable",
            "StackWalker", "StrictMath", "ThreadLocal");

    /** Splits a QAPI name into words at {@code -}, {@code _}, {@code .}, dropping empty words. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.' || c == '+' || c == ' ') {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                w.append(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static String capitalize(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** A type name from a QAPI type (or other CamelCase-able) name. */
    public static String typeName(String qapiName) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(qapiName)) {
            sb.append(capitalize(w));
        }
        if (sb.length() == 0) {
            sb.append("Type");
        }
        if (Character.isDigit(sb.charAt(0))) {
            sb.insert(0, 'T');
        }
        String s = sb.toString();
        return JAVA_LANG.contains(s) ? s + "_" : s;
    }

    /** A type name made from a lower-case or UPPER_CASE name ({@code JOB_STATUS_CHANGE}). */
    public static String typeNameFromWords(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(name)) {
            sb.append(capitalize(w.toLowerCase(Locale.ROOT)));
        }
        return typeName(sb.toString());
    }

    /** An enum constant from a wire value. */
    public static String constantName(String wireName) {
        StringBuilder sb = new StringBuilder();
        List<String> words = words(wireName);
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(camelToUpper(w));
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        String s = sb.toString();
        return s.equals("_") ? "__" : s;
    }

    /** {@code fooBar} → {@code FOO_BAR}; an all-lower or all-upper word is only upper-cased. */
    private static String camelToUpper(String w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(w.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }

    /** A member, parameter or method name from a wire name. */
    public static String memberName(String wireName) {
        List<String> words = words(wireName);
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() == 0) {
                sb.append(Character.toLowerCase(w.charAt(0))).append(w.substring(1));
            } else {
                sb.append(capitalize(w));
            }
        }
        if (sb.length() == 0) {
            sb.append("value");
        }
        if (Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return escape(sb.toString());
    }

    /** A method name from an event name ({@code JOB_STATUS_CHANGE} → {@code jobStatusChange}). */
    public static String eventMethodName(String eventName) {
        return memberName(eventName.toLowerCase(Locale.ROOT));
    }

    /** A type name for a command ({@code job-pause} → {@code JobPause}). */
    public static String commandTypeName(String commandName) {
        return typeName(commandName);
    }

    /** The record of a command's implicit arguments ({@code job-pause} → {@code JobPauseArguments}). */
    public static String argumentsTypeName(String commandName) {
        return typeName(commandName) + "Arguments";
    }

    /** The record of an event ({@code JOB_STATUS_CHANGE} → {@code JobStatusChangeEvent}). */
    public static String eventTypeName(String eventName) {
        return withoutTrailingUnderscore(typeNameFromWords(eventName)) + "Event";
    }

    /** The Java type name of a module ({@code qapi/block-core.json} → {@code BlockCore}). */
    public static String moduleName(String moduleName) {
        String base = moduleName;
        int slash = base.lastIndexOf('/');
        if (slash >= 0) {
            base = base.substring(slash + 1);
        }
        if (base.endsWith(".json")) {
            base = base.substring(0, base.length() - 5);
        }
        return withoutTrailingUnderscore(typeName(base));
    }

    private static String withoutTrailingUnderscore(String s) {
        return s.endsWith("_") ? s.substring(0, s.length() - 1) : s;
    }

    /** A nested variant name for a union or alternate branch. */
    public static String branchTypeName(String branchName) {
        String s = typeName(branchName);
        return s;
    }

    /**
     * Why {@code pkg} cannot be the package of generated code, or null if it can: every
     * dot-separated part a Java identifier that is not a keyword (checked for Java 17, the
     * generated code's release), and nothing under {@code java}, where no class loader will define
     * classes. The empty string, the unnamed package, is accepted.
     */
    public static String packageNameProblem(String pkg) {
        if (pkg.isEmpty()) {
            return null;
        }
        if (!SourceVersion.isName(pkg, SourceVersion.RELEASE_17)) {
            return "'" + pkg + "' is not a valid Java package name";
        }
        if (pkg.equals("java") || pkg.startsWith("java.")) {
            return "'" + pkg + "' is a prohibited package name";
        }
        return null;
    }

    /** Appends {@code _} to keywords and reserved method names. */
    public static String escape(String identifier) {
        if (KEYWORDS.contains(identifier) || RESERVED_MEMBERS.contains(identifier)) {
            return identifier + "_";
        }
        return identifier;
    }

    /** Renders a condition the way QEMU's generated documentation does. */
    public static String conditionText(io.github.qapi4j.generator.model.Condition c) {
        return conditionText(c, false);
    }

    private static String conditionText(io.github.qapi4j.generator.model.Condition c, boolean parens) {
        if (c instanceof io.github.qapi4j.generator.model.Condition.Name n) {
            return n.name();
        }
        if (c instanceof io.github.qapi4j.generator.model.Condition.Not n) {
            return "not " + conditionText(n.operand(), true);
        }
        List<io.github.qapi4j.generator.model.Condition> ops;
        String op;
        if (c instanceof io.github.qapi4j.generator.model.Condition.All a) {
            ops = a.operands();
            op = " and ";
        } else {
            ops = ((io.github.qapi4j.generator.model.Condition.Any) c).operands();
            op = " or ";
        }
        StringBuilder sb = new StringBuilder();
        for (var o : ops) {
            if (sb.length() > 0) {
                sb.append(op);
            }
            sb.append(conditionText(o, true));
        }
        return parens && ops.size() > 1 ? "(" + sb + ")" : sb.toString();
    }
}
