/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.maven;

import io.github.qapi4j.generator.FrontEnd;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.Module;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.SchemaException;
import java.nio.charset.StandardCharsets;
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

/** The plugin's single call into the generator: request in, files and diagnostics out. */
final class Bindings {

    private Bindings() {}

    /**
     * What to generate.
     *
     * @param baseDir the directory schema file names in messages are relative to (the project's)
     * @param schemas the entry files, absolute
     * @param packageName the Java package of the generated types
     * @param conditions the defined {@code if} symbols
     * @param strictDocs today's doc-comment rules rather than QEMU 7.2's
     */
    record Request(Path baseDir, List<Path> schemas, String packageName, List<String> conditions, boolean strictDocs) {
        Request {
            schemas = List.copyOf(schemas);
            conditions = List.copyOf(new TreeSet<>(conditions));
        }

        /** A digest of everything but the inputs' contents that decides the output. */
        String fingerprint(String generatorVersion) {
            StringBuilder sb = new StringBuilder()
                    .append("generator=").append(generatorVersion).append('\n')
                    .append("package=").append(packageName).append('\n')
                    .append("conditions=").append(conditions).append('\n')
                    .append("strictDocs=").append(strictDocs).append('\n');
            schemas.forEach(s -> sb.append("schema=").append(s).append('\n'));
            return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * What came out.
     *
     * @param files generated files by path relative to the output directory ({@code /}-separated)
     * @param inputs every schema file read, includes too
     * @param errors the front end's rendered diagnostics; empty on success
     */
    record Result(Map<String, String> files, Set<Path> inputs, List<String> errors) {}

    static Result generate(Request request) {
        Map<String, String> files = new LinkedHashMap<>();
        Set<Path> inputs = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        FrontEndOptions options = new FrontEndOptions(!request.strictDocs());
        for (Path entry : request.schemas()) {
            String name = displayName(request.baseDir(), entry);
            try {
                Schema schema = FrontEnd.load(request.baseDir(), name, options);
                for (Module m : schema.modules()) {
                    if (!m.isBuiltin()) {
                        inputs.add(request.baseDir().resolve(m.fileName()).normalize());
                    }
                }
                // TODO(emit): Generator.generate(GenerationRequest) — the Java emitters are not merged yet.
            } catch (SchemaException e) {
                for (Diagnostic d : e.diagnostics().subList(0, 1)) {
                    errors.add(d.render());
                }
            }
        }
        return new Result(files, inputs, errors);
    }

    /** A class of the generator, to stamp its jar. */
    static Class<?> generatorClass() {
        return FrontEnd.class;
    }

    /** The entry file as messages name it: relative to the project when that is shorter. */
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
}
