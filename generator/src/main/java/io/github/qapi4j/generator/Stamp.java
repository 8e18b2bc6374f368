/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import io.github.qapi4j.generator.model.Module;
import io.github.qapi4j.generator.model.Schema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The up-to-date check: {@code .qapi4j-stamp} in the package directory records what the last
 * successful run read (the generator's own code, the options, every schema file's bytes) and what
 * it left (every generated file's size and modification time). When all of it still holds, the
 * run would rewrite nothing, so it is skipped: no front end, no emitting, no file comparisons.
 * Anything else (a changed or new input, an edited, touched or deleted output, an extra
 * {@code .java} file, a missing or unreadable stamp) means a normal run, which writes a new stamp.
 */
final class Stamp {
    static final String FILE = ".qapi4j-stamp";
    private static final String HEADER = "qapi4j-stamp 2";
    private static String codeIdentity;

    private Stamp() {}

    /** The result of a run that would change nothing, or null if a run is needed. */
    static GenerationResult check(GenerationRequest request, Path dir) {
        try {
            Path stamp = dir.resolve(FILE);
            if (!Files.isRegularFile(stamp)) {
                return null;
            }
            List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("key " + key(request))) {
                return null;
            }
            Path schemaDir = schemaDir(request);
            List<Path> outputs = new ArrayList<>();
            for (String line : lines.subList(2, lines.size())) {
                String[] f = line.split(" ", 4);
                if (f[0].equals("in")) {
                    Path in = schemaDir.resolve(f[3]);
                    if (!Files.isRegularFile(in) || Files.size(in) != Long.parseLong(f[1])
                            || !checksum(Files.readAllBytes(in)).equals(f[2])) {
                        return null;
                    }
                } else if (f[0].equals("out")) {
                    Path out = dir.resolve(f[3]);
                    BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(out, BasicFileAttributes.class);
                    } catch (IOException e) {
                        return null;
                    }
                    if (!a.isRegularFile() || a.size() != Long.parseLong(f[1])
                            || a.lastModifiedTime().toMillis() != Long.parseLong(f[2])) {
                        return null;
                    }
                    outputs.add(out);
                } else {
                    return null;
                }
            }
            try (Stream<Path> files = Files.list(dir)) {
                if (files.filter(p -> p.toString().endsWith(".java")).count() != outputs.size()) {
                    return null;
                }
            }
            return new GenerationResult(List.of(), outputs, List.of(), List.of());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Records a successful run; failing to is harmless (the next run is a full one). */
    static void save(GenerationRequest request, Path dir, Schema schema, GenerationResult result) {
        Path stamp = dir.resolve(FILE);
        try {
            StringBuilder b = new StringBuilder(HEADER).append('\n').append("key ").append(key(request)).append('\n');
            Path schemaDir = schemaDir(request);
            for (Module m : schema.modules()) {
                if (m.isBuiltin()) {
                    continue;
                }
                Path in = schemaDir.resolve(m.name());
                byte[] bytes = Files.readAllBytes(in);
                b.append("in ").append(bytes.length).append(' ').append(checksum(bytes)).append(' ')
                        .append(m.name()).append('\n');
            }
            TreeSet<Path> outs = new TreeSet<>(result.written());
            outs.addAll(result.unchanged());
            for (Path out : outs) {
                BasicFileAttributes a = Files.readAttributes(out, BasicFileAttributes.class);
                b.append("out ").append(a.size()).append(' ').append(a.lastModifiedTime().toMillis()).append(' ')
                        .append(dir.relativize(out)).append('\n');
            }
            Files.writeString(stamp, b, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(stamp);
            } catch (IOException ignored) {
                // the key check fails on a partial stamp anyway
            }
        }
    }

    private static Path schemaDir(GenerationRequest request) {
        Path root = request.baseDir().resolve(request.fileName()).toAbsolutePath().normalize();
        return root.getParent();
    }

    /** What the output depends on besides the schema files. */
    private static String key(GenerationRequest request) throws IOException {
        String defined = request.definedSymbols() == null ? "*" : String.join(",", new TreeSet<>(
                request.definedSymbols()));
        return checksum((code() + "\n" + request.fileName() + "\n" + request.javaPackage() + "\n"
                + request.frontEndOptions() + "\n" + defined).getBytes(StandardCharsets.UTF_8));
    }

    /** The generator's code: the jar's or class directory's files, by name, size and time. */
    private static synchronized String code() throws IOException {
        if (codeIdentity == null) {
            Path where;
            try {
                where = Path.of(Generator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IOException("cannot locate the generator's code", e);
            }
            StringBuilder b = new StringBuilder();
            try (Stream<Path> files = Files.walk(where)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    b.append(where.relativize(f)).append(' ').append(a.size()).append(' ')
                            .append(a.lastModifiedTime().toMillis()).append('\n');
                }
            }
            codeIdentity = checksum(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return codeIdentity;
    }

    /** A change detector, not a security measure: CRC-32C (an intrinsic) of the bytes. */
    private static String checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return Long.toHexString(crc.getValue());
    }
}
