/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import java.util.Arrays;
import java.util.Optional;

/**
 * Strict decoding of one QAPI object, the way QEMU's input visitor does it: the generated codec
 * asks for its members in schema order ({@link #required}, {@link #optional}), the first problem
 * throws, and {@link #end} then reports the first member nobody asked for (in QDict order) as
 * {@code Parameter '<name>' is unexpected}. A flat union's codec passes the same InputObject to
 * its base and branch, so leftovers are checked once over all of them.
 */
public final class InputObject {
    private final JsonObject object;
    private final Path path;
    private boolean[] visited;
    private int visitedCount;

    private InputObject(JsonObject object, Path path) {
        this.object = object;
        this.path = path;
    }

    /** Starts decoding {@code v} as an object: {@code expected: object} if it is not one. */
    public static InputObject of(JsonValue v, Path path) {
        if (v instanceof JsonObject o) {
            return new InputObject(o, path);
        }
        throw path.invalidType("object");
    }

    public Path path() {
        return path;
    }

    public JsonObject object() {
        return object;
    }

    /** The member's raw value, or {@code null} if absent; marks it visited. */
    public JsonValue optional(String name) {
        int i = object.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (visited == null) {
            visited = new boolean[object.size()];
        }
        if (!visited[i]) {
            visited[i] = true;
            visitedCount++;
        }
        return object.value(i);
    }

    /** The member's raw value; {@code Parameter '<name>' is missing} if absent. */
    public JsonValue required(String name) {
        JsonValue v = optional(name);
        if (v == null) {
            throw path.member(name).missing();
        }
        return v;
    }

    /** Decodes a mandatory member. */
    public <T> T required(String name, JsonCodec<T> codec) {
        return codec.decode(required(name), path.member(name));
    }

    /**
     * Decodes a mandatory member with special features ({@link CompatPolicy#DEPRECATED},
     * {@link CompatPolicy#UNSTABLE}): checked against the path's policy first, present or not, as
     * QEMU checks it before visiting the member.
     */
    public <T> T required(String name, JsonCodec<T> codec, int special) {
        path.checkPolicy(special, "parameter", name);
        return required(name, codec);
    }

    /** Decodes an optional member with special features: checked against the policy if present. */
    public <T> Optional<T> maybe(String name, JsonCodec<T> codec, int special) {
        JsonValue v = optional(name);
        if (v == null) {
            return Optional.empty();
        }
        path.checkPolicy(special, "parameter", name);
        return Optional.of(codec.decode(v, path.member(name)));
    }

    /** {@link #present(String, JsonCodec)} for a member with special features. */
    public <T> Optional<T> present(String name, JsonCodec<T> codec, int special) {
        return Optional.of(required(name, codec, special));
    }

    /** Decodes an optional member; {@code null} if absent. */
    public <T> T optional(String name, JsonCodec<T> codec) {
        JsonValue v = optional(name);
        return v == null ? null : codec.decode(v, path.member(name));
    }

    /** Decodes an optional member: empty if absent (what generated strict decoders use). */
    public <T> Optional<T> maybe(String name, JsonCodec<T> codec) {
        JsonValue v = optional(name);
        return v == null ? Optional.empty() : Optional.of(codec.decode(v, path.member(name)));
    }

    /**
     * Decodes a mandatory member into a present {@link Optional}: for a member the schema requires
     * but a condition may leave out of a peer's build (generated strict decoders).
     */
    public <T> Optional<T> present(String name, JsonCodec<T> codec) {
        return Optional.of(required(name, codec));
    }

    public String requiredStr(String name) {
        return Codecs.decodeStr(required(name), path.member(name));
    }

    public long requiredInt64(String name) {
        return Codecs.decodeInt64(required(name), path.member(name));
    }

    public boolean requiredBool(String name) {
        return Codecs.decodeBool(required(name), path.member(name));
    }

    /**
     * The members not visited yet, in the order received, now counted as visited: what a
     * {@code 'gen': false} command's arguments carry besides the declared ones (QEMU hands such a
     * command the whole argument dictionary).
     */
    public JsonObject rest() {
        if (visitedCount == object.size()) {
            return JsonObject.empty();
        }
        JsonObject.Builder b = JsonObject.builder();
        for (int i = 0; i < object.size(); i++) {
            if (visited == null || !visited[i]) {
                b.put(object.name(i), object.value(i));
            }
        }
        if (visited == null) {
            visited = new boolean[object.size()];
        }
        Arrays.fill(visited, true);
        visitedCount = object.size();
        return b.build();
    }

    /** Reports the first member not visited, in QDict order, as unexpected. */
    public void end() {
        if (visitedCount == object.size()) {
            return;
        }
        for (int i : object.qdictOrder()) {
            if (visited == null || !visited[i]) {
                throw path.member(object.name(i)).unexpected();
            }
        }
    }
}
