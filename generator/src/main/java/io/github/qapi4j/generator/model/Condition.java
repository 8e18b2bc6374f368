/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A QAPI {@code 'if'} condition: a configuration symbol, or {@code all} / {@code any} / {@code
 * not} of sub-conditions. Unconditional things carry a {@code null} condition.
 */
public sealed interface Condition permits Condition.Name, Condition.All, Condition.Any, Condition.Not {

    /** True when the condition holds given the set of defined configuration symbols. */
    boolean evaluate(Set<String> defined);

    /** Python's {@code repr()} of the condition as QEMU parsed it (names quoted). */
    String pythonRepr();

    /**
     * What QEMU's test dump prints after {@code if }: a bare name for a top-level name, the Python
     * dict rendering otherwise.
     */
    default String dumpString() {
        return pythonRepr();
    }

    /** A configuration symbol such as {@code CONFIG_FOO}. */
    record Name(String name) implements Condition {
        @Override
        public boolean evaluate(Set<String> defined) {
            return defined.contains(name);
        }

        @Override
        public String pythonRepr() {
            return "'" + name + "'";
        }

        @Override
        public String dumpString() {
            return name;
        }
    }

    /** Holds when every operand holds (operands non-empty). */
    record All(List<Condition> operands) implements Condition {
        public All {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean evaluate(Set<String> defined) {
            for (Condition c : operands) {
                if (!c.evaluate(defined)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String pythonRepr() {
            return "{'all': " + listRepr(operands) + "}";
        }
    }

    /** Holds when at least one operand holds (operands non-empty). */
    record Any(List<Condition> operands) implements Condition {
        public Any {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean evaluate(Set<String> defined) {
            for (Condition c : operands) {
                if (c.evaluate(defined)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String pythonRepr() {
            return "{'any': " + listRepr(operands) + "}";
        }
    }

    /** Holds when the operand does not. */
    record Not(Condition operand) implements Condition {
        @Override
        public boolean evaluate(Set<String> defined) {
            return !operand.evaluate(defined);
        }

        @Override
        public String pythonRepr() {
            return "{'not': " + operand.pythonRepr() + "}";
        }
    }

    /** Evaluates a possibly absent condition: an absent condition always holds. */
    static boolean holds(Condition condition, Set<String> defined) {
        return condition == null || condition.evaluate(defined);
    }

    private static String listRepr(List<Condition> operands) {
        return operands.stream().map(Condition::pythonRepr).collect(Collectors.joining(", ", "[", "]"));
    }
}
