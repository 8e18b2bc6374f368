/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * File errors as people read them: the C library's {@code strerror()} text (what QEMU's Python
 * generator prints), not Java exception class names.
 */
public final class IoErrors {
    private IoErrors() {}

    /** The {@code strerror()} text of a failed file operation ({@code No such file or directory}, …). */
    public static String strerror(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason(); // the operating system's own text, e.g. "Not a directory"
        }
        String msg = e.getMessage();
        if (msg != null && msg.contains("Is a directory")) {
            return "Is a directory";
        }
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    /**
     * One line for a failed file operation: {@code PATH: strerror} when the exception names the
     * file ({@code /out/qapi: Permission denied}), else its message. Unwraps
     * {@link UncheckedIOException}; any other exception is described by its {@code toString()}.
     */
    public static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof FileSystemException f && f.getFile() != null) {
            String files = f.getOtherFile() == null ? f.getFile() : f.getFile() + " -> " + f.getOtherFile();
            return files + ": " + strerror(f);
        }
        if (t instanceof IOException io) {
            return strerror(io);
        }
        return t.toString();
    }
}
