/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The training run behind the {@code ./qapi4j} launcher's class-data-sharing archive: runs every
 * subcommand once on a schema, in one JVM, output discarded, so that the archive the JVM writes
 * at exit ({@code -XX:ArchiveClassesAtExit}) holds the classes that every command loads — picocli's
 * and also the front end's, ANTLR's, the emitters' and JavaPoet's — parsed, verified and laid out,
 * instead of only those of {@code --help}. Not part of the command line's interface.
 *
 * <pre>java -XX:ArchiveClassesAtExit=A.jsa -cp qapi4j.jar io.github.qapi4j.cli.Training SCHEMA</pre>
 */
final class Training {

    private Training() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Training SCHEMA");
            System.exit(2);
        }
        String schema = args[0];
        Path out = Files.createTempDirectory("qapi4j-training");
        try {
            run("--help");
            run("check", "--help");
            run("check", "--lenient-docs", schema);
            run("dump", "--lenient-docs", schema);
            run("introspect", "--lenient-docs", schema);
            run("generate", "-o", out.toString(), schema);
            run("generate", "-o", out.toString(), schema); // the up-to-date path
            run("check", schema); // strict doc rules, usually with errors: the error path
        } finally {
            delete(out);
        }
    }

    private static void run(String... args) {
        StringWriter sink = new StringWriter();
        Main.run(args, new PrintWriter(sink), new PrintWriter(sink));
    }

    private static void delete(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw new UncheckedIOException(e);
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
