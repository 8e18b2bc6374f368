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

    private static String await(RawQmp qmp, String needle) throws Exception {
        while (true) {
            String line = qmp.next(30_000);
            assertThat(line).as("waiting for " + needle).isNotNull().isNotEqualTo(RawQmp.EOF);
            if (line.contains(needle)) {
                return line;
            }
        }
    }

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
        try (JobServer server = JobServer.start(socket, null); RawQmp qmp = RawQmp.connect(socket, 5000)) {
            await(qmp, "QMP");
            qmp.send("{\"execute\": \"qmp_capabilities\"}");
            await(qmp, "return");
            qmp.send("{\"execute\": \"blockdev-add\", \"arguments\": {\"driver\": \"file\", \"node-name\": \"src\", \"filename\": \"" + src + "\"}}");
            await(qmp, "return");
            qmp.send("{\"execute\": \"blockdev-add\", \"arguments\": {\"driver\": \"file\", \"node-name\": \"tgt\", \"filename\": \"" + tgt + "\"}}");
            await(qmp, "return");
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
            await(qmp, "BLOCK_JOB_READY");
            Thread.sleep(300); // writes keep coming while ready
            stop.set(true);
            writer.join();
            qmp.send("{\"execute\": \"job-complete\", \"arguments\": {\"id\": \"m\"}}");
            await(qmp, "\"null\"");
        }
        assertThat(Arrays.equals(Files.readAllBytes(src), Files.readAllBytes(tgt))).as("source and target identical").isTrue();
    }
}
