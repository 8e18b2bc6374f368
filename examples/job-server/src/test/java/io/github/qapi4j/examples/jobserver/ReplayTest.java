/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every scenario of {@code src/test/resources/scenarios} against the job server and
 * against a real QEMU (when installed) and compares each with the transcript recorded from QEMU
 * 7.2. With {@code -Dqapi4j.record=true} the QEMU run rewrites the transcripts instead.
 */
class ReplayTest {
    /**
     * Scenarios where the job server may still differ from QEMU, with the reason. A difference in
     * one of these is printed loudly (KNOWN DIFFERENCE) instead of failing the build; any other
     * scenario must match. Keep this list short, and remove an entry once its cause is fixed.
     */
    static final java.util.Map<String, String> KNOWN_DIFFERENCES = java.util.Map.of();

    @TempDir
    Path tmp;

    static List<String> scenarios() throws IOException, URISyntaxException {
        Path dir = Path.of(ReplayTest.class.getResource("/scenarios").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .toList();
        }
    }

    static Transcript expected(String name) throws IOException, URISyntaxException {
        return Transcript.read(Path.of(ReplayTest.class.getResource("/transcripts/" + name + ".txt").toURI()));
    }

    @TestFactory
    Stream<DynamicTest> againstQemu() throws Exception {
        if (!QemuPeer.installed()) {
            System.out.println("SKIPPED: " + QemuPeer.BINARY + " is not installed");
            if (System.getenv("QAPI4J_REQUIRE_QEMU") != null) {
                throw new AssertionError(QemuPeer.BINARY + " is not installed but QAPI4J_REQUIRE_QEMU is set");
            }
            Assumptions.abort(QemuPeer.BINARY + " is not installed");
        }
        boolean record = Boolean.getBoolean("qapi4j.record");
        return scenarios().stream().map(name -> DynamicTest.dynamicTest("qemu " + name, () -> {
            Scenario s = Scenario.load(name);
            Path dir = Files.createTempDirectory(tmp, name);
            Transcript t;
            try (QemuPeer qemu = new QemuPeer(dir)) {
                t = Replay.run(s, qemu.socket);
            }
            if (record) {
                Path out = Path.of(System.getProperty("basedir", "."), "src/test/resources/transcripts", name + ".txt");
                Files.writeString(out, t.format(name + ": " + s.description()
                        + " (recorded from Debian QEMU 7.2.22, qemu-system-x86_64 -machine none)"), StandardCharsets.UTF_8);
            } else {
                List<String> diffs = Normaliser.compare(expected(name), t);
                assertThat(diffs).as("QEMU vs transcript of " + name).isEmpty();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> againstJobServer() throws Exception {
        return scenarios().stream().map(name -> DynamicTest.dynamicTest("job-server " + name, () -> {
            Scenario s = Scenario.load(name);
            Path dir = Files.createTempDirectory(tmp, name);
            Path socket = dir.resolve("js.qmp");
            Transcript t;
            try (JobServer server = JobServer.start(socket, null)) {
                t = Replay.run(s, socket);
            }
            List<String> diffs = Normaliser.compare(expected(name), t);
            if (!diffs.isEmpty()) {
                Files.writeString(Path.of(System.getProperty("basedir", "."), "target", "actual-" + name + ".txt"),
                        t.format(name), StandardCharsets.UTF_8);
            }
            String known = KNOWN_DIFFERENCES.get(name);
            if (known != null) {
                if (diffs.isEmpty()) {
                    System.out.println("KNOWN DIFFERENCE did not show this time: " + name + " (" + known + ")");
                } else {
                    System.out.println("!!! KNOWN DIFFERENCE (not failing the build): job server vs transcript of "
                            + name + ": " + known + "\n" + String.join("\n", diffs));
                }
                return;
            }
            assertThat(diffs).as("job server vs transcript of " + name).isEmpty();
        }));
    }
}
