/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads, lexes and parses the doc blocks of schema files on a second thread while the parser works through the files before
 * them: as soon as a file has been lexed, every file it names in an {@code include} directive is
 * queued. The parser asks for files in QEMU's order and waits only when the lexer is behind.
 * Speculation is harmless: what is read ahead but never asked for is dropped, and read or decode
 * errors are kept in the {@link LexedFile} and reported only when the parser reaches that file, so
 * errors and their order are exactly those of a sequential read.
 */
final class ReadAhead implements AutoCloseable {

    private final Path baseDir;
    private final ExecutorService executor;
    private final Map<String, Task> files = new HashMap<>();

    /** One file to read: done by whichever thread claims it first. */
    private final class Task implements Runnable {
        final String fileName;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<LexedFile> result = new CompletableFuture<>();

        Task(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public void run() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    result.complete(LexedFile.read(baseDir, fileName, lenientDocs,
                            include -> submit(SchemaParser.joinPath(SchemaParser.dirName(fileName), include))));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }
        }
    }

    private final boolean lenientDocs;

    ReadAhead(Path baseDir, boolean lenientDocs) {
        this.baseDir = baseDir;
        this.lenientDocs = lenientDocs;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qapi4j-read-ahead");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The file, lexed: done here if the read-ahead thread has not started on it yet (it may be
     * queued behind speculative work), else waited for.
     */
    LexedFile get(String fileName) {
        Task task = submit(fileName);
        task.run();
        try {
            return task.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + fileName, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading " + fileName + " failed", e.getCause());
        }
    }

    private synchronized Task submit(String fileName) {
        Task task = files.get(fileName);
        if (task == null) {
            task = new Task(fileName);
            files.put(fileName, task);
            executor.execute(task);
        }
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
