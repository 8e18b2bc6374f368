/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** query-version, query-commands and query-qmp-schema, byte for byte as QEMU 7.2 sends them. */
class StandardCommandsTest {

    @TempDir
    Path dir;

    @Test
    void answersLikeQemu() throws Exception {
        QmpRegistry registry = new QmpRegistry();
        registry.register(QmpCommand.of("query-status", (a, s) -> null));
        registry.register(QmpCommand.of("device_add", (a, s) -> null)); // 'gen': false: not in the order
        registry.register(QmpCommand.of("stop", (a, s) -> null));
        registry.register(QmpCommand.of("x-old", (a, s) -> null));
        registry.disable("x-old", null);
        String schema = "[{\"name\": \"stop\", \"ret-type\": \"0\", \"meta-type\": \"command\", \"arg-type\": \"0\"}]";
        StandardCommands.register(registry, new StandardCommands.Version(7, 2, 22, "Debian 1:7.2+dfsg-7+deb12u18+b3"),
                schema, List.of("query-status", "stop", "qmp_capabilities", "query-version", "query-commands",
                        "query-qmp-schema", "x-old"));
        try (QmpServer server = QmpServer.builder(registry).version(7, 2, 22, "Debian 1:7.2+dfsg-7+deb12u18+b3").build()) {
            var address = server.listenUnix(dir.resolve("qmp.sock"));
            try (RawClient c = RawClient.negotiated(address)) {
                c.send("{\"execute\": \"query-version\"}");
                // what Debian's QEMU 7.2 sends
                assertThat(c.line()).isEqualTo("{\"return\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7},"
                        + " \"package\": \"Debian 1:7.2+dfsg-7+deb12u18+b3\"}}");
                c.send("{\"execute\": \"query-qmp-schema\"}");
                assertThat(c.line()).isEqualTo("{\"return\": " + schema + "}");
                c.send("{\"execute\": \"query-commands\"}");
                // newest registration first, 'gen': false commands registered last, disabled ones left out
                assertThat(c.line()).isEqualTo("{\"return\": [{\"name\": \"device_add\"}, {\"name\": \"query-qmp-schema\"},"
                        + " {\"name\": \"query-commands\"}, {\"name\": \"query-version\"}, {\"name\": \"qmp_capabilities\"},"
                        + " {\"name\": \"stop\"}, {\"name\": \"query-status\"}]}");
            }
        }
    }
}
