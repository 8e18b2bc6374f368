/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import io.github.qapi4j.generator.introspect.Introspection;
import io.github.qapi4j.generator.model.Schema;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qapi4j introspect}: the schema's {@code query-qmp-schema} data, as QEMU would return it. */
@Command(
        name = "introspect",
        mixinStandardHelpOptions = true,
        description = {
            "Print the schema's introspection data: exactly the 'return' value of 'query-qmp-schema' of a QEMU",
            "built from the same schema with the same true conditions (one line, QEMU's member order)."
        })
final class IntrospectCommand implements Callable<Integer> {

    @Mixin
    SchemaOptions schema;

    @Option(names = "--if", paramLabel = "SYMBOL", description = "A configuration symbol that is true (repeatable).")
    List<String> conditions = List.of();

    @Option(names = "--unmask", description = "Show type names instead of QEMU's numbers.")
    boolean unmask;

    @Option(names = "--pretty", description = "Indent, one member per line.")
    boolean pretty;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Schema loaded = schema.load(false, spec.commandLine().getErr());
        if (loaded == null) {
            return Main.SCHEMA_ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Introspection.json(loaded, unmask, new LinkedHashSet<>(conditions), pretty));
        out.flush();
        return 0;
    }
}
