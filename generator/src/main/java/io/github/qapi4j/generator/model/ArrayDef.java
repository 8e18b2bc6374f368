/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * An array type {@code ElementList}, created implicitly at the first use of {@code ['Element']}.
 *
 * @param name the array type's name ({@code ElementList})
 * @param elementTypeName the element type's name (never an array)
 * @param info the first use, or null for the predefined arrays of built-in types
 * @param condition the element type's condition, or null
 * @param module the module of the element type
 */
public record ArrayDef(String name, String elementTypeName, SourceInfo info, Condition condition, String module)
        implements TypeDef {

    @Override
    public List<Feature> features() {
        return List.of();
    }

    @Override
    public String meta() {
        return "array";
    }

    @Override
    public String jsonType() {
        return "array";
    }

    @Override
    public boolean isImplicit() {
        return true;
    }
}
