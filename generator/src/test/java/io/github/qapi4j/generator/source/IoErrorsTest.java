/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File errors read like the C tools' messages, from real file operations where the test can make them. */
class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path f = dir.resolve("none.json");
        IOException e = catchThrowableOfType(() -> Files.readAllBytes(f), IOException.class);
        assertThat(IoErrors.strerror(e)).isEqualTo("No such file or directory");
        assertThat(IoErrors.describe(e)).isEqualTo(f + ": No such file or directory");
    }

    @Test
    void directoryBelowARegularFile() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path below = file.resolve("qapi");
        IOException e = catchThrowableOfType(() -> Files.createDirectories(below), IOException.class);
        assertThat(IoErrors.describe(e)).isEqualTo(below + ": Not a directory");
    }

    @Test
    void existingDirectory() {
        IOException e = catchThrowableOfType(() -> Files.createDirectory(dir), IOException.class);
        assertThat(IoErrors.describe(e)).isEqualTo(dir + ": File exists");
    }

    @Test
    void readingADirectory() {
        IOException e = catchThrowableOfType(() -> Files.readAllBytes(dir), IOException.class);
        assertThat(IoErrors.strerror(e)).isEqualTo("Is a directory");
    }

    @Test
    void permissionDeniedAndUnwrapping() {
        // Tests may run as root, which no permission stops: the exception is made here.
        AccessDeniedException denied = new AccessDeniedException("/out/qapi");
        assertThat(IoErrors.describe(denied)).isEqualTo("/out/qapi: Permission denied");
        assertThat(IoErrors.describe(new UncheckedIOException(denied))).isEqualTo("/out/qapi: Permission denied");
    }

    @Test
    void otherExceptionsKeepTheirClassAndMessage() {
        assertThat(IoErrors.describe(new IOException("disk on fire"))).isEqualTo("disk on fire");
        assertThat(IoErrors.describe(new IllegalStateException("bug"))).isEqualTo("java.lang.IllegalStateException: bug");
    }
}
