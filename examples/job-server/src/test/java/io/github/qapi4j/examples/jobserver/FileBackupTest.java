/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-to-file backups: the kernel copy in steps of up to 16 MiB, and the 1 MiB chunks with a speed set. */
class FileBackupTest {
    /** Not a multiple of 16 MiB nor of 1 MiB: the last step is short. */
    private static final int SIZE = (40 << 20) + 12345;

    @TempDir
    Path tmp;

    private Path source() throws Exception {
        byte[] data = new byte[SIZE];
        new Random(3).nextBytes(data);
        Path src = tmp.resolve("src.img");
        Files.write(src, data);
        return src;
    }

    @Test
    void unthrottledBackupCopiesEveryByte() throws Exception {
        Path src = source();
        Path tgt = tmp.resolve("tgt.img");
        Files.write(tgt, new byte[SIZE]);
        try (JobServer server = JobServer.start(tmp.resolve("js.qmp"), null); RawQmp qmp = RawQmp.withFileNodes(tmp.resolve("js.qmp"), src, tgt)) {
            qmp.send("{\"execute\": \"blockdev-backup\", \"arguments\": {\"job-id\": \"b\", \"device\": \"src\", \"target\": \"tgt\", \"sync\": \"full\"}}");
            String completed = qmp.await("BLOCK_JOB_COMPLETED");
            assertThat(completed).contains("\"offset\": " + SIZE).contains("\"len\": " + SIZE).doesNotContain("error");
            qmp.await("\"null\"");
        }
        assertThat(Arrays.equals(Files.readAllBytes(src), Files.readAllBytes(tgt))).as("source and target identical").isTrue();
    }

    @Test
    void throttledBackupStopsBetweenChunks() throws Exception {
        Path src = source();
        Path tgt = tmp.resolve("tgt.img");
        Files.write(tgt, new byte[SIZE]);
        try (JobServer server = JobServer.start(tmp.resolve("js.qmp"), null); RawQmp qmp = RawQmp.withFileNodes(tmp.resolve("js.qmp"), src, tgt)) {
            qmp.send("{\"execute\": \"blockdev-backup\", \"arguments\": {\"job-id\": \"b\", \"device\": \"src\", \"target\": \"tgt\", \"sync\": \"full\", \"speed\": 4194304}}");
            qmp.await("\"return\"");
            Thread.sleep(300);
            qmp.send("{\"execute\": \"block-job-cancel\", \"arguments\": {\"device\": \"b\"}}");
            String cancelled = qmp.await("BLOCK_JOB_CANCELLED");
            long offset = Long.parseLong(cancelled.replaceAll(".*\"offset\": (\\d+).*", "$1"));
            assertThat(offset).isPositive().isLessThan(SIZE);
            assertThat(offset % BlockJob.CHUNK).as("offset in whole chunks").isZero();
            qmp.await("\"null\"");
            byte[] a = Files.readAllBytes(src);
            byte[] b = Files.readAllBytes(tgt);
            assertThat(Arrays.equals(a, 0, (int) offset, b, 0, (int) offset)).as("copied part identical").isTrue();
        }
    }
}
