/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the last run read and wrote, kept in a small text file under {@code target/}, so that a run
 * whose inputs have not changed writes nothing, and files no longer generated are removed.
 *
 * <p>The state file holds: a fingerprint of the options and the generator's version; for every
 * input file (includes too, and, with the default schema discovery, every {@code .json} file in
 * the schema directory) its size, modification time and content digest; and the path of every
 * generated file. A run is up to date when the fingerprint is the same, the schema directory
 * holds the same files, every input has the same size and time (or, if not, the same digest),
 * and every generated file still exists. Checking this reads no file whose time is unchanged,
 * except an input modified less than {@link #RACY_MILLIS} before the state was written: an edit
 * right after it could keep the same time, so its digest is compared.
 *
 * <p>Format, one entry a line: {@code fingerprint OPTIONS}, {@code dir PATH}, {@code input SIZE TIME
 * DIGEST PATH}, {@code output RELATIVE-PATH}.
 */
final class BuildState {

    /**
     * An input modified this recently when the state is written has its time recorded as -1, so
     * that the next run compares its digest (2 s: the coarsest common timestamp granularity).
     */
    static final long RACY_MILLIS = 2_000;

    /** What a write changed. */
    record Written(int changed, int removed) {}

    private record Input(long size, long time, String digest, Path path) {}

    private final Path stateFile;
    private final Path outputDir;
    private final String fingerprint;
    private final Path scanDir;

    /**
     * @param stateFile where the state is kept
     * @param outputDir the output directory
     * @param fingerprint the request's fingerprint
     * @param scanDir the directory whose {@code .json} files are all inputs (default discovery),
     *     or null when the entry files are configured
     */
    BuildState(Path stateFile, Path outputDir, String fingerprint, Path scanDir) {
        this.stateFile = stateFile;
        this.outputDir = outputDir;
        this.fingerprint = fingerprint;
        this.scanDir = scanDir == null ? null : scanDir.toAbsolutePath().normalize();
    }

    /** Whether the last run had the same options and inputs and its outputs are all there. */
    boolean upToDate() throws IOException {
        if (!Files.isRegularFile(stateFile)) {
            return false;
        }
        List<String> lines = Files.readAllLines(stateFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("fingerprint " + fingerprint)) {
            return false;
        }
        Set<Path> inputs = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("input ")) {
                Input in = parseInput(line);
                inputs.add(in.path());
                if (!unchanged(in)) {
                    return false;
                }
            } else if (line.startsWith("output ")) {
                if (!Files.isRegularFile(outputDir.resolve(line.substring(7)))) {
                    return false;
                }
            } else if (line.startsWith("dir ")) {
                if (scanDir == null || !scanDir.toString().equals(line.substring(4))) {
                    return false;
                }
            }
        }
        // With discovery, a new schema file in the directory is a change.
        return scanDir == null || inputs.containsAll(SchemaDiscovery.candidates(scanDir));
    }

    /**
     * Writes the generated files (only those whose content differs), removes the files the last
     * run generated and this one did not, and records the new state.
     *
     * @param files generated files by {@code /}-separated path relative to the output directory
     * @param inputs every schema file read
     */
    Written write(Map<String, String> files, Collection<Path> inputs) throws IOException {
        int changed = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = outputDir.resolve(f.getKey());
            byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            changed++;
        }
        return new Written(changed, record(files.keySet(), inputs));
    }

    /**
     * Records the files a run produced (already written), after removing the files the last run
     * generated and this one did not.
     *
     * @return how many stale files were removed
     */
    int record(Set<String> files, Collection<Path> inputs) throws IOException {
        int removed = 0;
        for (String old : previousOutputs()) {
            if (!files.contains(old)) {
                Path stale = outputDir.resolve(old);
                if (Files.deleteIfExists(stale)) {
                    removed++;
                    pruneEmptyParents(stale.getParent());
                }
            }
        }
        Set<Path> allInputs = new TreeSet<>();
        inputs.forEach(p -> allInputs.add(p.toAbsolutePath().normalize()));
        if (scanDir != null) {
            allInputs.addAll(SchemaDiscovery.candidates(scanDir));
        }
        List<String> lines = new ArrayList<>();
        lines.add("fingerprint " + fingerprint);
        if (scanDir != null) {
            lines.add("dir " + scanDir);
        }
        long now = System.currentTimeMillis();
        for (Path p : allInputs) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            long time = a.lastModifiedTime().toMillis();
            // "Racily clean": an edit within the file system's timestamp granularity of this
            // time would leave the time as it is, so such an input is checked by its digest.
            if (now - time < RACY_MILLIS) {
                time = -1;
            }
            lines.add("input " + a.size() + " " + time + " " + digest(p) + " " + p);
        }
        new TreeSet<>(files).forEach(k -> lines.add("output " + k));
        Files.createDirectories(stateFile.getParent());
        Files.write(stateFile, lines, StandardCharsets.UTF_8);
        return removed;
    }

    /** Forgets the last run, so that the next one generates. */
    void invalidate() throws IOException {
        Files.deleteIfExists(stateFile);
    }

    /** A file's size and time, or its absence: how {@link #codeStamp} tells builds apart. */
    static String stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.size() + ":" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "absent";
        }
    }

    /** The stamp of the jar (or classes directory) a class file is loaded from. */
    static String codeStamp(ClassLoader loader, String classFile) {
        try {
            java.net.URL url = loader.getResource(classFile);
            if (url == null) {
                return "unknown";
            }
            if ("jar".equals(url.getProtocol())) {
                String spec = url.getPath();
                return stamp(Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/")))));
            }
            return stamp(Path.of(url.toURI()));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private List<String> previousOutputs() throws IOException {
        if (!Files.isRegularFile(stateFile)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
            if (line.startsWith("output ")) {
                out.add(line.substring(7));
            }
        }
        return out;
    }

    private void pruneEmptyParents(Path dir) throws IOException {
        Path root = outputDir.toAbsolutePath().normalize();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && d.startsWith(root) && !d.equals(root);
                d = d.getParent()) {
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    private static Input parseInput(String line) {
        String[] parts = line.split(" ", 5);
        return new Input(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3], Path.of(parts[4]));
    }

    private static boolean unchanged(Input in) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(in.path(), BasicFileAttributes.class);
        } catch (IOException e) {
            return false;
        }
        if (a.size() == in.size() && a.lastModifiedTime().toMillis() == in.time()) {
            return true;
        }
        return a.size() == in.size() && digest(in.path()).equals(in.digest());
    }

    private static String digest(Path p) {
        try {
            return Bindings.sha256(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
