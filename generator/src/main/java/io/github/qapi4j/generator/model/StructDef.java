/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * A struct (QEMU: "object") type: a user struct, an implicit argument type {@code
 * q_obj_NAME-arg}, an implicit union base {@code q_obj_NAME-base}, or the empty type {@code
 * q_empty}.
 *
 * @param name the type name
 * @param info its location (for implicit types, the definition that made it; null for {@code
 *     q_empty})
 * @param condition its {@code 'if'} (implicit types inherit their creator's), or null
 * @param features its features
 * @param baseName the name of its base struct, or null
 * @param members its local members (base members not repeated; see {@link Schema#allMembers})
 * @param implicit whether the front end made it up
 * @param module the module it belongs to
 */
public record StructDef(
        String name,
        SourceInfo info,
        Condition condition,
        List<Feature> features,
        String baseName,
        List<Member> members,
        boolean implicit,
        String module)
        implements TypeDef {

    /** The name of the predefined empty object type. */
    public static final String EMPTY = "q_empty";

    public StructDef {
        features = List.copyOf(features);
        members = List.copyOf(members);
    }

    @Override
    public String meta() {
        return "struct";
    }

    @Override
    public String jsonType() {
        return "object";
    }

    @Override
    public boolean isImplicit() {
        return implicit;
    }
}
