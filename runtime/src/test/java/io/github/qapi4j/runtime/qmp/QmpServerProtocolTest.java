/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire protocol, byte for byte against qmp-protocol.md, over a unix socket. */
class QmpServerProtocolTest {
    private static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 10},"
            + " \"package\": \"\"}, \"capabilities\": [\"oob\"]}}";

    @TempDir
    Path dir;
    TestServer ts;
    SocketAddress address;

    @BeforeEach
    void start() throws Exception {
        ts = new TestServer();
        address = ts.server.listenUnix(dir.resolve("qmp.sock"));
    }

    @AfterEach
    void stop() {
        ts.release.countDown();
        ts.server.close();
    }

    private static String err(String cls, String desc) {
        return "{\"error\": {\"class\": \"" + cls + "\", \"desc\": \"" + desc + "\"}}";
    }

    private static String err(String id, String cls, String desc) {
        return "{\"id\": " + id + ", \"error\": {\"class\": \"" + cls + "\", \"desc\": \"" + desc + "\"}}";
    }

    @Test
    @DisplayName("socket file mode 0600, greeting, and the negotiation-mode errors")
    void negotiation() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("qmp.sock"))))
                .isEqualTo("rw-------");
        // bound in a private directory and renamed into place: nothing is left behind
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).doesNotContain(".qmp-").allMatch(n -> !n.startsWith(".qmp-"));
        }
        try (RawClient c = new RawClient(address)) {
            assertThat(c.line()).isEqualTo(GREETING);
            c.send("{\"execute\": \"query-jobs\", \"id\": 1}");
            assertThat(c.line()).isEqualTo(err("1", "CommandNotFound",
                    "Expecting capabilities negotiation with 'qmp_capabilities'"));
            c.send("{\"execute\": \"no-such-command\"}");
            assertThat(c.line()).isEqualTo(err("CommandNotFound",
                    "Expecting capabilities negotiation with 'qmp_capabilities'"));
            c.send("{\"execute\": 1}");
            assertThat(c.line()).isEqualTo(err("GenericError", "QMP input member 'execute' must be a string"));
            c.send("{\"exec-oob\": \"qmp_capabilities\"}");
            assertThat(c.line()).isEqualTo(err("GenericError", "QMP input member 'exec-oob' is unexpected"));
            c.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"cap-does-not-exist\"]}}");
            assertThat(c.line()).isEqualTo(err("GenericError",
                    "Parameter 'null' does not accept value 'cap-does-not-exist'"));
            c.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": \"oob\"}}");
            assertThat(c.line()).isEqualTo(err("GenericError", "Invalid parameter type for 'enable', expected: array"));
            c.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [1]}}");
            assertThat(c.line()).isEqualTo(err("GenericError", "Invalid parameter type for 'enable[0]', expected: string"));
            c.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"x\": 1}}");
            assertThat(c.line()).isEqualTo(err("GenericError", "Parameter 'x' is unexpected"));
            c.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}, \"id\": \"x\"}");
            assertThat(c.line()).isEqualTo("{\"return\": {}, \"id\": \"x\"}");
            c.send("{\"execute\": \"qmp_capabilities\"}");
            assertThat(c.line()).isEqualTo(err("CommandNotFound",
                    "Capabilities negotiation is already complete, command ignored"));
        }
    }

    @Test
    @DisplayName("oob is refused when the server does not offer it")
    void oobNotOffered() throws Exception {
        try (QmpServer s = QmpServer.builder(new QmpRegistry()).offerOob(false).build()) {
            SocketAddress a = s.listenUnix(dir.resolve("nooob.sock"));
            try (RawClient c = new RawClient(a)) {
                assertThat(c.line()).endsWith("\"capabilities\": []}}");
                c.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}");
                assertThat(c.line()).isEqualTo(err("GenericError", "Capability oob not available"));
                c.send("{\"execute\": \"qmp_capabilities\"}");
                assertThat(c.line()).isEqualTo("{\"return\": {}}");
            }
        }
    }

    @Test
    @DisplayName("input-shape errors, in QEMU's order, with id echoed whenever the input was an object")
    void requestErrors() throws Exception {
        try (RawClient c = RawClient.negotiated(address)) {
            c.send("{ \"execute\": }");
            assertThat(c.line()).isEqualTo(err("GenericError", "JSON parse error, expecting value"));
            c.send("[1]");
            assertThat(c.line()).isEqualTo(err("GenericError", "QMP input must be a JSON object"));
            c.send("{\"id\": 5}");
            assertThat(c.line()).isEqualTo(err("5", "GenericError", "QMP input lacks member 'execute'"));
            c.send("{\"execute\": \"query-jobs\", \"arguments\": [], \"id\": 6}");
            assertThat(c.line()).isEqualTo(err("6", "GenericError", "QMP input member 'arguments' must be an object"));
            c.send("{\"execute\": \"query-jobs\", \"foo\": 1}");
            assertThat(c.line()).isEqualTo(err("GenericError", "QMP input member 'foo' is unexpected"));
            c.send("{\"execute\": \"query-jobs\", \"exec-oob\": \"ping-oob\"}");
            assertThat(c.line()).isEqualTo(err("GenericError", "QMP input member 'execute' clashes with 'exec-oob'"));
            // members are checked in QDict order: buckets zzz 358, arguments 447, foo 490
            c.send("{\"foo\": 1, \"arguments\": 2, \"execute\": \"x\"}");
            assertThat(c.line()).isEqualTo(err("GenericError", "QMP input member 'arguments' must be an object"));
            c.send("{\"arguments\": 2, \"zzz\": 1, \"execute\": \"x\"}");
            assertThat(c.line()).isEqualTo(err("GenericError", "QMP input member 'zzz' is unexpected"));
            c.send("{\"execute\": \"nope\", \"id\": [1, {\"a\": null}]}");
            assertThat(c.line()).isEqualTo(err("[1, {\"a\": null}]", "CommandNotFound", "The command nope has not been found"));
            c.send("{\"execute\": \"old-command\", \"id\": 7}");
            assertThat(c.line()).isEqualTo(err("7", "CommandNotFound", "Command old-command has been disabled: use new-command"));
            c.send("{\"exec-oob\": \"query-jobs\", \"id\": 8}");
            assertThat(c.line()).isEqualTo(err("8", "GenericError", "The command query-jobs does not support OOB"));
        }
    }

    @Test
    @DisplayName("argument errors from strict decoding; handler exceptions become GenericError")
    void argumentErrors() throws Exception {
        try (RawClient c = RawClient.negotiated(address)) {
            c.send("{\"execute\": \"query-jobs\", \"arguments\": {\"x\": 1}}");
            assertThat(c.line()).isEqualTo(err("GenericError", "Parameter 'x' is unexpected"));
            c.send("{\"execute\": \"job-cancel\", \"arguments\": {}, \"id\": 1}");
            assertThat(c.line()).isEqualTo(err("1", "GenericError", "Parameter 'id' is missing"));
            c.send("{\"execute\": \"job-cancel\", \"arguments\": {\"id\": 1}}");
            assertThat(c.line()).isEqualTo(err("GenericError", "Invalid parameter type for 'id', expected: string"));
            c.send("{\"execute\": \"job-cancel\", \"arguments\": {\"id\": \"a\", \"force\": 1}}");
            assertThat(c.line()).isEqualTo(err("GenericError", "Invalid parameter type for 'force', expected: boolean"));
            c.send("{\"execute\": \"job-create\", \"arguments\": {\"id\": \"a\", \"count\": 200}}");
            assertThat(c.line()).isEqualTo(err("GenericError", "Parameter 'count' expects int8_t"));
            c.send("{\"execute\": \"job-cancel\", \"arguments\": {\"id\": \"nope\"}}");
            assertThat(c.line()).isEqualTo(err("GenericError", "Job ID 'nope' not found"));
            c.send("{\"execute\": \"boom\", \"id\": 2}");
            assertThat(c.line()).isEqualTo(err("2", "GenericError", "kaboom"));
            c.send("{\"execute\": \"bad-return\", \"id\": 3}");
            assertThat(c.line()).isEqualTo(err("3", "GenericError", "cannot encode"));
            c.send("{\"execute\": \"quiet\", \"id\": 4}{\"execute\": \"query-jobs\", \"id\": 5}");
            assertThat(c.line()).isEqualTo("{\"return\": [], \"id\": 5}");
        }
    }

    @Test
    @DisplayName("events: QEMU's shape, sent before the reply of the command that raised them, not to negotiating clients")
    void events() throws Exception {
        try (RawClient c = RawClient.negotiated(address); RawClient negotiating = new RawClient(address)) {
            negotiating.line();
            c.send("{\"execute\": \"job-create\", \"arguments\": {\"id\": \"j\"}, \"id\": 1}");
            assertThat(c.line()).matches("\\{\"timestamp\": \\{\"seconds\": \\d+, \"microseconds\": \\d+}, "
                    + "\"event\": \"JOB_STATUS_CHANGE\", \"data\": \\{\"status\": \"running\", \"id\": \"j\"}}");
            assertThat(c.line()).isEqualTo("{\"return\": {}, \"id\": 1}");
            c.send("{\"execute\": \"query-jobs\"}");
            assertThat(c.line()).isEqualTo("{\"return\": [{\"current-progress\": 0, \"status\": \"running\","
                    + " \"total-progress\": 100, \"type\": \"commit\", \"id\": \"j\"}]}");
            ts.server.emitEvent("SHUTDOWN");
            assertThat(c.line()).matches("\\{\"timestamp\": \\{.*}, \"event\": \"SHUTDOWN\"}");
            assertThat(negotiating.lineWithin(200)).isNull();
        }
    }

    @Test
    @DisplayName("exec-oob runs at once and overtakes a blocked in-band command")
    void outOfBand() throws Exception {
        try (RawClient c = RawClient.negotiated(address)) {
            c.send("{\"execute\": \"block\", \"id\": \"slow\"}");
            c.send("{\"exec-oob\": \"ping-oob\", \"id\": \"fast\"}");
            assertThat(c.line()).isEqualTo("{\"return\": {}, \"id\": \"fast\"}");
            ts.release.countDown();
            assertThat(c.line()).isEqualTo("{\"return\": {}, \"id\": \"slow\"}");
        }
    }

    @Test
    @DisplayName("the session resets on reconnect; TCP on loopback works the same")
    void reconnectAndTcp() throws Exception {
        try (RawClient c = RawClient.negotiated(address)) {
            c.send("{\"execute\": \"query-jobs\"}");
            assertThat(c.line()).isEqualTo("{\"return\": []}");
        }
        try (RawClient c = new RawClient(address)) {
            assertThat(c.line()).isEqualTo(GREETING);
            c.send("{\"execute\": \"query-jobs\"}");
            assertThat(c.line()).contains("Expecting capabilities negotiation");
        }
        SocketAddress tcp = ts.server.listenTcp(0);
        try (RawClient c = RawClient.negotiated(tcp)) {
            c.send("{'execute': 'query-version', 'id': 'v'}");
            assertThat(c.line()).isEqualTo("{\"return\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 10},"
                    + " \"package\": \"\"}, \"id\": \"v\"}");
        }
    }

    @Test
    @DisplayName("garbage gets QEMU's errors and the stream recovers")
    void garbage() throws Exception {
        try (RawClient c = RawClient.negotiated(address)) {
            c.send("%%% {\"execute\": \"query-jobs\", \"id\": 1}");
            assertThat(c.line()).isEqualTo(err("GenericError", "JSON parse error, stray '%'"));
            assertThat(c.line()).isEqualTo("{\"return\": [], \"id\": 1}");
            c.sendBytes(new byte[] {(byte) 0xFF});
            assertThat(c.line()).isEqualTo(err("GenericError", "JSON parse error, stray '\\uFFFD'"));
            c.send("{\"execute\": \"query-jobs\", \"id\": 2}");
            assertThat(c.line()).isEqualTo("{\"return\": [], \"id\": 2}");
        }
    }
}
