/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qapi4j.examples.qemu.qga.GuestAgentCommandInfo;
import io.github.qapi4j.examples.qemu.qga.GuestAgentInfo;
import io.github.qapi4j.examples.qemu.qga.GuestExecArguments;
import io.github.qapi4j.examples.qemu.qga.GuestExecStatus;
import io.github.qapi4j.examples.qemu.qga.GuestFileOpenArguments;
import io.github.qapi4j.examples.qemu.qga.GuestFileRead;
import io.github.qapi4j.examples.qemu.qga.GuestFileReadArguments;
import io.github.qapi4j.examples.qemu.qga.GuestOSInfo;
import io.github.qapi4j.examples.qemu.qga.QapiSchemaCommandDispatcher;
import io.github.qapi4j.examples.qemu.qga.QapiSchemaCommands;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QDictOrder;
import io.github.qapi4j.runtime.json.QemuJson;
import io.github.qapi4j.runtime.qmp.QmpClient;
import io.github.qapi4j.runtime.qmp.QmpError;
import java.io.ByteArrayOutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guest agent client generated from QEMU 7.2's {@code qga/qapi-schema.json} against Debian's
 * {@code qemu-ga} 7.2 ({@link QemuGa}: on the host, so its files and processes are the host's).
 */
class GuestAgentIntegrationTest {
    @TempDir
    Path dir;

    private static UnixDomainSocketAddress at(QemuGa ga) {
        return UnixDomainSocketAddress.of(ga.socket);
    }

    /** Connects once the agent listens again (it accepts one client at a time). */
    private static QmpClient reconnect(QemuGa ga) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return QmpClient.connect(at(ga), QmpClient.Options.forGuestAgent());
            } catch (java.net.ConnectException e) {
                if (i == 100) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void typedCommandsAfterTheSyncHandshake() throws Exception {
        try (QemuGa ga = QemuGa.start(dir); QmpClient qmp = QmpClient.connect(at(ga), QmpClient.Options.forGuestAgent())) {
            QapiSchemaCommands agent = QapiSchemaCommands.client(qmp);
            agent.guestPing();
            GuestAgentInfo info = agent.guestInfo();
            assertThat(info.version()).isEqualTo("7.2.22");
            assertThat(info.supportedCommands()).extracting(GuestAgentCommandInfo::name)
                    .contains("guest-ping", "guest-file-open", "guest-sync-delimited");
            assertThat(info.supportedCommands()).filteredOn(c -> c.name().equals("guest-shutdown"))
                    .singleElement().satisfies(c -> assertThat(c.successResponse()).isFalse());
            GuestOSInfo os = agent.guestGetOsinfo();
            assertThat(os.kernelRelease()).isPresent();
            assertThat(agent.guestGetTime()).isPositive();
            // the typed sync command itself: its reply comes after a 0xFF sentinel
            assertThat(agent.guestSyncDelimited(4242)).isEqualTo(4242);
            qmp.sync();
            agent.guestPing();
            assertThat(qmp.greeting().isEmpty()).isTrue();
            assertThat(qmp.capabilities()).isEmpty();
        }
    }

    @Test
    void repliesSurviveTheGeneratedReaderAndWriter() throws Exception {
        // qemu-ga builds replies with QEMU's output visitor: QDict order, as in ReplyRoundTripOracleTest.
        // Only answers that do not change between two calls (no clocks, no counters).
        List<String> queries = List.of("guest-info", "guest-get-osinfo", "guest-get-host-name", "guest-get-timezone",
                "guest-get-vcpus", "guest-get-memory-blocks", "guest-get-memory-block-info", "guest-get-disks",
                "guest-fsfreeze-status");
        List<String> compared = new ArrayList<>();
        try (QemuGa ga = QemuGa.start(dir); QmpClient qmp = QmpClient.connect(at(ga), QmpClient.Options.forGuestAgent())) {
            QapiSchemaCommands agent = QapiSchemaCommands.client(qmp);
            for (String q : queries) {
                JsonValue raw;
                try {
                    raw = qmp.execute(q);
                } catch (QmpError e) {
                    continue; // not supported on this host
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (JsonGenerator g = QemuJson.generator(out)) {
                    assertThat(QapiSchemaCommandDispatcher.dispatch(agent, q, JsonObject.empty(), g)).isTrue();
                }
                JsonValue again = QDictOrder.reorder(QemuJson.parse(out.toString(StandardCharsets.UTF_8)));
                assertThat(again.toString()).as(q).isEqualTo(raw.toString());
                compared.add(q);
            }
        }
        assertThat(compared).contains("guest-info", "guest-get-osinfo", "guest-get-host-name");
    }

    @Test
    void strictDecodingMatchesTheAgent() throws Exception {
        // As StrictDecodingOracleTest, with qemu-ga's input visitor as the oracle: malformed
        // arguments only, so that the agent never runs a command.
        String[][] cases = {
            {"guest-file-open", "{}"},
            {"guest-file-open", "{\"path\": 5}"},
            {"guest-file-open", "{\"path\": \"/x\", \"mode\": [\"r\"]}"},
            {"guest-file-read", "{\"handle\": \"1\"}"},
            {"guest-file-read", "{\"handle\": 1, \"count\": 1.5}"},
            {"guest-file-seek", "{\"handle\": 1, \"offset\": 0, \"whence\": \"nope\"}"},
            {"guest-file-seek", "{\"handle\": 1, \"offset\": 0, \"whence\": 1.5}"},
            {"guest-file-seek", "{\"handle\": 1, \"offset\": 0, \"whence\": true}"},
            {"guest-exec", "{\"path\": \"/bin/true\", \"arg\": [1]}"},
            {"guest-exec", "{\"path\": \"/bin/true\", \"env\": \"A=1\"}"},
            {"guest-exec", "{\"path\": \"/bin/true\", \"capture-output\": \"yes\", \"extra\": 1}"},
            {"guest-exec-status", "{\"pid\": 18446744073709551616}"},
            {"guest-set-vcpus", "{\"vcpus\": [{\"logical-id\": 0}]}"},
            {"guest-set-user-password", "{\"username\": \"u\", \"password\": \"p\", \"crypted\": 1}"},
            {"guest-fsfreeze-freeze-list", "{\"mountpoints\": \"/\"}"},
            {"guest-set-time", "{\"time\": \"now\"}"},
            {"guest-ssh-add-authorized-keys", "{\"username\": \"u\", \"keys\": [\"k\"], \"reset\": 1}"},
            {"guest-shutdown", "{\"mode\": 1}"},
            {"guest-suspend-disk", "{\"x\": 1}"},
        };
        QapiSchemaCommands accepting = StrictDecodingOracleTest.accepting(QapiSchemaCommands.class);
        List<String> mismatches;
        try (QemuGa ga = QemuGa.start(dir); QmpClient qmp = QmpClient.connect(at(ga), QmpClient.Options.forGuestAgent())) {
            mismatches = StrictDecodingOracleTest.mismatches(qmp, cases,
                    (command, args, g) -> QapiSchemaCommandDispatcher.dispatch(accepting, command, args, g));
        }
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
    }

    @Test
    void filesRoundTripThroughTheAgent() throws Exception {
        Path file = dir.resolve("note.txt");
        byte[] text = "hello from qapi4j\n".getBytes(StandardCharsets.UTF_8);
        try (QemuGa ga = QemuGa.start(dir); QmpClient qmp = QmpClient.connect(at(ga), QmpClient.Options.forGuestAgent())) {
            QapiSchemaCommands agent = QapiSchemaCommands.client(qmp);
            long w = agent.guestFileOpen(GuestFileOpenArguments.builder().path(file.toString()).mode("w").build());
            assertThat(agent.guestFileWrite(w, Base64.getEncoder().encodeToString(text)).count()).isEqualTo(text.length);
            agent.guestFileClose(w);
            assertThat(Files.readAllBytes(file)).isEqualTo(text);

            long r = agent.guestFileOpen(file.toString());
            GuestFileRead read = agent.guestFileRead(GuestFileReadArguments.builder().handle(r).count(4096L).build());
            assertThat(Base64.getDecoder().decode(read.bufB64())).isEqualTo(text);
            assertThat(read.count()).isEqualTo(text.length);
            agent.guestFileClose(r);
            assertThatThrownBy(() -> agent.guestFileClose(r)).isInstanceOfSatisfying(QmpError.class, e -> {
                assertThat(e.errorClass()).isEqualTo(QmpError.ErrorClass.GENERIC_ERROR);
                assertThat(e.description()).isEqualTo("handle '" + r + "' has not been found");
            });
        }
    }

    @Test
    void execAndItsStatus() throws Exception {
        try (QemuGa ga = QemuGa.start(dir); QmpClient qmp = QmpClient.connect(at(ga), QmpClient.Options.forGuestAgent())) {
            QapiSchemaCommands agent = QapiSchemaCommands.client(qmp);
            long pid = agent.guestExec(GuestExecArguments.builder().path("/bin/echo").arg(List.of("hi", "there"))
                    .captureOutput(true).build()).pid();
            GuestExecStatus status = agent.guestExecStatus(pid);
            for (int i = 0; i < 500 && !status.exited(); i++) {
                Thread.sleep(10);
                status = agent.guestExecStatus(pid);
            }
            assertThat(status.exited()).isTrue();
            assertThat(status.exitcode()).contains(0L);
            assertThat(new String(Base64.getDecoder().decode(status.outData().orElseThrow()), StandardCharsets.UTF_8))
                    .isEqualTo("hi there\n");
        }
    }

    @Test
    void staleInputFromAnEarlierClientIsFlushedAndDisabledCommandsAreTypedErrors() throws Exception {
        try (QemuGa ga = QemuGa.start(dir, "-b", "guest-exec")) {
            // An earlier client left half a request in the agent's parser, which outlives the
            // connection: without the 0xFF the sync request would only continue it, unanswered.
            // (It must not leave a reply unread: qemu-ga 7.2's unix-listen then stops listening.)
            try (SocketChannel raw = SocketChannel.open(at(ga))) {
                raw.write(ByteBuffer.wrap("{\"execute\": \"guest-ping\", \"arguments\": {"
                        .getBytes(StandardCharsets.UTF_8)));
                Thread.sleep(200);
            }
            try (QmpClient qmp = reconnect(ga)) {
                QapiSchemaCommands agent = QapiSchemaCommands.client(qmp);
                agent.guestPing();
                assertThatThrownBy(() -> agent.guestExec("/bin/true")).isInstanceOfSatisfying(QmpError.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(QmpError.ErrorClass.COMMAND_NOT_FOUND);
                    assertThat(e.description()).isEqualTo("Command guest-exec has been disabled");
                });
            }
        }
    }
}
