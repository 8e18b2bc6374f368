/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qapi4j.examples.qemu.qapi.BlockdevBackup;
import io.github.qapi4j.examples.qemu.qapi.BlockdevOptions;
import io.github.qapi4j.examples.qemu.qapi.JobStatus;
import io.github.qapi4j.examples.qemu.qapi.JobStatusChangeEvent;
import io.github.qapi4j.examples.qemu.qapi.MirrorSyncMode;
import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommandDispatcher;
import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommands;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QDictOrder;
import io.github.qapi4j.runtime.json.QemuJson;
import io.github.qapi4j.runtime.qmp.QmpClient;
import io.github.qapi4j.runtime.qmp.QmpError;
import io.github.qapi4j.runtime.qmp.QmpEvent;
import java.io.ByteArrayOutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QEMU 7.2's replies as an oracle for the generated codecs of its schema, both ways: each reply is
 * read by the generated typed client, written again by the generated server-side dispatcher, put in
 * QEMU's member order (QDict order, {@link QDictOrder}), and must equal what QEMU sent. A member the
 * reader dropped, a value it changed, or a writer that spells something differently shows up.
 */
class ReplyRoundTripOracleTest {
    @TempDir
    Path dir;

    /** Queries without arguments that a {@code -machine none} QEMU answers. */
    static final List<String> QUERIES = List.of("query-version", "query-status", "query-name", "query-uuid",
            "query-kvm", "query-target", "query-machines", "query-cpu-definitions", "query-commands",
            "query-qmp-schema", "query-chardev", "query-chardev-backends", "query-named-block-nodes", "query-block",
            "query-blockstats", "query-block-jobs", "query-jobs", "query-migrate-capabilities",
            "query-migrate-parameters", "query-migrate", "query-iothreads", "query-memdev",
            "query-memory-size-summary", "query-display-options", "query-replay", "query-yank",
            "query-tpm-models", "query-tpm-types", "query-acpi-ospm-status", "qom-list-types",
            "query-dump-guest-memory-capability", "query-fdsets", "query-mice", "query-events",
            "query-command-line-options", "query-balloon", "query-hotpluggable-cpus", "query-cpus-fast",
            "query-memory-devices", "query-rocker", "query-vnc", "query-sev", "query-dump", "query-tpm",
            "query-colo-status", "query-xen-replication-status", "query-pci", "query-current-machine",
            "query-dirty-rate", "query-vcpu-dirty-limit", "query-stats-schemas");

    @Test
    void repliesSurviveTheGeneratedReaderAndWriter() throws Exception {
        List<String> compared = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        try (Qemu qemu = Qemu.start(dir); QmpClient qmp = QmpClient.connect(UnixDomainSocketAddress.of(qemu.socket))) {
            QapiSchemaCommands typed = QapiSchemaCommands.client(qmp);
            typed.blockdevAdd(BlockdevOptions.NullCo.builder().nodeName("n0").size(1L << 20).build());
            for (String q : QUERIES) {
                JsonValue raw;
                try {
                    raw = qmp.execute(q);
                } catch (QmpError e) {
                    continue; // not available in this build or machine: nothing to compare
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (JsonGenerator g = QemuJson.generator(out)) {
                    assertThat(QapiSchemaCommandDispatcher.dispatch(typed, q, JsonObject.empty(), g)).as(q).isTrue();
                }
                JsonValue again = QDictOrder.reorder(QemuJson.parse(out.toString(StandardCharsets.UTF_8)));
                compared.add(q);
                if (!again.toString().equals(raw.toString())) {
                    mismatches.add(q + "\n    QEMU:   " + abbreviate(raw) + "\n    qapi4j: " + abbreviate(again));
                }
            }
        }
        System.out.println("ReplyRoundTripOracleTest: " + compared.size() + " replies compared");
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
        assertThat(compared).as("queries compared").hasSizeGreaterThan(30)
                .contains("query-qmp-schema", "query-machines", "qom-list-types", "query-named-block-nodes");
    }

    @Test
    void jobEventsSurviveTheGeneratedEventCodecs() throws Exception {
        List<QmpEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Qemu qemu = Qemu.start(dir); QmpClient qmp = QmpClient.connect(UnixDomainSocketAddress.of(qemu.socket))) {
            qmp.addEventListener(events::add);
            QapiSchemaCommands c = QapiSchemaCommands.client(qmp);
            for (String node : List.of("src", "tgt")) {
                c.blockdevAdd(BlockdevOptions.NullCo.builder().nodeName(node).size(1L << 20).build());
            }
            CompletableFuture<JobStatusChangeEvent> concluded = qmp.nextEvent(JobStatusChangeEvent.TYPE,
                    e -> e.status() == JobStatus.CONCLUDED);
            c.blockdevBackup(BlockdevBackup.builder().jobId("j").device("src").target("tgt")
                    .sync(MirrorSyncMode.FULL).autoDismiss(false).build());
            concluded.get(30, TimeUnit.SECONDS);
            c.jobDismiss("j");
            c.blockdevDel("tgt");
        }
        List<String> names = new ArrayList<>();
        for (QmpEvent e : events) {
            JsonCodec<Object> codec = eventCodec(e.name());
            Object typed = QemuJson.decode(codec, e.data().toString().getBytes(StandardCharsets.UTF_8));
            JsonValue again = QDictOrder.reorder(QemuJson.parse(new String(QemuJson.encode(codec, typed), StandardCharsets.UTF_8)));
            assertThat(again.toString()).as(e.name()).isEqualTo(e.data().toString());
            names.add(e.name());
        }
        assertThat(names).contains("JOB_STATUS_CHANGE", "BLOCK_JOB_COMPLETED");
    }

    @SuppressWarnings("unchecked")
    private static JsonCodec<Object> eventCodec(String event) throws ReflectiveOperationException {
        StringBuilder name = new StringBuilder();
        for (String w : event.toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        Class<?> c = Class.forName("io.github.qapi4j.examples.qemu.qapi." + name + "Event");
        return (JsonCodec<Object>) c.getField("CODEC").get(null);
    }

    private static String abbreviate(JsonValue v) {
        String s = v.toString();
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
