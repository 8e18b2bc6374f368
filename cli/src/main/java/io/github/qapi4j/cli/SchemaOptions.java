/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import io.github.qapi4j.generator.FrontEnd;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.SchemaException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What every schema-reading subcommand ({@code check}, {@code dump}, {@code generate}) takes: the
 * schema file, the doc-comment rules and how many errors to print.
 *
 * <p>The doc rules default per command: {@code check} and {@code dump} apply today's QEMU rules,
 * as QEMU's own front end does; {@code generate} applies QEMU 7.2's, like the Maven plugin's
 * {@code strictDocs=false}, so that bindings can be made for older QEMU releases. Either command
 * takes either switch.
 */
final class SchemaOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "The schema's root file.")
    String file;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    DocRules docRules;

    @Option(names = "--all-errors", description = "Report every error found, not only the first (QEMU's).")
    boolean allErrors;

    /** The mutually exclusive doc-rule switches. */
    static final class DocRules {
        @Option(
                names = "--lenient-docs",
                description = "Check doc comments as QEMU 7.2 did (before the stricter rules of QEMU 9.0 and later).")
        boolean lenient;

        @Option(
                names = "--strict-docs",
                description = "Check doc comments with today's QEMU rules (70-column lines, every member documented, ...).")
        boolean strict;
    }

    /** The front-end options, given the command's default doc rules. */
    FrontEndOptions frontEndOptions(boolean lenientByDefault) {
        boolean lenient = docRules == null ? lenientByDefault : docRules.lenient;
        return new FrontEndOptions(lenient);
    }

    /**
     * Loads the schema, naming files in messages as given on the command line. On errors, prints
     * them exactly as QEMU would and returns null.
     */
    Schema load(boolean lenientByDefault, PrintWriter err) {
        try {
            return FrontEnd.load(Path.of(""), file, frontEndOptions(lenientByDefault));
        } catch (SchemaException e) {
            report(e.diagnostics(), err);
            return null;
        }
    }

    /** Prints diagnostics as QEMU would: the first, or all of them with {@code --all-errors}. */
    void report(List<Diagnostic> diagnostics, PrintWriter err) {
        (allErrors ? diagnostics : diagnostics.subList(0, 1)).forEach(d -> err.println(d.render()));
        err.flush();
    }
}
