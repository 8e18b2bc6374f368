/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import io.github.qapi4j.generator.GenerationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options of {@code qapi4j generate} beyond {@link SchemaOptions}: the same knobs as the Maven
 * plugin's {@code packageName}, {@code outputDirectory} and {@code conditions}.
 */
final class GenerationOptions {

    @Option(
            names = {"-p", "--package"},
            paramLabel = "PKG",
            defaultValue = GenerationRequest.DEFAULT_PACKAGE,
            description = "The Java package of the generated types, e.g. com.example.qmp (default: ${DEFAULT-VALUE}).")
    String packageName;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            defaultValue = "generated-sources",
            description = "The source root to write to (default: ${DEFAULT-VALUE}). Files generated earlier"
                    + " and no longer produced are removed.")
    Path outputDirectory;

    @Option(
            names = "--if",
            paramLabel = "SYMBOL",
            split = ",",
            description = "A configuration symbol to count as defined when evaluating the schema's 'if'"
                    + " conditions (repeatable, or comma-separated). Without any, every element is generated"
                    + " and its condition recorded as @QapiIf.")
    List<String> conditions = new ArrayList<>();

    /** The defined symbols for the generator: null (keep all, record conditions) when none is given. */
    Set<String> definedSymbols() {
        return conditions.isEmpty() ? null : Set.copyOf(conditions);
    }
}
