/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file mirror while a "guest" keeps writing to the source ends with identical files. */
class MirrorUnderWritesTest {
    @TempDir
    Path tmp;

    @Test
    void mirrorKeepsTargetInSync() throws Exception {
        int size = 32 << 20;
        byte[] data = new byte[size];
        new Random(1).nextBytes(data);
        Path src = tmp.resolve("src.img");
        Path tgt = tmp.resolve("tgt.img");
        Files.write(src, data);
        Files.write(tgt, new byte[size]);
        Path socket = tmp.resolve("js.qmp");
        try (JobServer server = JobServer.start(socket, null); RawQmp qmp = RawQmp.withFileNodes(socket, src, tgt)) {
            AtomicBoolean stop = new AtomicBoolean();
            JobServer.BlockNodeHandle guest = server.node("src");
            Thread writer = new Thread(() -> {
                Random r = new Random(2);
                byte[] block = new byte[4096];
                try {
                    while (!stop.get()) {
                        r.nextBytes(block);
                        long off = (long) r.nextInt(size / 4096) * 4096;
                        guest.write(off, ByteBuffer.wrap(block));
                        Thread.sleep(2);
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            writer.start();
            qmp.send("{\"execute\": \"blockdev-mirror\", \"arguments\": {\"job-id\": \"m\", \"device\": \"src\", \"target\": \"tgt\", \"sync\": \"full\"}}");
            qmp.await("BLOCK_JOB_READY");
            Thread.sleep(300); // writes keep coming while ready
            stop.set(true);
            writer.join();
            qmp.send("{\"execute\": \"job-complete\", \"arguments\": {\"id\": \"m\"}}");
            qmp.await("\"null\"");
        }
        assertThat(Arrays.equals(Files.readAllBytes(src), Files.readAllBytes(tgt))).as("source and target identical").isTrue();
    }
}
