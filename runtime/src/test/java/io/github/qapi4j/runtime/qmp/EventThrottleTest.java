/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QEMU's event rate limits in the server (rates shortened so the test is quick). */
class EventThrottleTest {
    static final Duration RATE = Duration.ofMillis(400);

    @TempDir
    Path dir;

    record Seen(String name, String data, long sentMicros, long arrivedNanos) {}

    private static JsonObject data(Object... namesAndValues) {
        JsonObject.Builder b = JsonObject.builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            b.put((String) namesAndValues[i], v instanceof Long n ? new JsonValue.Int(n) : new JsonValue.Str((String) v));
        }
        return b.build();
    }

    private static void awaitSize(List<?> l, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (l.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void theLastOfABurstComesWhenTheRateHasPassed() throws Exception {
        QmpServer.Builder b = QmpServer.builder(new QmpRegistry());
        for (String e : List.of("RTC_CHANGE", "VSERPORT_CHANGE", "BLOCK_IO_ERROR")) {
            b.eventRate(e, RATE);
        }
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (QmpServer server = b.build(); QmpClient c = QmpClient.connect(server.listenUnix(dir.resolve("s")))) {
            c.addEventListener(e -> seen.add(new Seen(e.name(), e.data().toString(),
                    e.seconds() * 1_000_000 + e.microseconds(), System.nanoTime())));
            long start = System.nanoTime();
            long startMicros = System.currentTimeMillis() * 1000;
            server.emitEvent("RTC_CHANGE", data("offset", 1L, "qom-path", "/r"));
            server.emitEvent("RTC_CHANGE", data("offset", 2L, "qom-path", "/r"));
            server.emitEvent("RTC_CHANGE", data("offset", 3L, "qom-path", "/r"));
            server.emitEvent("VSERPORT_CHANGE", data("id", "a", "open", "x"));
            server.emitEvent("VSERPORT_CHANGE", data("id", "b", "open", "x"));
            server.emitEvent("VSERPORT_CHANGE", data("id", "a", "open", "y"));
            server.emitEvent("BLOCK_IO_ERROR", data("action", "stop", "n", 1L));
            server.emitEvent("BLOCK_IO_ERROR", data("action", "stop", "n", 2L));
            server.emitEvent("JOB_STATUS_CHANGE", data("id", "j", "status", "running"));
            awaitSize(seen, 8);
            Thread.sleep(2 * RATE.toMillis()); // nothing more may come
            assertThat(seen).extracting(s -> s.name() + " " + s.data()).containsExactly(
                    "RTC_CHANGE {\"offset\": 1, \"qom-path\": \"/r\"}",
                    "VSERPORT_CHANGE {\"id\": \"a\", \"open\": \"x\"}",
                    "VSERPORT_CHANGE {\"id\": \"b\", \"open\": \"x\"}",
                    "BLOCK_IO_ERROR {\"action\": \"stop\", \"n\": 1}",
                    "BLOCK_IO_ERROR {\"action\": \"stop\", \"n\": 2}",
                    "JOB_STATUS_CHANGE {\"id\": \"j\", \"status\": \"running\"}",
                    // after the rate: the last of each held burst, per instance
                    "RTC_CHANGE {\"offset\": 3, \"qom-path\": \"/r\"}",
                    "VSERPORT_CHANGE {\"id\": \"a\", \"open\": \"y\"}");
            Seen late = seen.get(6);
            assertThat(late.arrivedNanos() - start).isGreaterThanOrEqualTo(RATE.toNanos() * 9 / 10);
            // a held event keeps the time it was emitted at
            assertThat(late.sentMicros()).isBetween(startMicros - 1_000_000, startMicros + RATE.toMillis() * 1000 / 2);

            // the wait is over (nothing held at its end): the next one goes out at once
            long again = System.nanoTime();
            server.emitEvent("RTC_CHANGE", data("offset", 4L, "qom-path", "/r"));
            awaitSize(seen, 9);
            assertThat(seen.get(8).data()).contains("\"offset\": 4");
            assertThat(seen.get(8).arrivedNanos() - again).isLessThan(RATE.toNanos() * 3 / 4);
        }
    }

    @Test
    void qemusTableByDefaultAndNoneOnRequest() throws Exception {
        assertThat(EventThrottle.QEMU_RATES).containsKeys("RTC_CHANGE", "WATCHDOG", "BALLOON_CHANGE",
                "QUORUM_REPORT_BAD", "QUORUM_FAILURE", "VSERPORT_CHANGE", "MEMORY_DEVICE_SIZE_CHANGE",
                "BLOCK_IO_ERROR", "HV_BALLOON_STATUS_REPORT").hasSize(9);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (QmpServer server = QmpServer.builder(new QmpRegistry()).noEventThrottling().build();
                QmpClient c = QmpClient.connect(server.listenUnix(dir.resolve("t")))) {
            c.addEventListener(e -> seen.add(e.data().toString()));
            for (long i = 0; i < 5; i++) {
                server.emitEvent("RTC_CHANGE", data("offset", i, "qom-path", "/r"));
            }
            awaitSize(seen, 5);
            assertThat(seen).hasSize(5);
        }
    }
}
