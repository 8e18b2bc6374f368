/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * A named definition of the checked schema. Types, commands and events share one namespace.
 * Switch over the permitted records exhaustively instead of writing a visitor.
 */
public sealed interface Definition extends Entity permits TypeDef, CommandDef, EventDef {

    /** The QAPI name as written. */
    String name();

    /**
     * The location of the definition; for implicit types the definition that caused them; null
     * for built-in types and their arrays.
     */
    @Override
    SourceInfo info();

    /** The definition's {@code 'if'}, or null when unconditional. */
    Condition condition();

    /** The definition's features, in schema order. */
    List<Feature> features();

    /** QEMU's meta-type word: {@code enum}, {@code struct}, {@code union}, ... */
    String meta();

    /** True for types the front end made up (arrays, {@code q_obj_*}, {@code q_empty}) and built-ins. */
    boolean isImplicit();

    /** True for the predefined entities of the {@code ./builtin} module. */
    default boolean isBuiltin() {
        return Module.BUILTIN.equals(module());
    }

    /** True when the definition has a {@code 'deprecated'} feature. */
    default boolean isDeprecated() {
        return features().stream().anyMatch(Feature::isDeprecated);
    }

    /** True when the definition has an {@code 'unstable'} feature. */
    default boolean isUnstable() {
        return features().stream().anyMatch(Feature::isUnstable);
    }
}
