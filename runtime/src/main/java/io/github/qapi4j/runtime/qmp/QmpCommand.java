/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import io.github.qapi4j.runtime.json.CompatPolicy;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A command as the server's registry holds it: its name, handler and QAPI flags.
 *
 * @param name the wire name, e.g. {@code job-cancel}
 * @param flags QAPI's command flags
 */
public record QmpCommand(String name, QmpHandler handler, Set<Flag> flags) {

    /** QAPI command flags that change how the server treats a command. */
    public enum Flag {
        /** {@code allow-oob: true}: may be sent with {@code exec-oob} and then runs at once. */
        ALLOW_OOB,
        /** {@code success-response: false}: no reply on success (errors are still sent). */
        NO_SUCCESS_RESPONSE,
        /** {@code allow-preconfig: true}: may run in the server's preconfig phase ({@link QmpServer.Builder#preconfig}). */
        ALLOW_PRECONFIG,
        /** Feature {@code deprecated}: subject to the server's compatibility policy. */
        DEPRECATED,
        /** Feature {@code unstable}: subject to the server's compatibility policy. */
        UNSTABLE
    }

    public QmpCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static QmpCommand of(String name, QmpHandler handler, Flag... flags) {
        return new QmpCommand(name, handler, Set.of(flags));
    }

    /**
     * A command whose arguments are decoded strictly by {@code arguments} (under the session's
     * compatibility policy, as generated bindings decode them) and whose result is written by
     * {@code returns}; a {@code null} result is written as {@code {}}.
     */
    public static <A, R> QmpCommand typed(String name, JsonCodec<A> arguments, JsonCodec<R> returns,
            Function<? super A, ? extends R> fn, Flag... flags) {
        return of(name, (args, session) -> {
            A a = arguments.decode(args, QmpSession.argumentsPath(session));
            R r = fn.apply(a);
            return r == null ? null : g -> returns.write(g, r);
        }, flags);
    }

    /**
     * The arguments a {@code 'gen': false} command declares, for its strict decoding: QEMU hands
     * such commands the whole argument dictionary, so members the schema does not declare are
     * accepted (and dropped here) instead of reported as unexpected.
     */
    public static JsonObject declared(JsonObject arguments, String... names) {
        JsonObject.Builder b = JsonObject.builder();
        for (String n : names) {
            JsonValue v = arguments.get(n);
            if (v != null) {
                b.put(n, v);
            }
        }
        return b.build();
    }

    /**
     * The same for arguments not known to be an object: anything else is returned as it is, for
     * the decoder to reject ({@code Invalid parameter type ..., expected: object}).
     */
    public static JsonValue declared(JsonValue arguments, String... names) {
        return arguments instanceof JsonObject o ? declared(o, names) : arguments;
    }

    /** The command's special features as {@code CompatPolicy} bits. */
    public int specialFeatures() {
        return (has(Flag.DEPRECATED) ? CompatPolicy.DEPRECATED : 0) | (has(Flag.UNSTABLE) ? CompatPolicy.UNSTABLE : 0);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
