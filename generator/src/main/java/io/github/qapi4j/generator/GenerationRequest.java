/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import io.github.qapi4j.generator.emit.JavaNames;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * What to generate: everything the CLI and the Maven plugin pass to {@link Generator#generate}.
 *
 * @param baseDir the directory the schema file name is relative to
 * @param fileName the root schema file, as it should appear in messages
 * @param outputDir the source root to write to (the package directories are created below it)
 * @param javaPackage the Java package of the generated code: a valid package name (see
 *     {@link #checkPackage}), or empty for the unnamed package
 * @param frontEndOptions doc-comment rules
 * @param definedSymbols the {@code if} symbols considered defined: elements whose condition is
 *     false are left out; {@code null} generates everything and records each condition as
 *     {@code @QapiIf} metadata
 */
public record GenerationRequest(
        Path baseDir,
        String fileName,
        Path outputDir,
        String javaPackage,
        FrontEndOptions frontEndOptions,
        Set<String> definedSymbols) {

    /** The default package. */
    public static final String DEFAULT_PACKAGE = "qapi";

    public GenerationRequest {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(javaPackage, "javaPackage");
        Objects.requireNonNull(frontEndOptions, "frontEndOptions");
        checkPackage(javaPackage);
        definedSymbols = definedSymbols == null ? null : Set.copyOf(definedSymbols);
    }

    /**
     * Checks a package name for generated code before any work is done: {@code a..b} or
     * {@code class} would make every generated file uncompilable.
     *
     * @throws IllegalArgumentException saying what is wrong, e.g. {@code 'a..b' is not a valid
     *     Java package name}
     */
    public static void checkPackage(String javaPackage) {
        String problem = JavaNames.packageNameProblem(javaPackage);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** A request with lenient docs, the default package and all conditions kept as metadata. */
    public static GenerationRequest of(Path schemaFile, Path outputDir) {
        Path abs = schemaFile.toAbsolutePath();
        return new GenerationRequest(abs.getParent(), abs.getFileName().toString(), outputDir, DEFAULT_PACKAGE,
                FrontEndOptions.LENIENT, null);
    }

    public GenerationRequest withPackage(String pkg) {
        return new GenerationRequest(baseDir, fileName, outputDir, pkg, frontEndOptions, definedSymbols);
    }

    public GenerationRequest withDefinedSymbols(Set<String> symbols) {
        return new GenerationRequest(baseDir, fileName, outputDir, javaPackage, frontEndOptions, symbols);
    }
}
