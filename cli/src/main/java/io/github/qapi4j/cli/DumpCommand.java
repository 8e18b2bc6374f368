/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import io.github.qapi4j.generator.dump.SchemaDump;
import io.github.qapi4j.generator.model.Schema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code qapi4j dump}: what QEMU's front-end test harness prints for a schema. */
@Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        description = {
            "Print the schema as QEMU's test harness does: the entity dump, then the doc dump.",
            "On a schema error nothing goes to stdout, the error to stderr, and the exit code is 1."
        })
final class DumpCommand implements Callable<Integer> {

    @Mixin
    SchemaOptions schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Schema loaded = schema.load(false, spec.commandLine().getErr());
        if (loaded == null) {
            return Main.SCHEMA_ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(SchemaDump.render(loaded));
        out.flush();
        return 0;
    }
}
