/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

/** A type definition: anything a member, branch, argument or return value can refer to. */
public sealed interface TypeDef extends Definition
        permits BuiltinDef, EnumDef, StructDef, UnionDef, AlternateDef, ArrayDef {

    /**
     * The JSON type of the wire representation: {@code string}, {@code number}, {@code int},
     * {@code boolean}, {@code null}, {@code object}, {@code array} or {@code value} (anything).
     */
    String jsonType();
}
