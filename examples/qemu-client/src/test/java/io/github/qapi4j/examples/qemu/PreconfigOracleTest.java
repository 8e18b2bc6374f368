/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommandDispatcher;
import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommands;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.qmp.QmpClient;
import io.github.qapi4j.runtime.qmp.QmpCommand;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import io.github.qapi4j.runtime.qmp.QmpServer;
import io.github.qapi4j.runtime.qmp.StandardCommands;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preconfig phase against QEMU 7.2's {@code --preconfig}: one QEMU starts in it; a qapi4j server
 * built with {@code preconfig(true)} forwards every command through the generated client to a
 * second, plain QEMU, and ends its own phase in its {@code x-exit-preconfig}. The same requests, in
 * order, before and after {@code x-exit-preconfig} (twice), must get the same replies: commands
 * without {@code 'allow-preconfig'} refused with QEMU's text until the machine is initialized,
 * those with it (from the generated registration and from {@code StandardCommands}) let through.
 */
class PreconfigOracleTest {
    @TempDir
    Path dir;

    static final String[][] REQUESTS = {
        {"query-machines", "{}"},
        {"cont", "{}"},
        {"stop", "{}"},
        {"qom-list-types", "{\"implements\": \"nope\"}"},
        {"query-version", "{}"},
        {"query-block", "{}"},
        {"blockdev-add", "{\"driver\": \"null-co\", \"node-name\": \"n0\"}"},
        {"query-named-block-nodes", "{\"flat\": true}"},
        {"query-qmp-schema", "{\"x\": 1}"},
        {"x-exit-preconfig", "{}"},
        {"query-machines", "{}"},
        {"qom-list-types", "{\"implements\": \"nope\"}"},
        {"x-exit-preconfig", "{}"},
    };

    @Test
    void sameRepliesAsQemuInAndAfterThePreconfigPhase() throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (Qemu preconfig = Qemu.startWith(dir.resolve("preconfig"), "--preconfig");
                Qemu plain = Qemu.startWith(dir.resolve("plain"));
                QmpClient theirs = QmpClient.connect(UnixDomainSocketAddress.of(preconfig.socket));
                QmpClient plainQmp = QmpClient.connect(UnixDomainSocketAddress.of(plain.socket))) {
            JsonObject version = (JsonObject) plainQmp.execute("query-version");
            QmpRegistry registry = new QmpRegistry();
            AtomicReference<QmpServer> self = new AtomicReference<>();
            // registered first, so the generated binding (which would forward it) does not replace it
            registry.register(QmpCommand.of("x-exit-preconfig", (args, session) -> {
                self.get().exitPreconfig();
                return null;
            }, QmpCommand.Flag.ALLOW_PRECONFIG));
            StandardCommands.register(registry, ProxyOracle.version(version),
                    QapiSchemaCommandDispatcher.introspection(), QapiSchemaCommandDispatcher.COMMANDS);
            QapiSchemaCommands.register(registry, QapiSchemaCommands.client(plainQmp));
            try (QmpServer server = QmpServer.builder(registry).preconfig(true).build();
                    QmpClient ours = QmpClient.connect(server.listenUnix(dir.resolve("proxy.sock")))) {
                self.set(server);
                assertThat(server.inPreconfig()).isTrue();
                mismatches.addAll(ProxyOracle.mismatches("preconfig", REQUESTS, theirs, ours,
                        "permitted only after machine initialization", refused));
                assertThat(server.inPreconfig()).isFalse();
            }
        }
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
        // before x-exit-preconfig only; qom-list-types has 'allow-preconfig', query-machines, cont and stop not
        assertThat(refused).as("commands refused in the preconfig phase").containsExactly("query-machines", "cont", "stop");
    }
}
