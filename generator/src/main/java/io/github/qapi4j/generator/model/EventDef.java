/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * A QMP event.
 *
 * @param name the event name
 * @param info its location
 * @param condition its {@code 'if'}, or null
 * @param features its features
 * @param argTypeName the data type (a struct, the implicit {@code q_obj_NAME-arg}, or a union
 *     when boxed), or null when the event has no data
 * @param boxed whether the data is passed as one object (C calling convention)
 * @param module the module it belongs to
 */
public record EventDef(
        String name,
        SourceInfo info,
        Condition condition,
        List<Feature> features,
        String argTypeName,
        boolean boxed,
        String module)
        implements Definition {

    public EventDef {
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "event";
    }

    @Override
    public boolean isImplicit() {
        return false;
    }
}
