/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.runtime.json.JsonArray;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * query-commands and query-qmp-schema come from the generated bindings of job-server.json, and
 * members of QEMU's argument shapes that the server does not implement are refused.
 */
class IntrospectionTest {
    @TempDir
    Path tmp;

    private static JsonValue exec(RawQmp qmp, String command) throws Exception {
        qmp.send(command);
        String line = qmp.next(10_000);
        assertThat(line).as(command).isNotNull().isNotEqualTo(RawQmp.EOF);
        JsonObject reply = (JsonObject) QemuJson.parse(line);
        return reply.has("return") ? reply.get("return") : reply;
    }

    @Test
    void introspectionFromTheSchema() throws Exception {
        Path socket = tmp.resolve("js.qmp");
        try (JobServer server = JobServer.start(socket, null); RawQmp qmp = RawQmp.connect(socket, 10_000)) {
            qmp.next(10_000); // greeting
            exec(qmp, "{\"execute\": \"qmp_capabilities\"}");

            List<String> names = new ArrayList<>();
            JsonArray commands = (JsonArray) exec(qmp, "{\"execute\": \"query-commands\"}");
            for (int i = 0; i < commands.size(); i++) {
                names.add(((JsonValue.Str) ((JsonObject) commands.get(i)).get("name")).value());
            }
            assertThat(names).containsExactlyInAnyOrder("qmp_capabilities", "query-version", "query-commands",
                    "query-qmp-schema", "quit", "blockdev-add", "blockdev-del", "blockdev-backup", "blockdev-mirror",
                    "block-job-set-speed", "block-job-cancel", "block-job-pause", "block-job-resume",
                    "block-job-complete", "block-job-dismiss", "block-job-finalize", "query-block-jobs",
                    "transaction", "job-pause", "job-resume", "job-cancel", "job-complete", "job-dismiss",
                    "job-finalize", "query-jobs");
            // QEMU lists the newest registration first: schema order reversed
            assertThat(names.get(names.size() - 1)).isEqualTo("qmp_capabilities");

            JsonArray schema = (JsonArray) exec(qmp, "{\"execute\": \"query-qmp-schema\"}");
            List<String> metaCommands = new ArrayList<>();
            for (int i = 0; i < schema.size(); i++) {
                JsonObject info = (JsonObject) schema.get(i);
                if (((JsonValue.Str) info.get("meta-type")).value().equals("command")) {
                    metaCommands.add(((JsonValue.Str) info.get("name")).value());
                }
            }
            assertThat(metaCommands).containsExactlyInAnyOrderElementsOf(names);

            String refused = QemuJson.toJson(exec(qmp, "{\"execute\": \"blockdev-add\", \"arguments\": "
                    + "{\"driver\": \"null-co\", \"node-name\": \"n\", \"latency-ns\": 5}}"));
            assertThat(refused).contains("Parameter 'latency-ns' is not supported by this server");
            String badDriver = QemuJson.toJson(exec(qmp, "{\"execute\": \"blockdev-add\", \"arguments\": "
                    + "{\"driver\": \"qcow2\", \"node-name\": \"n\"}}"));
            assertThat(badDriver).contains("Parameter 'driver' does not accept value 'qcow2'");
        }
    }
}
