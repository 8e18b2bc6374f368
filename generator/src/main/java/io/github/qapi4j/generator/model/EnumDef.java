/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * An enum type.
 *
 * @param name the type name
 * @param info its location (null for the built-in {@code QType})
 * @param condition its {@code 'if'}, or null
 * @param features its features
 * @param values its values in schema order
 * @param prefix the {@code 'prefix'} given (only affects C constant names), or null
 * @param module the module it belongs to
 */
public record EnumDef(
        String name,
        SourceInfo info,
        Condition condition,
        List<Feature> features,
        List<EnumValue> values,
        String prefix,
        String module)
        implements TypeDef {

    public EnumDef {
        features = List.copyOf(features);
        values = List.copyOf(values);
    }

    @Override
    public String meta() {
        return "enum";
    }

    @Override
    public String jsonType() {
        return "string";
    }

    @Override
    public boolean isImplicit() {
        return info == null;
    }

    /** The value called {@code valueName}, or null. */
    public EnumValue value(String valueName) {
        for (EnumValue v : values) {
            if (v.name().equals(valueName)) {
                return v;
            }
        }
        return null;
    }
}
