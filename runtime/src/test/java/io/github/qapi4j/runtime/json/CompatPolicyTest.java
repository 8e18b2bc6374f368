/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compatibility policy in decoding and writing: what QEMU's input visitor rejects and its
 * output visitor hides under {@code -compat}, with QEMU's texts (checked against QEMU 7.2 itself by
 * examples/qemu-client's CompatPolicyOracleTest).
 */
class CompatPolicyTest {
    static final CompatPolicy REJECT_ALL = CompatPolicy.parse(
            "deprecated-input=reject,unstable-input=reject,deprecated-output=hide,unstable-output=hide");

    enum Action implements QapiEnum {
        ABORT("abort"), DRIVE_BACKUP("drive-backup"), X_NEW("x-new"), UNKNOWN(null);

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireName() {
            return wire;
        }
    }

    static final EnumCodec<Action> ACTIONS = EnumCodec.withFallback(Action.class, Action.UNKNOWN)
            .special(CompatPolicy.DEPRECATED, Action.DRIVE_BACKUP)
            .special(CompatPolicy.UNSTABLE, Action.X_NEW);

    @Test
    void parsesQemusOptionSyntax() {
        assertThat(CompatPolicy.parse("")).isEqualTo(CompatPolicy.ACCEPT_ALL);
        assertThat(CompatPolicy.parse("deprecated-input=reject,unstable-output=hide")).isEqualTo(new CompatPolicy(
                CompatPolicy.Input.REJECT, CompatPolicy.Output.ACCEPT, CompatPolicy.Input.ACCEPT, CompatPolicy.Output.HIDE));
        assertThat(CompatPolicy.parse("unstable-input=crash,deprecated-output=accept").unstableInput())
                .isEqualTo(CompatPolicy.Input.CRASH);
        assertThatThrownBy(() -> CompatPolicy.parse("deprecated-input=hide"))
                .hasMessage("Parameter 'deprecated-input' does not accept value 'hide'");
        assertThatThrownBy(() -> CompatPolicy.parse("deprecated-output=reject"))
                .hasMessage("Parameter 'deprecated-output' does not accept value 'reject'");
        assertThatThrownBy(() -> CompatPolicy.parse("bogus=1")).hasMessage("Parameter 'bogus' is unexpected");
        assertThatThrownBy(() -> CompatPolicy.parse("deprecated-input")).hasMessageContaining("'deprecated-input'");
    }

    @Test
    void rejectionTextsAndCrash() {
        CompatPolicy deprecatedOnly = CompatPolicy.parse("deprecated-input=reject");
        assertThat(deprecatedOnly.rejection(CompatPolicy.DEPRECATED, "command", "drive-backup"))
                .isEqualTo("Deprecated command drive-backup disabled by policy");
        assertThat(deprecatedOnly.rejection(CompatPolicy.UNSTABLE, "command", "x-query-roms")).isNull();
        assertThat(deprecatedOnly.rejection(0, "command", "query-status")).isNull();
        // both features: the deprecated check comes first, as in QEMU's compat_policy_input_ok
        assertThat(REJECT_ALL.rejection(CompatPolicy.DEPRECATED | CompatPolicy.UNSTABLE, "parameter", "x"))
                .isEqualTo("Deprecated parameter x disabled by policy");
        assertThat(REJECT_ALL.rejection(CompatPolicy.UNSTABLE, "value", "x-new"))
                .isEqualTo("Unstable value x-new disabled by policy");
        assertThatThrownBy(() -> CompatPolicy.parse("unstable-input=crash").rejection(CompatPolicy.UNSTABLE, "command", "x"))
                .isInstanceOf(CompatPolicy.CrashException.class);
        assertThat(CompatPolicy.ACCEPT_ALL.hides(CompatPolicy.DEPRECATED | CompatPolicy.UNSTABLE)).isFalse();
        assertThat(CompatPolicy.parse("unstable-output=hide").hides(CompatPolicy.DEPRECATED)).isFalse();
        assertThat(CompatPolicy.parse("unstable-output=hide").hides(CompatPolicy.UNSTABLE)).isTrue();
    }

