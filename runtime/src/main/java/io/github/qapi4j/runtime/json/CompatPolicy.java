/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.util.Locale;
import java.util.Objects;

/**
 * QEMU's compatibility policy ({@code -compat deprecated-input=reject,deprecated-output=hide,...}):
 * what a server does with schema elements that carry the special features {@code deprecated} and
 * {@code unstable}. With input {@code reject}, a request that uses such a command, argument member
 * or enum value fails with QEMU's text ({@code Deprecated parameter device disabled by policy});
 * with output {@code hide}, such members are left out of replies and events, such events are not
 * sent, and {@code query-qmp-schema} leaves out what is deprecated. {@code crash} makes QEMU abort;
 * a qapi4j server drops the client's connection without a reply instead (see
 * {@link CrashException}).
 *
 * <p>Generated code passes the special features of each element as a bit set of {@link #DEPRECATED}
 * and {@link #UNSTABLE}. The policy reaches strict decoding through the {@link Path} the decoding
 * starts from ({@link Path#root(CompatPolicy)}) and writing through the {@link QemuJsonGenerator}
 * ({@link QemuJsonGenerator#compatPolicy(CompatPolicy)}), as QEMU hands it to its visitors.
 *
 * @param deprecatedInput what to do with deprecated input
 * @param deprecatedOutput what to do with deprecated output
 * @param unstableInput what to do with unstable input
 * @param unstableOutput what to do with unstable output
 */
public record CompatPolicy(Input deprecatedInput, Output deprecatedOutput, Input unstableInput,
        Output unstableOutput) {
    /** Special-feature bit of {@code deprecated} (QEMU's {@code 1u << QAPI_DEPRECATED}). */
    public static final int DEPRECATED = 1;
    /** Special-feature bit of {@code unstable} (QEMU's {@code 1u << QAPI_UNSTABLE}). */
    public static final int UNSTABLE = 2;

    /** QEMU's default: everything accepted and shown. */
    public static final CompatPolicy ACCEPT_ALL = new CompatPolicy(Input.ACCEPT, Output.ACCEPT, Input.ACCEPT,
            Output.ACCEPT);

    /** Input policy ({@code CompatPolicyInput}). */
    public enum Input {
        ACCEPT, REJECT, CRASH
    }

    /** Output policy ({@code CompatPolicyOutput}). */
    public enum Output {
        ACCEPT, HIDE
    }

    public CompatPolicy {
        Objects.requireNonNull(deprecatedInput, "deprecatedInput");
        Objects.requireNonNull(deprecatedOutput, "deprecatedOutput");
        Objects.requireNonNull(unstableInput, "unstableInput");
        Objects.requireNonNull(unstableOutput, "unstableOutput");
    }

    /**
     * Parses QEMU's {@code -compat} option value, e.g. {@code deprecated-input=reject,deprecated-output=hide};
     * keys not given stay {@code accept}.
     *
     * @throws IllegalArgumentException for an unknown key or value, naming it
     */
    public static CompatPolicy parse(String option) {
        Input di = Input.ACCEPT;
        Input ui = Input.ACCEPT;
        Output dout = Output.ACCEPT;
        Output uout = Output.ACCEPT;
        for (String part : option.split(",", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Expected '=' after parameter '" + part + "'");
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            switch (key) {
                case "deprecated-input" -> di = input(key, value);
                case "unstable-input" -> ui = input(key, value);
                case "deprecated-output" -> dout = output(key, value);
                case "unstable-output" -> uout = output(key, value);
                default -> throw new IllegalArgumentException("Parameter '" + key + "' is unexpected");
            }
        }
        return new CompatPolicy(di, dout, ui, uout);
    }

    private static Input input(String key, String value) {
        return switch (value) {
            case "accept" -> Input.ACCEPT;
            case "reject" -> Input.REJECT;
            case "crash" -> Input.CRASH;
            default -> throw new IllegalArgumentException(
                    "Parameter '" + key + "' does not accept value '" + value + "'");
        };
    }

    private static Output output(String key, String value) {
        return switch (value) {
            case "accept" -> Output.ACCEPT;
            case "hide" -> Output.HIDE;
            default -> throw new IllegalArgumentException(
                    "Parameter '" + key + "' does not accept value '" + value + "'");
        };
    }

    /** Whether output with these special features is left out ({@code visit_policy_skip}). */
    public boolean hides(int special) {
        return ((special & DEPRECATED) != 0 && deprecatedOutput == Output.HIDE)
                || ((special & UNSTABLE) != 0 && unstableOutput == Output.HIDE);
    }

    /**
     * Whether a generator leaves out output with these special features: only a
     * {@link QemuJsonGenerator} carries a policy; any other generator writes everything.
     */
    public static boolean hides(JsonGenerator g, int special) {
        return g instanceof QemuJsonGenerator q && q.compatPolicy().hides(special);
    }

    /**
     * QEMU's {@code compat_policy_input_ok}: null if input with these special features is
     * accepted, else the error text ({@code Deprecated parameter device disabled by policy}).
     *
     * @param kind {@code command}, {@code parameter} or {@code value}
     * @param name the command, member or enum value
     * @throws CrashException where the policy says {@code crash}
     */
    public String rejection(int special, String kind, String name) {
        if ((special & DEPRECATED) != 0) {
            String r = check(deprecatedInput, "Deprecated", kind, name);
            if (r != null) {
                return r;
            }
        }
        if ((special & UNSTABLE) != 0) {
            return check(unstableInput, "Unstable", kind, name);
        }
        return null;
    }

    private static String check(Input policy, String adjective, String kind, String name) {
        return switch (policy) {
            case ACCEPT -> null;
            case REJECT -> adjective + " " + kind + " " + name + " disabled by policy";
            case CRASH -> throw new CrashException(adjective.toLowerCase(Locale.ROOT) + " " + kind + " " + name
                    + " used under a 'crash' policy");
        };
    }

    /**
     * Input that QEMU's {@code crash} policy answers with {@code abort()}. A qapi4j server closes the
     * client's connection without replying, which is what the client of a crashed QEMU sees.
     */
    public static final class CrashException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CrashException(String message) {
            super(message, null, false, false);
        }
    }
}
