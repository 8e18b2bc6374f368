/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.qapi4j.generator.model.Member;

/**
 * A member as it appears in a generated record: its settled Java name and type.
 *
 * @param member the QAPI member
 * @param name the Java component name
 * @param type the QAPI type's Java mapping
 * @param doc the escaped member description, or null
 */
record Field(Member member, String name, EmitContext.JType type, String doc) {

    String wire() {
        return member.name();
    }

    boolean optional() {
        return member.optional();
    }

    /** The record component type: {@code Optional<Boxed>} when optional. */
    TypeName componentType() {
        return optional() ? ParameterizedTypeName.get(EmitContext.OPTIONAL, type.boxed()) : type.type();
    }

    /** Whether the constructor must check the component for null. */
    boolean checkNull() {
        return optional() || !type.type().isPrimitive();
    }
}