    @Test
    void membersAreCheckedWhenPresentAndMandatoryOnesAlways() {
        JsonObject args = (JsonObject) QemuJson.parse("{\"id\": \"a\", \"device\": \"d\"}");
        // the default policy lets everything through
        InputObject ok = InputObject.of(args, Path.ROOT);
        assertThat(ok.maybe("device", Codecs.STR, CompatPolicy.DEPRECATED)).contains("d");
        Path root = Path.root(REJECT_ALL);
        assertThatThrownBy(() -> InputObject.of(args, root).maybe("device", Codecs.STR, CompatPolicy.DEPRECATED))
                .isInstanceOf(JsonInputException.class).hasMessage("Deprecated parameter device disabled by policy");
        // absent optional member: nothing to reject
        assertThat(InputObject.of(args, root).maybe("top", Codecs.STR, CompatPolicy.DEPRECATED)).isEqualTo(Optional.empty());
        // mandatory: QEMU checks the policy before visiting, so it wins over "is missing"
        assertThatThrownBy(() -> InputObject.of(args, root).required("base", Codecs.STR, CompatPolicy.UNSTABLE))
                .hasMessage("Unstable parameter base disabled by policy");
        // the policy travels down: a member of a member, an element of a list
        assertThat(root.member("a").element(2).policy()).isEqualTo(REJECT_ALL);
        assertThat(Path.root(CompatPolicy.ACCEPT_ALL)).isSameAs(Path.ROOT);
    }

    @Test
    void enumValuesAreCheckedAfterLookup() {
        Path root = Path.root(REJECT_ALL);
        JsonValue list = QemuJson.parse("[\"abort\", \"drive-backup\"]");
        assertThat(Codecs.list(ACTIONS).decode(list, Path.ROOT)).containsExactly(Action.ABORT, Action.DRIVE_BACKUP);
        assertThatThrownBy(() -> Codecs.list(ACTIONS).decode(list, root.member("actions")))
                .hasMessage("Deprecated value drive-backup disabled by policy");
        assertThatThrownBy(() -> ACTIONS.decode(JsonValue.of("x-new"), root.member("type")))
                .hasMessage("Unstable value x-new disabled by policy");
        // an unknown value is still QEMU's "does not accept value"
        assertThatThrownBy(() -> ACTIONS.decode(JsonValue.of("nope"), root.member("type")))
                .hasMessage("Parameter 'type' does not accept value 'nope'");
        assertThat(ACTIONS.specialFeatures(Action.DRIVE_BACKUP)).isEqualTo(CompatPolicy.DEPRECATED);
        assertThat(ACTIONS.specialFeatures(Action.ABORT)).isZero();
        // the forward-compatible read of a client is not subject to the policy
        assertThat(ACTIONS.lookup("drive-backup")).isEqualTo(Action.DRIVE_BACKUP);
    }

    @Test
    void onlyAQemuGeneratorWithAPolicyHides() throws Exception {
        try (JsonGenerator g = QemuJson.generator(new ByteArrayOutputStream())) {
            assertThat(CompatPolicy.hides(g, CompatPolicy.DEPRECATED)).isFalse();
            ((QemuJsonGenerator) g).compatPolicy(REJECT_ALL);
            assertThat(CompatPolicy.hides(g, CompatPolicy.DEPRECATED)).isTrue();
            assertThat(CompatPolicy.hides(g, 0)).isFalse();
        }
        try (JsonGenerator plain = QemuJson.FACTORY.createGenerator(new StringWriter())) {
            assertThat(CompatPolicy.hides(plain, CompatPolicy.DEPRECATED | CompatPolicy.UNSTABLE)).isFalse();
        }
        assertThat(List.of(CompatPolicy.DEPRECATED, CompatPolicy.UNSTABLE)).containsExactly(1, 2);
    }
}
