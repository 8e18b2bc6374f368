/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;

/**
 * A QMP command.
 *
 * @param name the command name
 * @param info its location
 * @param condition its {@code 'if'}, or null
 * @param features its features
 * @param argTypeName the argument type (a struct, the implicit {@code q_obj_NAME-arg}, or a
 *     union when boxed), or null when the command takes no arguments
 * @param returnTypeName the return type, or null when the command returns an empty object
 * @param gen false when QEMU generates no marshalling code ({@code 'gen': false})
 * @param successResponse false when no success response is sent
 * @param boxed whether the arguments are passed as one object (C calling convention)
 * @param allowOob whether out-of-band execution is allowed
 * @param allowPreconfig whether the command is allowed in preconfig state
 * @param coroutine whether the command runs in a coroutine
 * @param module the module it belongs to
 */
public record CommandDef(
        String name,
        SourceInfo info,
        Condition condition,
        List<Feature> features,
        String argTypeName,
        String returnTypeName,
        boolean gen,
        boolean successResponse,
        boolean boxed,
        boolean allowOob,
        boolean allowPreconfig,
        boolean coroutine,
        String module)
        implements Definition {

    public CommandDef {
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "command";
    }

    @Override
    public boolean isImplicit() {
        return false;
    }
}
