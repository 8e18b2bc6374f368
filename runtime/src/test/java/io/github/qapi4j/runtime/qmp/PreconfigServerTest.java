/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QEMU's preconfig phase in the server (checked against QEMU 7.2 by examples/qemu-client's PreconfigOracleTest). */
class PreconfigServerTest {
    @TempDir
    Path dir;

    static String outcome(QmpClient c, String command) throws Exception {
        try {
            return c.execute(command).toString();
        } catch (QmpError e) {
            return e.errorClass().wireName() + ": " + e.description();
        }
    }

    @Test
    void onlyPreconfigCommandsRunUntilThePhaseEnds() throws Exception {
        QmpRegistry r = new QmpRegistry();
        r.register(QmpCommand.of("early", (a, s) -> null, QmpCommand.Flag.ALLOW_PRECONFIG));
        r.register(QmpCommand.of("late", (a, s) -> null));
        r.register(QmpCommand.of("off", (a, s) -> null));
        r.disable("off", null);
        StandardCommands.register(r, new StandardCommands.Version(7, 2, 0, ""), "[]", List.of());
        try (QmpServer server = QmpServer.builder(r).preconfig(true).build();
                QmpClient c = QmpClient.connect(server.listenUnix(dir.resolve("s")))) {
            assertThat(server.inPreconfig()).isTrue();
            assertThat(outcome(c, "early")).isEqualTo("{}");
            assertThat(outcome(c, "late")).isEqualTo(
                    "GenericError: The command 'late' is permitted only after machine initialization has completed");
            // checked after "disabled", as in QEMU's qmp_dispatch
            assertThat(outcome(c, "off")).isEqualTo("CommandNotFound: Command off has been disabled");
            // QEMU's introspection commands have 'allow-preconfig'
            assertThat(outcome(c, "query-version")).startsWith("{\"qemu\"");
            assertThat(outcome(c, "query-qmp-schema")).isEqualTo("[]");
            assertThat(outcome(c, "query-commands")).startsWith("[");
            server.exitPreconfig();
            assertThat(server.inPreconfig()).isFalse();
            assertThat(outcome(c, "late")).isEqualTo("{}");
            assertThatThrownBy(server::exitPreconfig).isInstanceOf(QmpError.class)
                    .hasMessageContaining("The command is permitted only before machine initialization");
        }
    }

    @Test
    void withoutPreconfigEverythingRuns() throws Exception {
        QmpRegistry r = new QmpRegistry();
        r.register(QmpCommand.of("late", (a, s) -> null));
        try (QmpServer server = QmpServer.builder(r).build();
                QmpClient c = QmpClient.connect(server.listenUnix(dir.resolve("s")))) {
            assertThat(server.inPreconfig()).isFalse();
            assertThat(outcome(c, "late")).isEqualTo("{}");
            assertThatThrownBy(server::exitPreconfig).isInstanceOf(QmpError.class);
        }
    }
}
