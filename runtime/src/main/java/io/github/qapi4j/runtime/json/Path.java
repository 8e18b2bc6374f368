/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

/**
 * Where a value sits in a QMP command's arguments, for QEMU's error messages: members joined with
 * {@code .}, list elements as {@code [i]} ({@code options.size}, {@code enable[0]}). Immutable
 * and linked, so descending costs one small object and the name is only built when an error is
 * reported. Also the factory of those errors (as {@link JsonInputException}s).
 */
public final class Path {
    /** The command's {@code arguments} object itself, decoded under QEMU's default policy. */
    public static final Path ROOT = new Path(null, null, -1, CompatPolicy.ACCEPT_ALL);

    private final Path parent;
    private final String name;
    private final int index;
    private final CompatPolicy policy;

    private Path(Path parent, String name, int index, CompatPolicy policy) {
        this.parent = parent;
        this.name = name;
        this.index = index;
        this.policy = policy;
    }

    /**
     * The {@code arguments} object decoded under a compatibility policy: deprecated or unstable
     * members and enum values below it are checked against it ({@link #ROOT} for the default).
     */
    public static Path root(CompatPolicy policy) {
        return policy.equals(CompatPolicy.ACCEPT_ALL) ? ROOT : new Path(null, null, -1, policy);
    }

    /** The compatibility policy decoding below this path runs under. */
    public CompatPolicy policy() {
        return policy;
    }

    /** The path of member {@code name} of the object at this path. */
    public Path member(String name) {
        return new Path(this, name, -1, policy);
    }

    /** The path of element {@code i} of the list at this path. */
    public Path element(int i) {
        return new Path(this, null, i, policy);
    }

    /**
     * Checks input with special features ({@link CompatPolicy#DEPRECATED}, {@link CompatPolicy#UNSTABLE})
     * against the policy: {@code Deprecated <kind> <name> disabled by policy} if rejected.
     *
     * @param kind {@code parameter} or {@code value}, as in QEMU's text
     */
    public void checkPolicy(int special, String kind, String name) {
        if (special != 0) {
            String rejection = policy.rejection(special, kind, name);
            if (rejection != null) {
                throw new JsonInputException(rejection);
            }
        }
    }

    /** Whether this is a list element (which QEMU's messages for sized integers call {@code null}). */
    public boolean isElement() {
        return name == null && parent != null;
    }

    /** QEMU's {@code full_name}: {@code a.b[2].c}. */
    public String fullName() {
        if (parent == null) {
            return "<anonymous>";
        }
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    private void append(StringBuilder sb) {
        if (parent == null) {
            return;
        }
        parent.append(sb);
        if (name != null) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(name);
        } else {
            sb.append('[').append(index).append(']');
        }
    }

    /**
     * The bare member name, or {@code null} for a list element: what QEMU prints in range and
     * enum errors, which do not use the full name.
     */
    public String bareName() {
        return name != null ? name : "null";
    }

    /** {@code Parameter '<full>' is missing}. */
    public JsonInputException missing() {
        return new JsonInputException("Parameter '" + fullName() + "' is missing");
    }

    /** {@code Invalid parameter type for '<full>', expected: <kind>}. */
    public JsonInputException invalidType(String expected) {
        return new JsonInputException(
                "Invalid parameter type for '" + fullName() + "', expected: " + expected);
    }

    /** {@code Parameter '<full>' is unexpected}. */
    public JsonInputException unexpected() {
        return new JsonInputException("Parameter '" + fullName() + "' is unexpected");
    }

    /** {@code Parameter '<full>' expects <what>} (uint64, size, and a command's own checks). */
    public JsonInputException expects(String what) {
        return new JsonInputException("Parameter '" + fullName() + "' expects " + what);
    }

    /** {@code Parameter '<bare>' expects <type>}: QEMU's sized-integer range error. */
    public JsonInputException outOfRange(String type) {
        return new JsonInputException("Parameter '" + bareName() + "' expects " + type);
    }

    /** {@code Parameter '<bare>' does not accept value '<value>'}: QEMU's enum error. */
    public JsonInputException badEnumValue(String value) {
        return new JsonInputException(
                "Parameter '" + bareName() + "' does not accept value '" + value + "'");
    }

    @Override
    public String toString() {
        return fullName();
    }
}
