/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import io.github.qapi4j.generator.FrontEnd;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.source.SchemaException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every schema-reading subcommand takes: the schema file and the doc-rule switch. */
final class SchemaOptions {

    @Option(
            names = "--lenient-docs",
            description = "Check doc comments as QEMU 7.2 did (before the stricter rules of QEMU 9.0 and later).")
    boolean lenientDocs;

    @Option(names = "--all-errors", description = "Report every error found, not only the first (QEMU's).")
    boolean allErrors;

    @Parameters(index = "0", paramLabel = "FILE", description = "The schema's root file.")
    String file;

    /**
     * Loads the schema, naming files in messages as given on the command line. On errors, prints
     * them exactly as QEMU would and returns null.
     */
    Schema load(boolean lenient, PrintWriter err) {
        try {
            return FrontEnd.load(Path.of(""), file, new FrontEndOptions(lenient));
        } catch (SchemaException e) {
            if (allErrors) {
                e.diagnostics().forEach(d -> err.println(d.render()));
            } else {
                err.println(e.first().render());
            }
            err.flush();
            return null;
        }
    }
}
