/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommandDispatcher;
import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommands;
import io.github.qapi4j.runtime.json.CompatPolicy;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.qmp.QmpClient;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import io.github.qapi4j.runtime.qmp.QmpServer;
import io.github.qapi4j.runtime.qmp.StandardCommands;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility policy against QEMU 7.2's own {@code -compat}: one QEMU runs with
 * {@code -compat deprecated-input=reject,deprecated-output=hide,unstable-input=reject,unstable-output=hide};
 * a qapi4j server with the same policy forwards every command, through the generated client, to a
 * second QEMU without the option. Every request below must get the same reply from both: the
 * same error class and text where the policy rejects a command, an argument member or an enum value
 * (also deep inside unions and lists), the same reply where it hides members
 * ({@code query-migrate-parameters}' unstable {@code x-checkpoint-delay}) or entities
 * ({@code query-qmp-schema} without what is deprecated: the server serves the plain QEMU's
 * schema, and what it leaves out must be what QEMU leaves out), and the same answer where the
 * policy lets the request through.
 */
class CompatPolicyOracleTest {
    static final String POLICY = "deprecated-input=reject,deprecated-output=hide,unstable-input=reject,unstable-output=hide";

    @TempDir
    Path dir;

    /** command, arguments. */
    static final String[][] REQUESTS = {
        // deprecated and unstable commands (CommandNotFound), before their arguments are looked at
        {"drive-backup", "{\"device\": \"a\", \"target\": \"b\", \"sync\": \"full\"}"},
        {"drive-backup", "{\"bogus\": 1}"},
        {"nbd-server-add", "{\"device\": \"a\"}"},
        {"nbd-server-remove", "{\"name\": \"a\"}"},
        {"x-query-roms", "{}"},
        {"x-query-numa", "{}"},
        {"x-debug-query-block-graph", "{}"},
        // deprecated members, optional and present
        {"eject", "{\"device\": \"x\"}"},
        {"eject", "{\"id\": \"x\"}"},
        {"blockdev-open-tray", "{\"device\": \"x\"}"},
        {"blockdev-close-tray", "{\"device\": \"x\"}"},
        {"blockdev-change-medium", "{\"device\": \"x\", \"filename\": \"/nonexistent\"}"},
        {"block-commit", "{\"device\": \"x\", \"base\": \"b\"}"},
        {"block-commit", "{\"device\": \"x\", \"top\": \"t\"}"},
        {"block-commit", "{\"device\": \"x\"}"},
        {"block_set_io_throttle", "{\"device\": \"x\", \"bps\": 0, \"bps_rd\": 0, \"bps_wr\": 0, \"iops\": 0,"
                + " \"iops_rd\": 0, \"iops_wr\": 0}"},
        {"block_set_io_throttle", "{\"id\": \"x\", \"bps\": 0, \"bps_rd\": 0, \"bps_wr\": 0, \"iops\": 0,"
                + " \"iops_rd\": 0, \"iops_wr\": 0}"},
        {"object-add", "{\"qom-type\": \"secret\", \"id\": \"s0\", \"data\": \"x\", \"loaded\": true}"},
        {"object-add", "{\"qom-type\": \"rng-random\", \"id\": \"r0\", \"opened\": false}"},
        {"object-add", "{\"qom-type\": \"tls-creds-anon\", \"id\": \"t0\", \"loaded\": true}"},
        // unstable members, also in a union branch
        {"migrate-set-parameters", "{\"x-checkpoint-delay\": 100}"},
        {"migrate-set-parameters", "{\"downtime-limit\": 300}"},
        {"blockdev-add", "{\"driver\": \"nbd\", \"node-name\": \"n\", \"server\": {\"type\": \"unix\", \"path\": \"/x\"},"
                + " \"x-dirty-bitmap\": \"b\"}"},
        // deprecated and unstable enum values: a union's discriminator, list elements, a flat union
        {"transaction", "{\"actions\": [{\"type\": \"drive-backup\", \"data\": {\"device\": \"a\", \"target\": \"b\","
                + " \"sync\": \"full\"}}]}"},
        {"transaction", "{\"actions\": [{\"type\": \"abort\", \"data\": {}},"
                + " {\"type\": \"drive-backup\", \"data\": {}}]}"},
        {"migrate-set-capabilities", "{\"capabilities\": [{\"capability\": \"x-colo\", \"state\": false}]}"},
        {"migrate-set-capabilities", "{\"capabilities\": [{\"capability\": \"events\", \"state\": false},"
                + " {\"capability\": \"x-ignore-shared\", \"state\": false}]}"},
        {"object-add", "{\"qom-type\": \"x-remote-object\", \"id\": \"r\", \"fd\": \"3\", \"devid\": \"d\"}"},
        // a bad value before the policy is consulted, and an unknown value
        {"transaction", "{\"actions\": [{\"type\": \"nope\"}]}"},
        {"eject", "{\"device\": 5}"},
        // output: hidden members and entities
        {"query-migrate-parameters", "{}"},
        {"query-migrate-capabilities", "{}"},
        {"query-qmp-schema", "{}"},
        {"query-version", "{}"},
    };

    @Test
    void sameRepliesAsQemuUnderTheSamePolicy() throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        try (Qemu strict = Qemu.startWith(dir.resolve("strict"), "-compat", POLICY);
                Qemu plain = Qemu.startWith(dir.resolve("plain"));
                QmpClient strictQmp = QmpClient.connect(UnixDomainSocketAddress.of(strict.socket));
                QmpClient plainQmp = QmpClient.connect(UnixDomainSocketAddress.of(plain.socket))) {
            QmpRegistry registry = new QmpRegistry();
            StandardCommands.register(registry, ProxyOracle.version((JsonObject) plainQmp.execute("query-version")),
                    // the peer's own schema (Debian's build defines CONFIG_SPICE, ...): what is zapped
                    // from it must be what QEMU zaps
                    plainQmp.execute("query-qmp-schema").toString(), QapiSchemaCommandDispatcher.COMMANDS);
            QapiSchemaCommands.register(registry, QapiSchemaCommands.client(plainQmp));
            try (QmpServer server = QmpServer.builder(registry).compatPolicy(CompatPolicy.parse(POLICY)).build();
                    QmpClient ours = QmpClient.connect(server.listenUnix(dir.resolve("proxy.sock")))) {
                mismatches.addAll(ProxyOracle.mismatches("compat", REQUESTS, strictQmp, ours, "disabled by policy",
                        rejected));
            }
        }
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
        // the cases do exercise the policy: commands, members and values rejected
        assertThat(rejected).hasSizeGreaterThan(20).contains("drive-backup", "x-query-roms", "eject", "transaction",
                "migrate-set-capabilities", "blockdev-add");
    }
}
