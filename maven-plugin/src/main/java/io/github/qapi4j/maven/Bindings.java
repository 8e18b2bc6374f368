/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.maven;

import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.GenerationRequest;
import io.github.qapi4j.generator.GenerationResult;
import io.github.qapi4j.generator.Generator;
import io.github.qapi4j.generator.source.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The plugin's call into the generator: one {@link GenerationRequest} per schema entry file, the
 * {@link GenerationResult}s mapped to the files produced and the errors to report.
 */
final class Bindings {

    private Bindings() {}

    /**
     * What to generate.
     *
     * @param baseDir the directory schema file names in messages are relative to (the project's)
     * @param schemas the entry files, absolute
     * @param outputDir the source root to write to
     * @param stagingDir scratch space, used when there is more than one entry file
     * @param packageName the Java package of the generated types
     * @param conditions the defined {@code if} symbols; empty to keep every element and record its
     *     condition as metadata
     * @param strictDocs today's doc-comment rules rather than QEMU 7.2's
     */
    record Request(
            Path baseDir,
            List<Path> schemas,
            Path outputDir,
            Path stagingDir,
            String packageName,
            List<String> conditions,
            boolean strictDocs) {
        Request {
            schemas = List.copyOf(schemas);
            conditions = List.copyOf(new TreeSet<>(conditions));
        }

        /**
         * Everything but the inputs' contents that decides the output, on one line. Plain text
         * rather than a digest: cheaper on a cold JVM, and readable in the state file.
         */
        String fingerprint(String generatorVersion) {
            StringBuilder sb = new StringBuilder()
                    .append("generator=").append(generatorVersion)
                    .append(" package=").append(packageName)
                    .append(" conditions=").append(String.join(",", conditions))
                    .append(" strictDocs=").append(strictDocs)
                    .append(" output=").append(outputDir);
            for (Path s : schemas) {
                sb.append(" schema=").append(s);
            }
            return sb.toString().replace('\n', ' ');
        }

        GenerationRequest toGenerator(Path entry, Path out) {
            return new GenerationRequest(
                    baseDir,
                    displayName(baseDir, entry),
                    out,
                    packageName,
                    strictDocs ? FrontEndOptions.STRICT : FrontEndOptions.LENIENT,
                    conditions.isEmpty() ? null : Set.copyOf(conditions));
        }
    }

    /**
     * What came out.
     *
     * @param files the generated files, relative to the output directory ({@code /}-separated)
     * @param staged for more than one entry file: the merged sources still to be written to the
     *     output directory, by relative path; null when the generator wrote them itself
     * @param inputs every schema file read, included files too
     * @param deleted how many stale generated files the generator deleted itself
     * @param errors the front end's rendered diagnostics; empty on success
     */
    record Result(Set<String> files, Map<String, String> staged, Set<Path> inputs, int deleted, List<String> errors) {}

    static Result generate(Request request) throws IOException {
        Set<Path> inputs = new LinkedHashSet<>();
        for (Path entry : request.schemas()) {
            inputs.addAll(SchemaDiscovery.includeClosure(entry));
        }
        if (request.schemas().size() == 1) {
            GenerationResult r = Generator.generate(request.toGenerator(request.schemas().get(0), request.outputDir()));
            Set<String> files = new TreeSet<>();
            r.written().forEach(p -> files.add(relative(request.outputDir(), p)));
            r.unchanged().forEach(p -> files.add(relative(request.outputDir(), p)));
            return new Result(files, null, inputs, r.deleted().size(), render(r.diagnostics()));
        }
        // The generator reads one root file per request and owns its package directory: generate
        // each entry apart, then merge (files of types two entries share are the same).
        Map<String, String> staged = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < request.schemas().size(); i++) {
            Path dir = request.stagingDir().resolve(Integer.toString(i));
            GenerationResult r = Generator.generate(request.toGenerator(request.schemas().get(i), dir));
            errors.addAll(render(r.diagnostics()));
            for (Path p : concat(r.written(), r.unchanged())) {
                staged.put(relative(dir, p), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return new Result(new TreeSet<>(staged.keySet()), staged, inputs, 0, errors);
    }

    /** The generator's class file, to stamp its jar (found without loading the class). */
    static final String GENERATOR_CLASS_FILE = "io/github/qapi4j/generator/Generator.class";

    /** The entry file as messages name it: relative to the project. */
    static String displayName(Path baseDir, Path file) {
        try {
            return baseDir.relativize(file).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> render(List<Diagnostic> diagnostics) {
        // The first diagnostic is the one QEMU reports; the rest may follow from it.
        return diagnostics.isEmpty() ? List.of() : List.of(diagnostics.get(0).render());
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
