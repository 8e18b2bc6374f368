/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * An alternate: a value of one of several types told apart by their JSON type on the wire.
 *
 * @param name the type name
 * @param info its location
 * @param condition its {@code 'if'}, or null
 * @param features its features
 * @param branches the branches in schema order (pairwise distinguishable JSON types)
 * @param module the module it belongs to
 */
public record AlternateDef(
        String name,
        SourceInfo info,
        Condition condition,
        List<Feature> features,
        List<Branch> branches,
        String module)
        implements TypeDef {

    public AlternateDef {
        features = List.copyOf(features);
        branches = List.copyOf(branches);
    }

    @Override
    public String meta() {
        return "alternate";
    }

    @Override
    public String jsonType() {
        return "value";
    }

    @Override
    public boolean isImplicit() {
        return false;
    }
}
