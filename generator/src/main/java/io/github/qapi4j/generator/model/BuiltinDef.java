/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * A predefined scalar type: {@code str}, {@code number}, {@code int}, {@code int8} ... {@code
 * uint64}, {@code size}, {@code bool}, {@code any}, {@code null}.
 *
 * @param name the type name
 * @param jsonType its JSON type ({@code string}, {@code number}, {@code int}, {@code boolean},
 *     {@code value}, {@code null})
 */
public record BuiltinDef(String name, String jsonType) implements TypeDef {

    @Override
    public SourceInfo info() {
        return null;
    }

    @Override
    public Condition condition() {
        return null;
    }

    @Override
    public List<Feature> features() {
        return List.of();
    }

    @Override
    public String meta() {
        return "built-in";
    }

    @Override
    public boolean isImplicit() {
        return true;
    }

    @Override
    public String module() {
        return Module.BUILTIN;
    }

    /** True for the integer types ({@code int}, {@code intN}, {@code uintN}, {@code size}). */
    public boolean isInteger() {
        return "int".equals(jsonType);
    }
}
