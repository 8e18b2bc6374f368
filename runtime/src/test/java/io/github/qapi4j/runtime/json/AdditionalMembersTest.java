/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import io.github.qapi4j.runtime.qmp.QmpCommand;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The runtime's part in {@code 'gen': false} arguments: what the generated codecs of an open
 * record call to keep, check and write the members the schema does not declare.
 */
class AdditionalMembersTest {
    static final Members DECLARED = Members.of("driver", "bus", "id");

    @Test
    void restIsWhatNobodyAskedForInTheOrderReceivedAndEndsTheObject() {
        InputObject in = InputObject.of(QemuJson.parse("{\"mac\": \"m\", \"driver\": \"d\", \"x\": [1], \"id\": \"i\"}"),
                Path.ROOT);
        assertThat(in.required("driver", Codecs.STR)).isEqualTo("d");
        assertThat(in.optional("bus", Codecs.STR)).isNull();
        assertThat(in.rest()).hasToString("{\"mac\": \"m\", \"x\": [1], \"id\": \"i\"}");
        in.end(); // nothing is left to be unexpected
        assertThat(in.rest()).isEqualTo(JsonObject.empty());
        InputObject none = InputObject.of(JsonObject.empty(), Path.ROOT);
        assertThat(none.rest()).isSameAs(JsonObject.empty());
    }

    @Test
    void withoutRestTheLeftoversAreStillUnexpected() {
        InputObject in = InputObject.of(QemuJson.parse("{\"driver\": \"d\", \"mac\": \"m\"}"), Path.ROOT);
        in.required("driver", Codecs.STR);
        assertThatThrownBy(in::end).isInstanceOf(JsonInputException.class).hasMessage("Parameter 'mac' is unexpected");
    }

    @Test
    void declaredNamesAreRefusedAsAdditional() {
        JsonObject ok = JsonObject.of("mac", new JsonValue.Str("m"));
        assertThat(DECLARED.checkUndeclared(ok)).isSameAs(ok);
        assertThatThrownBy(() -> DECLARED.checkUndeclared(JsonObject.of("mac", new JsonValue.Str("m"),
                "bus", new JsonValue.Str("b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("member 'bus' is declared");
    }

    @Test
    void readAdditionalKeepsAnUnknownMemberWithItsName() throws Exception {
        byte[] json = "{\"driver\": \"d\", \"opts\": {\"a\": [true, null]}, \"opts\": 2}".getBytes(StandardCharsets.UTF_8);
        JsonParser p = QemuJson.parser(json, 0, json.length);
        p.nextToken();
        JsonObject.Builder kept = JsonObject.builder();
        for (int f = DECLARED.next(p, 0); f != Members.END; f = DECLARED.next(p, f + 1)) {
            if (f == Members.UNKNOWN) {
                Reading.readAdditional(p, kept);
                f = -1;
            } else {
                p.skipChildren();
            }
        }
        assertThat(kept.build()).hasToString("{\"opts\": {\"a\": [true, null]}}");
    }

    @Test
    void putAllKeepsOrderAndRefusesDuplicates() {
        JsonObject.Builder b = JsonObject.builder().put("a", 1L);
        b.putAll(JsonObject.of("b", new JsonValue.Int(2), "c", JsonValue.Bool.of(true)));
        assertThat(b.build()).hasToString("{\"a\": 1, \"b\": 2, \"c\": true}");
        assertThatThrownBy(() -> b.putAll(JsonObject.of("a", new JsonValue.Int(3))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void declaredPassesNonObjectsThroughAndTheRegistryHandsOutItsCommands() {
        JsonValue notAnObject = new JsonValue.Str("x");
        assertThat(QmpCommand.declared(notAnObject, "a")).isSameAs(notAnObject);
        assertThat(QmpCommand.declared((JsonValue) QemuJson.parse("{\"a\": 1, \"b\": 2}"), "a"))
                .hasToString("{\"a\": 1}");
        QmpRegistry registry = new QmpRegistry();
        QmpCommand ping = QmpCommand.of("ping", (args, session) -> null);
        registry.register(ping);
        assertThat(registry.command("ping")).containsSame(ping);
        assertThat(registry.command("pong")).isEmpty();
    }
}
