/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.maven;

import io.github.qapi4j.generator.GenerationRequest;
import io.github.qapi4j.generator.source.IoErrors;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java bindings for QAPI schemas and adds them to the compile source roots.
 *
 * <p>The Mojo only turns its parameters into a {@link Bindings.Request} and the outcome into
 * Maven's terms: schema errors become a build failure whose message is the front end's
 * {@code file:line: message} text. Whether anything must be written at all is decided by
 * {@link BuildState}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    /**
     * The Java package of the generated types, e.g. {@code com.example.qmp}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "qapi4j.packageName", required = true)
    String packageName;

    /**
     * The schema entry files to generate from. Files they include are read too and need not be
     * listed. Default: every {@code .json} file under {@link #schemaDirectory} that no other file
     * there includes.
     *
     * @since 0.1.0
     */
    @Parameter
    List<File> schemas;

    /**
     * Where the default {@link #schemas} are looked for.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.basedir}/src/main/qapi", required = true)
    File schemaDirectory;

    /**
     * Where the generated sources are written. Added to the project's compile source roots.
     * Files this goal generated before and no longer generates are removed from it.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/qapi4j", required = true)
    File outputDirectory;

    /**
     * The configuration symbols that count as defined when evaluating the schema's {@code if}
     * conditions (the CLI's {@code --if}). None by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "qapi4j.conditions")
    List<String> conditions;

    /**
     * Check doc comments with today's QEMU rules (70-column lines, two spaces between sentences,
     * every member documented, no {@code Note:}/{@code Example:} sections). Off by default, so
     * that schemas written for older QEMU releases (e.g. 7.2) load, as with {@code qapi4j
     * generate}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "qapi4j.strictDocs", defaultValue = "false")
    boolean strictDocs;

    /**
     * Skip this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "qapi4j.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("qapi4j: skipped");
            return;
        }
        try {
            GenerationRequest.checkPackage(packageName);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("qapi4j: invalid packageName: " + e.getMessage());
        }
        long start = System.nanoTime();
        long cpuStart = getLog().isDebugEnabled()
                ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                : 0;
        Path base = project.getBasedir().toPath();
        Path out = outputDirectory.toPath();
        boolean discover = schemas == null || schemas.isEmpty();
        try {
            List<Path> entries = new ArrayList<>();
            if (!discover) {
                for (File f : schemas) {
                    entries.add(base.resolve(f.toPath()).normalize());
                }
            }
            Path stateDir = Path.of(project.getBuild().getDirectory(), "qapi4j");
            Bindings.Request request = request(base, entries, out, stateDir);
            // With discovery, every .json file in the directory is an input of the state, so the
            // entries (which take reading every file to find) are only needed to generate.
            BuildState state = new BuildState(
                    stateDir.resolve(mojoExecution.getExecutionId() + ".state"),
                    out,
                    request.fingerprint(pluginVersion()) + (discover ? " discover=" + schemaDirectory : ""),
                    discover ? schemaDirectory.toPath() : null);
            if (state.upToDate()) {
                getLog().info("qapi4j: bindings up to date");
                if (getLog().isDebugEnabled()) {
                    getLog().debug("qapi4j: up-to-date check took " + (System.nanoTime() - start) / 1000 + " us, "
                            + (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1000
                            + " us CPU of this thread");
                }
                project.addCompileSourceRoot(out.toString());
                return;
            }
            if (discover) {
                entries = SchemaDiscovery.entries(schemaDirectory.toPath());
                request = request(base, entries, out, stateDir);
            }
            if (entries.isEmpty()) {
                getLog().warn("qapi4j: no schema found in " + schemaDirectory + "; nothing to generate");
                return;
            }
            Bindings.Result result = Bindings.generate(request);
            if (!result.errors().isEmpty()) {
                state.invalidate();
                result.errors().forEach(e -> e.lines().forEach(getLog()::error));
                throw new MojoFailureException(String.join(System.lineSeparator(), result.errors()));
            }
            int removed = result.deleted() + (result.staged() == null
                    ? state.record(result.files(), result.inputs())
                    : state.write(result.staged(), result.inputs()).removed());
            getLog().info(String.format(
                    "qapi4j: %d files generated into %s in %d ms (%d stale removed)",
                    result.files().size(), out, (System.nanoTime() - start) / 1_000_000, removed));
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("qapi4j: " + IoErrors.describe(e), e);
        }
        project.addCompileSourceRoot(out.toString());
    }

    private Bindings.Request request(Path base, List<Path> entries, Path out, Path stateDir) {
        return new Bindings.Request(
                base,
                entries,
                out,
                stateDir.resolve(mojoExecution.getExecutionId()),
                packageName,
                conditions == null ? List.of() : new ArrayList<>(conditions),
                strictDocs);
    }

    /**
     * The plugin's version, plus the stamps of its own and the generator's jar, so that a rebuilt
     * snapshot regenerates.
     */
    private String pluginVersion() {
        return mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion()
                + "@" + BuildState.codeStamp(GenerateMojo.class.getClassLoader(), "io/github/qapi4j/maven/GenerateMojo.class")
                + "@" + BuildState.codeStamp(GenerateMojo.class.getClassLoader(), Bindings.GENERATOR_CLASS_FILE);
    }
}
