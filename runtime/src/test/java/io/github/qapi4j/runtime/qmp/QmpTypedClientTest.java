/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime pieces generated clients and servers use: call flags, typed events, registry. */
class QmpTypedClientTest {
    static final QmpEventType<JsonValue> STATUS = QmpEventType.of("JOB_STATUS_CHANGE", Codecs.ANY);

    @TempDir
    Path dir;
    TestServer ts;
    QmpClient c;

    @BeforeEach
    void start() throws Exception {
        ts = new TestServer();
        c = QmpClient.connect(ts.server.listenUnix(dir.resolve("qmp.sock")));
    }

    @AfterEach
    void stop() {
        c.close();
        ts.release.countDown();
        ts.server.close();
    }

    private static String status(JsonValue v) {
        return ((JsonValue.Str) ((JsonObject) v).get("status")).value();
    }

    @Test
    void typedEventsListenersAndAwaits() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        QmpClient.Subscription s = c.onEvent(STATUS, v -> seen.add(status(v)));
        CompletableFuture<JsonValue> aborting = c.nextEvent(STATUS, v -> status(v).equals("aborting"));
        c.execute("job-create", JsonObject.of("id", JsonValue.of("j1")));
        assertThat(seen).containsExactly("running"); // delivered before the reply completed
        c.callSync("job-cancel", Codecs.ANY, JsonObject.of("id", JsonValue.of("j1")), Codecs.EMPTY_OBJECT);
        assertThat(status(aborting.get(5, TimeUnit.SECONDS))).isEqualTo("aborting");
        assertThatThrownBy(() -> c.awaitEvent(STATUS, v -> true, Duration.ofMillis(100)))
                .isInstanceOf(TimeoutException.class);
        s.close();
        c.execute("job-create", JsonObject.of("id", JsonValue.of("j2")));
        assertThat(seen).containsExactly("running", "aborting");
    }

    @Test
    void callFlags() throws Exception {
        assertThat(c.oobEnabled()).isTrue();
        assertThat(c.call("quiet", Codecs.EMPTY_OBJECT, null, Codecs.EMPTY_OBJECT,
                QmpCommand.Flag.NO_SUCCESS_RESPONSE).get(5, TimeUnit.SECONDS)).isNull();
        assertThat(c.callSync("ping-oob", Codecs.EMPTY_OBJECT, null, Codecs.EMPTY_OBJECT,
                QmpCommand.Flag.ALLOW_OOB)).isNull();
        assertThatThrownBy(() -> c.callSync("boom", Codecs.EMPTY_OBJECT, null, Codecs.EMPTY_OBJECT))
                .isInstanceOf(QmpError.class);
    }

    @Test
    void registryAndDeclaredArguments() {
        QmpRegistry r = new QmpRegistry();
        QmpCommand a = QmpCommand.of("x", (args, s) -> null);
        assertThat(r.registerIfAbsent(a)).isTrue();
        assertThat(r.registerIfAbsent(QmpCommand.of("x", (args, s) -> null))).isFalse();
        assertThat(r.registerIfAbsent(QmpCommand.of("qmp_capabilities", (args, s) -> null))).isFalse();
        assertThat(r.contains("x")).isTrue();
        assertThat(r.names()).containsExactly("x");
        JsonObject all = JsonObject.of("driver", JsonValue.of("e1000"), "addr", JsonValue.of("3"));
        assertThat(QmpCommand.declared(all, "driver", "bus", "id")).isEqualTo(JsonObject.of("driver", JsonValue.of("e1000")));
    }
}
