/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;

/**
 * A branch (QAPI "variant") of a union or alternate.
 *
 * @param name for a union the discriminator value; for an alternate the branch name
 * @param typeName the branch type's name ({@code q_empty} for implicit union branches)
 * @param condition its {@code 'if'}, or null (implicit union branches carry the enum value's)
 * @param implicit true for the {@code q_empty} branches QAPI adds for discriminator values the
 *     union does not list
 * @param info the location of the union or alternate definition
 */
public record Branch(String name, String typeName, Condition condition, boolean implicit, SourceInfo info) {}
