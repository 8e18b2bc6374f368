/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** QEMU's pretty=on layout (byte for byte against a real QEMU: examples/qemu-client's PrettyMonitorTest). */
class WirePrettyTest {
    private static String pretty(String compact) {
        return new String(Wire.pretty((compact + "\r\n").getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void emptyAndNestedContainers() {
        // as QEMU 7.2 prints qmp_capabilities' reply and query-status's (captured with pretty=on)
        assertThat(pretty("{\"return\": {}, \"id\": 1}"))
                .isEqualTo("{\r\n    \"return\": {\r\n    },\r\n    \"id\": 1\r\n}\r\n");
        assertThat(pretty("{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}, \"id\": 2}"))
                .isEqualTo("{\r\n    \"return\": {\r\n        \"status\": \"running\",\r\n        \"singlestep\": false,\r\n"
                        + "        \"running\": true\r\n    },\r\n    \"id\": 2\r\n}\r\n");
        assertThat(pretty("{\"a\": [], \"b\": [1, {\"c\": []}]}"))
                .isEqualTo("{\r\n    \"a\": [\r\n    ],\r\n    \"b\": [\r\n        1,\r\n        {\r\n            \"c\": [\r\n"
                        + "            ]\r\n        }\r\n    ]\r\n}\r\n");
    }

    @Test
    void stringsAreLeftAlone() {
        assertThat(pretty("{\"desc\": \"a, b: {c} [d] \\\"e, f\\\" \\\\\"}"))
                .isEqualTo("{\r\n    \"desc\": \"a, b: {c} [d] \\\"e, f\\\" \\\\\"\r\n}\r\n");
    }
}
