/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qapi4j.runtime.json.CompatPolicy;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonInputException;
import io.github.qapi4j.runtime.json.Path;
import io.github.qapi4j.runtime.json.QemuJson;
import io.github.qapi4j.runtime.json.QemuJsonGenerator;
import io.github.qapi4j.runtime.qmp.QmpCommand;
import io.github.qapi4j.runtime.qmp.QmpEventType;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The special features QEMU's test-suite schema ({@code qapi-schema-test.json}, "test 'features'")
 * puts on members, enum values, commands and events reach the generated code, so that a server's
 * compatibility policy can act on them: the cases QEMU's own unit tests check for its generated C
 * ({@code test_dispatch_cmd_deprecated}, {@code test_visitor_in_deprecated},
 * {@code test_visitor_out_deprecated}).
 */
class CompatPolicyCodegenTest {
    static final String SCHEMA = "qapi-schema-tests/qapi-schema-test.json";
    static final CompatPolicy STRICT = CompatPolicy.parse(
            "deprecated-input=reject,deprecated-output=hide,unstable-input=reject,unstable-output=hide");

    @SuppressWarnings("unchecked")
    static JsonCodec<Object> codec(String type) throws Exception {
        Class<?> c = CompiledSchemas.load(SCHEMA).loadClass(CompiledSchemas.PACKAGE + "." + type);
        return (JsonCodec<Object>) c.getField("CODEC").get(null);
    }

    static Object decode(String type, String json, Path path) throws Exception {
        return codec(type).decode(QemuJson.parse(json), path);
    }

    static String write(String type, Object value, CompatPolicy policy) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = QemuJson.generator(out)) {
            ((QemuJsonGenerator) g).compatPolicy(policy);
            codec(type).write(g, value);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void membersAreRejectedOnInputAndHiddenOnOutput() throws Exception {
        Path strict = Path.root(STRICT);
        Object fs1 = decode("FeatureStruct1", "{\"foo\": 1}", Path.ROOT);
        assertThatThrownBy(() -> decode("FeatureStruct1", "{\"foo\": 1}", strict))
                .isInstanceOf(JsonInputException.class).hasMessage("Deprecated parameter foo disabled by policy");
        assertThatThrownBy(() -> decode("FeatureStruct2", "{\"foo\": 1}", strict))
                .hasMessage("Unstable parameter foo disabled by policy");
        // no special feature: nothing to reject
        assertThat(decode("FeatureStruct3", "{\"foo\": 1}", strict)).isNotNull();
        // a member that is mandatory is checked before it is looked for
        assertThatThrownBy(() -> decode("FeatureStruct1", "{}", strict))
                .hasMessage("Deprecated parameter foo disabled by policy");
        assertThat(write("FeatureStruct1", fs1, CompatPolicy.ACCEPT_ALL)).isEqualTo("{\"foo\": 1}");
        assertThat(write("FeatureStruct1", fs1, STRICT)).isEqualTo("{}");
        assertThat(write("FeatureStruct1", fs1, CompatPolicy.parse("unstable-output=hide"))).isEqualTo("{\"foo\": 1}");
    }

    @Test
    void enumValuesAreRejectedAlsoAsADiscriminator() throws Exception {
        Path strict = Path.root(STRICT);
        assertThat(decode("FeatureEnum1", "\"drei\"", Path.ROOT).toString()).isEqualTo("DREI");
        assertThat(decode("FeatureEnum1", "\"zwei\"", strict).toString()).isEqualTo("ZWEI");
        assertThatThrownBy(() -> decode("FeatureEnum1", "\"drei\"", strict))
                .hasMessage("Deprecated value drei disabled by policy");
        assertThatThrownBy(() -> decode("FeatureUnion1", "{\"tag\": \"drei\"}", strict))
                .hasMessage("Deprecated value drei disabled by policy");
        // the branch's own deprecated member, below the union
        assertThatThrownBy(() -> decode("FeatureUnion1", "{\"tag\": \"eins\", \"foo\": 1}", strict))
                .hasMessage("Deprecated parameter foo disabled by policy");
    }

    @Test
    void commandsAndEventsCarryTheirSpecialFeatures() throws Exception {
        ClassLoader cl = CompiledSchemas.load(SCHEMA);
        Class<?> commands = cl.loadClass(CompiledSchemas.PACKAGE + ".QapiSchemaTestCommands");
        Object impl = Proxy.newProxyInstance(cl, new Class<?>[] {commands}, (proxy, m, a) -> null);
        QmpRegistry registry = new QmpRegistry();
        Method register = commands.getMethod("register", QmpRegistry.class, commands);
        register.invoke(null, registry, impl);
        assertThat(registry.command("test-command-features1").orElseThrow().flags()).contains(QmpCommand.Flag.DEPRECATED);
        assertThat(registry.command("test-command-features3").orElseThrow().flags()).contains(QmpCommand.Flag.UNSTABLE)
                .doesNotContain(QmpCommand.Flag.DEPRECATED);
        assertThat(registry.command("test-features0").orElseThrow().specialFeatures()).isZero();
        assertThat(event(cl, "TestEventFeatures1Event").specialFeatures()).isEqualTo(CompatPolicy.DEPRECATED);
        assertThat(event(cl, "TestEventFeatures2Event").specialFeatures()).isEqualTo(CompatPolicy.UNSTABLE);
        assertThat(event(cl, "TestEventFeatures0Event").specialFeatures()).isZero();
    }

    private static QmpEventType<?> event(ClassLoader cl, String name) throws Exception {
        return (QmpEventType<?>) cl.loadClass(CompiledSchemas.PACKAGE + "." + name).getField("TYPE").get(null);
    }
}
