/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.CompatPolicy;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server under a compatibility policy: commands, replies, events, introspection, crash. */
class CompatPolicyServerTest {
    @TempDir
    Path dir;

    static final String SCHEMA = "[{\"name\": \"old\", \"ret-type\": \"1\", \"meta-type\": \"command\", \"arg-type\": \"0\","
            + " \"features\": [\"deprecated\"]}, {\"name\": \"x-new\", \"ret-type\": \"1\", \"meta-type\": \"command\","
            + " \"arg-type\": \"0\", \"features\": [\"unstable\"]}, {\"name\": \"0\", \"members\": [{\"name\": \"a\","
            + " \"type\": \"str\"}, {\"name\": \"b\", \"type\": \"str\", \"features\": [\"deprecated\"]}],"
            + " \"meta-type\": \"object\"}, {\"name\": \"1\", \"members\": [{\"name\": \"on\"}, {\"name\": \"off\","
            + " \"features\": [\"deprecated\"]}], \"meta-type\": \"enum\", \"values\": [\"on\", \"off\"]}]";

    static QmpRegistry registry() {
        QmpRegistry r = new QmpRegistry();
        r.register(QmpCommand.of("old", (args, s) -> null, QmpCommand.Flag.DEPRECATED));
        r.register(QmpCommand.of("x-new", (args, s) -> null, QmpCommand.Flag.UNSTABLE));
        r.register(QmpCommand.of("both", (args, s) -> null, QmpCommand.Flag.UNSTABLE, QmpCommand.Flag.DEPRECATED));
        // a reply with a deprecated member, written as generated writers write it
        r.register(QmpCommand.of("info", (args, s) -> g -> {
            g.writeStartObject();
            g.writeStringField("a", "1");
            if (!CompatPolicy.hides(g, CompatPolicy.DEPRECATED)) {
                g.writeStringField("b", "2");
            }
            g.writeEndObject();
        }));
        StandardCommands.register(r, new StandardCommands.Version(7, 2, 0, ""), SCHEMA, List.of());
        return r;
    }

    static String error(QmpClient c, String command) throws Exception {
        try {
            c.execute(command);
            return "(accepted)";
        } catch (QmpError e) {
            return e.errorClass().wireName() + ": " + e.description();
        }
    }

    @Test
    void defaultPolicyAcceptsAndShowsEverything() throws Exception {
        try (QmpServer server = QmpServer.builder(registry()).build();
                QmpClient c = QmpClient.connect(server.listenUnix(dir.resolve("s")))) {
            assertThat(error(c, "old")).isEqualTo("(accepted)");
            assertThat(error(c, "x-new")).isEqualTo("(accepted)");
            assertThat(c.execute("info").toString()).isEqualTo("{\"a\": \"1\", \"b\": \"2\"}");
            assertThat(c.execute("query-qmp-schema").toString()).isEqualTo(QemuJson.parse(SCHEMA).toString());
        }
    }

    @Test
    void rejectAndHide() throws Exception {
        CompatPolicy policy = CompatPolicy.parse(
                "deprecated-input=reject,deprecated-output=hide,unstable-input=reject");
        QmpRegistry registry = registry();
        try (QmpServer server = QmpServer.builder(registry).compatPolicy(policy).build();
                QmpClient c = QmpClient.connect(server.listenUnix(dir.resolve("s")))) {
            assertThat(error(c, "old")).isEqualTo("CommandNotFound: Deprecated command old disabled by policy");
            assertThat(error(c, "x-new")).isEqualTo("CommandNotFound: Unstable command x-new disabled by policy");
            assertThat(error(c, "both")).isEqualTo("CommandNotFound: Deprecated command both disabled by policy");
            assertThat(error(c, "nope")).isEqualTo("CommandNotFound: The command nope has not been found");
            // QEMU checks the policy before whether the command is enabled
            registry.disable("old", "for a test");
            assertThat(error(c, "old")).isEqualTo("CommandNotFound: Deprecated command old disabled by policy");
            assertThat(c.execute("info").toString()).isEqualTo("{\"a\": \"1\"}");
            // zapped: the deprecated command and member; SchemaInfoEnum's deprecated "values" is
            // hidden by the same policy; the deprecated enum value stays
            assertThat(c.execute("query-qmp-schema").toString()).isEqualTo("[{\"name\": \"x-new\", \"ret-type\": \"1\","
                    + " \"meta-type\": \"command\", \"arg-type\": \"0\", \"features\": [\"unstable\"]}, {\"name\": \"0\","
                    + " \"members\": [{\"name\": \"a\", \"type\": \"str\"}], \"meta-type\": \"object\"}, {\"name\": \"1\","
                    + " \"members\": [{\"name\": \"on\"}, {\"name\": \"off\", \"features\": [\"deprecated\"]}],"
                    + " \"meta-type\": \"enum\"}]");
        }
    }

    @Test
    void hiddenEventsAreNotSent() throws Exception {
        QmpEventType<JsonValue> gone = new QmpEventType<>("GONE", Codecs.ANY, null, CompatPolicy.DEPRECATED);
        QmpEventType<JsonValue> kept = new QmpEventType<>("KEPT", Codecs.ANY, null, CompatPolicy.UNSTABLE);
        QmpEventType<JsonValue> plain = QmpEventType.of("PLAIN", Codecs.ANY);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (QmpServer server = QmpServer.builder(new QmpRegistry())
                .compatPolicy(CompatPolicy.parse("deprecated-output=hide")).build();
                QmpClient c = QmpClient.connect(server.listenUnix(dir.resolve("s")))) {
            c.addEventListener(e -> seen.add(e.name()));
            server.emitEvent(gone, JsonObject.empty());
            server.emitEvent(kept, JsonObject.empty());
            server.emitEvent(plain, JsonObject.empty());
            server.emitEvent("LAST", (JsonObject) null);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!seen.contains("LAST") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(seen).containsExactly("KEPT", "PLAIN", "LAST");
    }

    @Test
    void crashDropsTheClientWithoutAReplyAndTheServerGoesOn() throws Exception {
        try (QmpServer server = QmpServer.builder(registry()).compatPolicy(CompatPolicy.parse("deprecated-input=crash"))
                .build()) {
            var address = server.listenUnix(dir.resolve("s"));
            try (RawClient raw = RawClient.negotiated(address)) {
                raw.send("{\"execute\": \"old\", \"id\": 1}");
                assertThat(raw.isEof(raw.line())).isTrue();
            }
            try (QmpClient c = QmpClient.connect(address)) {
                assertThat(error(c, "x-new")).isEqualTo("(accepted)");
            }
        }
    }
}
