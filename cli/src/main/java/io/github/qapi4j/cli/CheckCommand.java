/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code qapi4j check}: accept or reject a schema exactly as QEMU's front end does. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Check a QAPI schema: exit 0 when valid, else print QEMU's error and exit 1.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    SchemaOptions schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return schema.load(false, spec.commandLine().getErr()) == null ? Main.SCHEMA_ERROR : 0;
    }
}
