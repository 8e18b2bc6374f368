/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * One value of an enum type.
 *
 * @param name the wire name
 * @param condition its {@code 'if'}, or null
 * @param features its features in schema order
 * @param info the location of the enum definition (null for built-in {@code QType})
 */
public record EnumValue(String name, Condition condition, List<Feature> features, SourceInfo info) {

    public EnumValue {
        features = List.copyOf(features);
    }
}
