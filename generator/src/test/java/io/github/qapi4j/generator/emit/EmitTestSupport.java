/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import io.github.qapi4j.generator.FrontEnd;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Generates sources for a schema and compiles them in-process. */
final class EmitTestSupport {
    private EmitTestSupport() {}

    /** The project root (holds {@code schema/job.json}). */
    static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("schema/job.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("no schema/job.json above " + Path.of("").toAbsolutePath());
    }

    static Map<String, String> generate(Path file, String pkg, FrontEndOptions options, Set<String> defined)
            throws Exception {
        Schema schema = FrontEnd.load(file.getParent(), file.getFileName().toString(), options);
        return JavaEmitter.emit(schema, file.getFileName().toString(), pkg, defined);
    }

    static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An empty working directory {@code target/test-work/NAME} of the module under test (surefire's
     * {@code basedir}), emptied first: compiled output stays in the build tree, where {@code mvn clean}
     * removes it, instead of piling up in the system's temporary directory run after run.
     */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolve("target/test-work").resolve(name.replaceAll("[^A-Za-z0-9.-]", "_"));
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /**
     * Writes and compiles sources with {@code --release 17 -Xlint:all -Werror}, and with doclint's
     * checks except for missing comments ({@code -Xdoclint:all,-missing}): generated Javadoc must not
     * break a user's {@code javadoc} run. Returns the class dir.
     */
    static Path compile(Map<String, String> sources, Path work) throws IOException {
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            files.add(f);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
            // generated code needs qapi4j-runtime and jackson-core: the test's own class path has them
            // (the compile tests live in codegen-tests, which comes after runtime in the reactor)
            List<Path> classPath = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    classPath.add(Path.of(entry));
                }
            }
            fm.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            StringWriter out = new StringWriter();
            boolean ok = javac.getTask(out, fm, diags, List.of("--release", "17", "-Xlint:all", "-Werror",
                    "-Xdoclint:all,-missing", "-proc:none", "-implicit:none"), null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                StringBuilder sb = new StringBuilder("compilation failed:\n").append(out);
                int n = 0;
                for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                    if (n++ < 30) {
                        sb.append(d).append('\n');
                    }
                }
                sb.append(diags.getDiagnostics().size()).append(" diagnostics");
                throw new AssertionError(sb.toString());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return classes;
    }
}
