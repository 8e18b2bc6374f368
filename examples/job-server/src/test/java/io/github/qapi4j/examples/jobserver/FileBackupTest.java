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

    private static String await(RawQmp qmp, String needle) throws Exception {
        while (true) {
            String line = qmp.next(30_000);
            assertThat(line).as("waiting for " + needle).isNotNull().isNotEqualTo(RawQmp.EOF);
            if (line.contains(needle)) {
                return line;
            }
        }
    }

    private RawQmp open(Path src, Path tgt) throws Exception {
        Path socket = tmp.resolve("js.qmp");
        RawQmp qmp = RawQmp.connect(socket, 5000);
        await(qmp, "QMP");
        qmp.send("{\"execute\": \"qmp_capabilities\"}");
        await(qmp, "return");
        qmp.send("{\"execute\": \"blockdev-add\", \"arguments\": {\"driver\": \"file\", \"node-name\": \"src\", \"filename\": \"" + src + "\"}}");
        await(qmp, "return");
        qmp.send("{\"execute\": \"blockdev-add\", \"arguments\": {\"driver\": \"file\", \"node-name\": \"tgt\", \"filename\": \"" + tgt + "\"}}");
        await(qmp, "return");
        return qmp;
    }

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
        try (JobServer server = JobServer.start(tmp.resolve("js.qmp"), null); RawQmp qmp = open(src, tgt)) {
            qmp.send("{\"execute\": \"blockdev-backup\", \"arguments\": {\"job-id\": \"b\", \"device\": \"src\", \"target\": \"tgt\", \"sync\": \"full\"}}");
            String completed = await(qmp, "BLOCK_JOB_COMPLETED");
            assertThat(completed).contains("\"offset\": " + SIZE).contains("\"len\": " + SIZE).doesNotContain("error");
            await(qmp, "\"null\"");
        }
        assertThat(Arrays.equals(Files.readAllBytes(src), Files.readAllBytes(tgt))).as("source and target identical").isTrue();
    }

    @Test
    void throttledBackupStopsBetweenChunks() throws Exception {
        Path src = source();
        Path tgt = tmp.resolve("tgt.img");
        Files.write(tgt, new byte[SIZE]);
        try (JobServer server = JobServer.start(tmp.resolve("js.qmp"), null); RawQmp qmp = open(src, tgt)) {
            qmp.send("{\"execute\": \"blockdev-backup\", \"arguments\": {\"job-id\": \"b\", \"device\": \"src\", \"target\": \"tgt\", \"sync\": \"full\", \"speed\": 4194304}}");
            await(qmp, "\"return\"");
            Thread.sleep(300);
            qmp.send("{\"execute\": \"block-job-cancel\", \"arguments\": {\"device\": \"b\"}}");
            String cancelled = await(qmp, "BLOCK_JOB_CANCELLED");
            long offset = Long.parseLong(cancelled.replaceAll(".*\"offset\": (\\d+).*", "$1"));
            assertThat(offset).isPositive().isLessThan(SIZE);
            assertThat(offset % BlockJob.CHUNK).as("offset in whole chunks").isZero();
            await(qmp, "\"null\"");
            byte[] a = Files.readAllBytes(src);
            byte[] b = Files.readAllBytes(tgt);
            assertThat(Arrays.equals(a, 0, (int) offset, b, 0, (int) offset)).as("copied part identical").isTrue();
        }
    }
}
