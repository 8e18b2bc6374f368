/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * A member of an object type (struct, union base, implicit argument or base type).
 *
 * @param name the wire name, without the optional marker {@code *}
 * @param typeName the resolved type's name ({@code int}, {@code FooList}, ...)
 * @param optional whether the member may be absent
 * @param condition its {@code 'if'}, or null
 * @param features its features in schema order
 * @param definedIn the name of the object type that declares it (e.g. {@code q_obj_cmd-arg})
 * @param info the location of the definition that declares it
 */
public record Member(
        String name,
        String typeName,
        boolean optional,
        Condition condition,
        List<Feature> features,
        String definedIn,
        SourceInfo info) {

    public Member {
        features = List.copyOf(features);
    }

    public boolean isConditional() {
        return condition != null;
    }
}
