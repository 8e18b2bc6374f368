/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import com.palantir.javapoet.CodeBlock;
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
 * @param lenient whether a member required in the schema is {@code Optional} in Java because it is
 *     conditional (generated without {@code --if}: a QEMU built without it does not send it)
 * @param flat whether the member is a union whose members are inlined into the record's object
 *     (a union branch whose type is itself a union); its wire name is the branch name
 */
record Field(Member member, String name, EmitContext.JType type, String doc, boolean lenient, boolean flat) {

    Field(Member member, String name, EmitContext.JType type, String doc) {
        this(member, name, type, doc, false, false);
    }

    String wire() {
        return member.name();
    }

    /** The member's special features as a bit-set expression, or null (see {@link EmitContext#special}). */
    CodeBlock special() {
        return EmitContext.special(member.features());
    }

    /** Whether the Java side treats the member as optional ({@code Optional<T>}). */
    boolean optional() {
        return member.optional() || lenient;
    }

    /** Whether the schema declares the member optional (what the strict decoder enforces). */
    boolean schemaOptional() {
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
