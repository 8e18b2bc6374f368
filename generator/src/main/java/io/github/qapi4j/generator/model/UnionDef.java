/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * A discriminated union. Its members are those of its base (see {@link Schema#allMembers});
 * the discriminator is one of them, of enum type.
 *
 * @param name the type name
 * @param info its location
 * @param condition its {@code 'if'}, or null
 * @param features its features
 * @param baseName its base struct: a named struct or the implicit {@code q_obj_NAME-base}
 * @param discriminator the name of the base member that selects the branch
 * @param branches the explicit branches in schema order, then one implicit {@code q_empty}
 *     branch per discriminator value not listed, in enum order
 * @param module the module it belongs to
 */
public record UnionDef(
        String name,
        SourceInfo info,
        Condition condition,
        List<Feature> features,
        String baseName,
        String discriminator,
        List<Branch> branches,
        String module)
        implements TypeDef {

    public UnionDef {
        features = List.copyOf(features);
        branches = List.copyOf(branches);
    }

    @Override
    public String meta() {
        return "union";
    }

    @Override
    public String jsonType() {
        return "object";
    }

    @Override
    public boolean isImplicit() {
        return false;
    }

    /** The branch for discriminator value {@code value}, or null. */
    public Branch branch(String value) {
        for (Branch b : branches) {
            if (b.name().equals(value)) {
                return b;
            }
        }
        return null;
    }
}
