/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import io.github.qapi4j.generator.model.Condition;
import io.github.qapi4j.generator.parse.DocComment;
import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * A top-level expression that passed the expression checks, de-sugared: strings became {@code
 * {'type': ...}} / {@code {'name': ...}}, conditions became {@link Condition}s. Fields that do
 * not apply to the expression's meta-type stay null / default.
 */
final class CheckedExpr {

    /** A type reference: a name, or {@code [name]} (array of name). */
    record TypeRef(String name, boolean array) {}

    record FeatureSpec(String name, Condition condition) {}

    record MemberSpec(String name, boolean optional, TypeRef type, Condition condition, List<FeatureSpec> features) {}

    record ValueSpec(String name, Condition condition, List<FeatureSpec> features) {}

    record BranchSpec(String name, TypeRef type, Condition condition) {}

    /** {@code enum}, {@code struct}, ..., or {@code include}. */
    final String meta;
    /** Definition name, or for an include the included file's path. */
    final String name;
    final SourceInfo info;
    final DocComment doc;

    Condition condition;
    List<FeatureSpec> features = List.of();

    // enum
    List<ValueSpec> values;
    String prefix;

    // struct: data and base name; union: base name or inlineBase; command/event: data
    List<MemberSpec> members;
    String typeName;
    List<MemberSpec> inlineBase;
    String discriminator;

    // union, alternate
    List<BranchSpec> branches;

    // command, event
    TypeRef returns;
    boolean boxed;
    boolean gen = true;
    boolean successResponse = true;
    boolean allowOob;
    boolean allowPreconfig;
    boolean coroutine;

    CheckedExpr(String meta, String name, SourceInfo info, DocComment doc) {
        this.meta = meta;
        this.name = name;
        this.info = info;
        this.doc = doc;
    }
}
