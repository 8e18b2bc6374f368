/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the default schema entry files: every {@code .json} file under a directory that no other
 * file there includes.
 *
 * <p>Includes are found by a light scan for {@code 'include': 'FILE'} outside comments, not by a
 * full parse: discovery only picks the entry points, and the front end then reads them (and
 * reports any error) properly.
 */
final class SchemaDiscovery {

    private static final Pattern INCLUDE = Pattern.compile("['\"]include['\"]\\s*:\\s*['\"]([^'\"]+)['\"]");

    private SchemaDiscovery() {}

    /** Every {@code .json} file under {@code dir}, sorted; none if it does not exist. */
    static List<Path> candidates(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        // A directory walk without streams or lambdas: this runs in every build, in a cold
        // plugin class loader, where each first use of such machinery costs milliseconds.
        List<Path> out = new ArrayList<>();
        collect(dir, out);
        java.util.Collections.sort(out);
        return out;
    }

    private static void collect(Path dir, List<Path> out) throws IOException {
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isDirectory(p)) {
                    collect(p, out);
                } else if (p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)) {
                    out.add(p.normalize());
                }
            }
        }
    }

    /** The candidates no other candidate includes, sorted. */
    static List<Path> entries(Path dir) throws IOException {
        List<Path> all = candidates(dir);
        Set<Path> included = new HashSet<>();
        for (Path file : all) {
            included.addAll(includes(file));
        }
        List<Path> entries = new ArrayList<>();
        for (Path p : all) {
            if (!included.contains(p)) {
                entries.add(p);
            }
        }
        return entries;
    }

    /**
     * A schema file and every file it includes, directly or not, as far as they exist (the front
     * end reports missing ones): the files whose change calls for a new generation.
     */
    static Set<Path> includeClosure(Path entry) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> todo = new ArrayDeque<>(List.of(entry.toAbsolutePath().normalize()));
        while (!todo.isEmpty()) {
            Path file = todo.pop();
            if (Files.isRegularFile(file) && seen.add(file)) {
                todo.addAll(includes(file));
            }
        }
        return seen;
    }

    /** The files a schema file's include directives name, resolved against its directory. */
    private static List<Path> includes(Path file) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String code = line.strip();
            if (code.startsWith("#")) {
                continue;
            }
            Matcher m = INCLUDE.matcher(code);
            while (m.find()) {
                out.add(file.resolveSibling(m.group(1)).toAbsolutePath().normalize());
            }
        }
        return out;
    }
}
