/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.JobInfoExample.JobInfo;
import io.github.qapi4j.runtime.json.JobInfoExample.JobInfoCodec;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QmpClientTest {
    private static final JsonCodec<List<JobInfo>> JOBS = Codecs.list(JobInfoCodec.INSTANCE);

    @TempDir
    Path dir;
    TestServer ts;
    SocketAddress unix;
    SocketAddress tcp;

    @BeforeEach
    void start() throws Exception {
        ts = new TestServer();
        unix = ts.server.listenUnix(dir.resolve("qmp.sock"));
        tcp = ts.server.listenTcp(0);
    }

    @AfterEach
    void stop() {
        ts.release.countDown();
        ts.server.close();
    }

    private static JsonObject args(String id) {
        return JsonObject.builder().put("id", id).build();
    }

    @Test
    @DisplayName("connect, negotiate oob, execute typed and untyped, errors as QmpError")
    void basics() throws Exception {
        try (QmpClient c = QmpClient.connect(unix)) {
            assertThat(c.capabilities()).containsExactly("oob");
            assertThat(c.oobEnabled()).isTrue();
            assertThat(c.greeting().get("version").toString()).contains("\"major\": 10");
            c.execute("job-create", args("a"));
            List<JobInfo> jobs = c.execute("query-jobs", Codecs.EMPTY_OBJECT, null, JOBS);
            assertThat(jobs).extracting(JobInfo::id).containsExactly("a");
            assertThat(c.execute("query-jobs").toString()).contains("\"id\": \"a\"");
            assertThatThrownBy(() -> c.execute("job-cancel", args("zz")))
                    .isInstanceOfSatisfying(QmpError.class, e -> {
                        assertThat(e.errorClass()).isEqualTo(QmpError.ErrorClass.GENERIC_ERROR);
                        assertThat(e.description()).isEqualTo("Job ID 'zz' not found");
                    });
            assertThatThrownBy(() -> c.execute("nope")).isInstanceOfSatisfying(QmpError.class,
                    e -> assertThat(e.errorClass()).isEqualTo(QmpError.ErrorClass.COMMAND_NOT_FOUND));
            assertThat(c.executeOob("ping-oob", Codecs.ANY, null, Codecs.EMPTY_OBJECT).get(5, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    @DisplayName("events reach listeners in order, before the reply that followed them; awaitEvent")
    void events() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        QmpClient.Options o = QmpClient.Options.defaults()
                .withListener(e -> seen.add(e.data().get("id") + ":" + e.data().get("status")));
        try (QmpClient c = QmpClient.connect(tcp, o)) {
            CompletableFuture<QmpEvent> cancelled = c.nextEvent(e -> e.data().get("status").equals(JsonValue.of("aborting")));
            c.execute("job-create", JsonObject.builder().put("id", "j").put("count", 3).build());
            // replies are completed on the delivery thread after the events that preceded them
            assertThat(seen).hasSize(3);
            c.execute("job-cancel", args("j1"));
            QmpEvent e = cancelled.get(5, TimeUnit.SECONDS);
            assertThat(e.name()).isEqualTo("JOB_STATUS_CHANGE");
            assertThat(e.seconds()).isPositive();
            assertThat(e.data(Codecs.ANY).toString()).isEqualTo("{\"status\": \"aborting\", \"id\": \"j1\"}");
            CompletableFuture<QmpEvent> late = c.nextEvent(x -> x.name().equals("LATE"));
            ts.server.emitEvent("LATE", JsonObject.of("n", JsonValue.of(1)));
            assertThat(late.get(5, TimeUnit.SECONDS).data().get("n")).isEqualTo(JsonValue.of(1));
            assertThatThrownBy(() -> c.awaitEvent(x -> false, Duration.ofMillis(50)))
                    .isInstanceOf(TimeoutException.class);
            assertThat(seen).startsWith("\"j0\":\"running\"", "\"j1\":\"running\"", "\"j2\":\"running\"",
                    "\"j1\":\"aborting\"");
        }
    }

    @Test
    @DisplayName("a vanished server fails pending futures with QmpConnectionException")
    void vanishedPeer() throws Exception {
        QmpClient c = QmpClient.connect(unix);
        CompletableFuture<JsonValue> blocked = c.executeAsync("block", Codecs.ANY, null, Codecs.ANY);
        CompletableFuture<JsonValue> queued = c.executeAsync("query-jobs", Codecs.ANY, null, Codecs.ANY);
        Thread.sleep(100);
        ts.server.close();
        assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(QmpConnectionException.class);
        assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(QmpConnectionException.class);
        c.closed().get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> c.execute("query-jobs")).isInstanceOf(QmpConnectionException.class);
        c.close();
    }

    @Test
    @DisplayName("several clients pipelining at once each get their own replies, in order")
    void concurrentPipelining() throws Exception {
        int clients = 4;
        int perClient = 500;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int k = 0; k < clients; k++) {
            String prefix = "c" + k + "-";
            SocketAddress a = k % 2 == 0 ? unix : tcp;
            Thread t = new Thread(() -> {
                try (QmpClient c = QmpClient.connect(a)) {
                    List<CompletableFuture<Void>> fs = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        fs.add(c.executeAsync("job-create", Codecs.ANY, args(prefix + i), Codecs.EMPTY_OBJECT));
                    }
                    for (CompletableFuture<Void> f : fs) {
                        f.get(30, TimeUnit.SECONDS);
                    }
                    List<CompletableFuture<Void>> cancels = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        cancels.add(c.executeAsync("job-cancel", Codecs.ANY, args(prefix + i), Codecs.EMPTY_OBJECT));
                    }
                    for (CompletableFuture<Void> f : cancels) {
                        f.get(30, TimeUnit.SECONDS);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(failures).isEmpty();
        assertThat(ts.jobs).isEmpty();
    }

    @Test
    @DisplayName("garbage, half messages and disconnects from one client never disturb another")
    void misbehavingClient() throws Exception {
        try (QmpClient good = QmpClient.connect(unix)) {
            List<QmpEvent> events = new CopyOnWriteArrayList<>();
            good.addEventListener(events::add);
            for (int round = 0; round < 20; round++) {
                try (RawClient bad = RawClient.negotiated(round % 2 == 0 ? unix : tcp)) {
                    bad.sendBytes(new byte[] {(byte) 0xFF, 0, 1, '%', '{', '{', ']'});
                    bad.send("{\"execute\": \"job-create\", \"arguments\": {\"id\": \"bad" + round + "\"");
                    if (round % 3 == 0) {
                        bad.sendBytes("[".repeat(2000).getBytes(StandardCharsets.US_ASCII));
                    }
                    // and it disconnects mid-message without reading its replies
                }
                good.execute("job-create", args("good" + round));
                assertThat(good.execute("query-jobs", Codecs.EMPTY_OBJECT, null, JOBS))
                        .extracting(JobInfo::id).contains("good" + round);
            }
            assertThat(ts.jobs.keySet()).noneMatch(id -> id.startsWith("bad"));
            Thread.sleep(200);
            assertThat(ts.server.sessionCount()).isEqualTo(1);
            assertThat(events).hasSize(20);
        }
    }

    @Test
    @DisplayName("a client that does not read its output is dropped at the output limit")
    void stuckClientDropped() throws Exception {
        ts.server.close();
        TestServer small = new TestServer();
        small.server = QmpServer.builder(small.registry).maxOutputBytes(64 * 1024).build();
        try {
            SocketAddress a = small.server.listenUnix(dir.resolve("small.sock"));
            try (RawClient stuck = RawClient.negotiated(a)) {
                // Flood until the kernel's socket buffers (whose size varies from machine to
                // machine) and then the server's 64 KiB output limit are full; 256 MiB at most.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                int i = 0;
                while (small.server.sessionCount() > 0 && System.nanoTime() < deadline
                        && i < 2_500_000) {
                    for (int k = 0; k < 1000; k++, i++) {
                        small.server.emitEvent("FLOOD", JsonObject.of("i", JsonValue.of(i)));
                    }
                    Thread.sleep(5);
                }
                assertThat(small.server.sessionCount()).isZero();
                try (QmpClient good = QmpClient.connect(a)) {
                    assertThat(good.execute("query-jobs").toString()).isEqualTo("[]");
                }
            }
        } finally {
            small.server.close();
        }
    }
}
