/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.GenerationRequest;
import io.github.qapi4j.generator.GenerationResult;
import io.github.qapi4j.generator.Generator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qapi4j generate}: write typed Java for a schema. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generate Java sources (records, enums, sealed interfaces, command and event interfaces, codecs)",
            "for a QAPI schema. Files are rewritten only when their bytes change.",
            "On a schema error nothing is written, the error goes to stderr, and the exit code is 1."
        })
final class GenerateCommand implements Callable<Integer> {

    static final class Docs {
        @Option(names = "--lenient-docs", description = "Check doc comments as QEMU 7.2 did (the default).")
        boolean lenient;

        @Option(names = "--strict-docs", description = "Check doc comments with today's QEMU rules.")
        boolean strict;
    }

    @ArgGroup(exclusive = true)
    Docs docs;

    @Option(names = "--package", paramLabel = "PKG", description = "Java package (default: ${DEFAULT-VALUE}).",
            defaultValue = GenerationRequest.DEFAULT_PACKAGE)
    String javaPackage;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "generated-sources",
            description = "Output source root (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--if", paramLabel = "SYMBOL",
            description = "Treat SYMBOL as defined and leave out elements whose 'if' is false. Without any --if,"
                    + " everything is generated and conditions are kept as @QapiIf metadata.")
    List<String> symbols;

    @Option(names = "--all-errors", description = "Report every error found, not only the first (QEMU's).")
    boolean allErrors;

    @Parameters(index = "0", paramLabel = "FILE", description = "The schema's root file.")
    String file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean strict = docs != null && docs.strict;
        try {
            GenerationRequest.checkPackage(javaPackage);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--package': " + e.getMessage());
        }
        GenerationRequest request = new GenerationRequest(Path.of(""), file, output, javaPackage,
                new FrontEndOptions(!strict), symbols == null ? null : new LinkedHashSet<>(symbols));
        GenerationResult result = Generator.generate(request);
        PrintWriter err = spec.commandLine().getErr();
        if (!result.succeeded()) {
            if (allErrors) {
                result.diagnostics().forEach(d -> err.println(d.render()));
            } else {
                err.println(result.diagnostics().get(0).render());
            }
            err.flush();
            return Main.SCHEMA_ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d written, %d unchanged, %d deleted in %s%n", result.written().size(),
                result.unchanged().size(), result.deleted().size(), output);
        out.flush();
        return 0;
    }
}
