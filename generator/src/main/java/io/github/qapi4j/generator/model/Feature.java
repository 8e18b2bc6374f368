/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;

/**
 * A feature flag attached to a definition, a member or an enum value.
 *
 * @param name the feature name as written
 * @param condition its {@code 'if'}, or null
 * @param info the location of the definition that declares it
 */
public record Feature(String name, Condition condition, SourceInfo info) {

    /** The special feature marking deprecated interfaces. */
    public static final String DEPRECATED = "deprecated";

    /** The special feature marking unstable interfaces. */
    public static final String UNSTABLE = "unstable";

    public boolean isDeprecated() {
        return DEPRECATED.equals(name);
    }

    public boolean isUnstable() {
        return UNSTABLE.equals(name);
    }

    /** True for the features QEMU itself gives a meaning to ({@code deprecated}, {@code unstable}). */
    public boolean isSpecial() {
        return isDeprecated() || isUnstable();
    }
}
