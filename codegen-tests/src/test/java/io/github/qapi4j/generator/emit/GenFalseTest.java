/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonInputException;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.Path;
import io.github.qapi4j.runtime.json.QemuJson;
import io.github.qapi4j.runtime.qmp.QmpRegistry;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code 'gen': false} commands (QEMU's {@code device_add}): QEMU hands the command its whole
 * argument dictionary, so the generated arguments record carries the undeclared members, both ways:
 * a client can send device properties, a server implementation receives them.
 */
class GenFalseTest {
    static final String PACKAGE = "io.github.qapi4j.test.genfalse";
    static final String SCHEMA = """
            { 'command': 'device-add',
              'data': {'driver': 'str', '*bus': 'str', '*id': 'str'},
              'gen': false }
            { 'struct': 'Opts', 'data': { 'a': 'str' } }
            { 'command': 'frob', 'data': 'Opts', 'gen': false }
            """;
    static final String DEVICE_ADD = """
            { "driver": "e1000", "id": "net1", "bus": "pci.0", "mac": "52:54:00:12:34:56", "x-opts": { "n": [1, 2] } }""";

    private static ClassLoader loader;
    private static JsonCodec<Object> codec;
    private static Class<?> args;

    @BeforeAll
    static void compile() throws Exception {
        java.nio.file.Path dir = EmitTestSupport.workDir("gen-false");
        java.nio.file.Path schema = dir.resolve("gen-false.json");
        Files.writeString(schema, SCHEMA);
        Map<String, String> files = EmitTestSupport.generate(schema, PACKAGE, FrontEndOptions.LENIENT, null);
        java.nio.file.Path classes = EmitTestSupport.compile(files, dir.resolve("build"));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, GenFalseTest.class.getClassLoader());
        args = type("DeviceAddArguments");
        codec = codec(args);
    }

    static Class<?> type(String simple) throws ClassNotFoundException {
        return Class.forName(PACKAGE + "." + simple, true, loader);
    }

    @SuppressWarnings("unchecked")
    static JsonCodec<Object> codec(Class<?> c) throws ReflectiveOperationException {
        return (JsonCodec<Object>) c.getField("CODEC").get(null);
    }

    static Object call(Object target, String method, Object... a) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == a.length && accepts(m, a)) {
                try {
                    return m.invoke(target, a);
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(method);
    }

    private static boolean accepts(Method m, Object[] a) {
        for (int i = 0; i < a.length; i++) {
            Class<?> p = m.getParameterTypes()[i];
            if (!(p.isInstance(a[i]) || p == long.class && a[i] instanceof Long || p == boolean.class && a[i] instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }

    @Test
    @DisplayName("strict decoding keeps the undeclared members, and writing puts them back after the declared ones")
    void strictDecode() throws Exception {
        Object a = codec.decode(QemuJson.parse(DEVICE_ADD), Path.ROOT);
        assertThat(call(a, "driver")).isEqualTo("e1000");
        assertThat(call(a, "additional").toString())
                .isEqualTo("{\"mac\": \"52:54:00:12:34:56\", \"x-opts\": {\"n\": [1, 2]}}");
        assertThat(new String(QemuJson.encode(codec, a), StandardCharsets.UTF_8)).isEqualTo(
                "{\"driver\": \"e1000\", \"bus\": \"pci.0\", \"id\": \"net1\", \"mac\": \"52:54:00:12:34:56\","
                        + " \"x-opts\": {\"n\": [1, 2]}}");
        assertThat(call(codec.decode(QemuJson.parse("{\"driver\": \"e1000\"}"), Path.ROOT), "additional"))
                .isEqualTo(JsonObject.empty());
    }

    @Test
    @DisplayName("the declared members are still checked with QEMU's texts")
    void strictErrors() {
        assertThatThrownBy(() -> codec.decode(QemuJson.parse("{\"id\": \"x\", \"mac\": \"m\"}"), Path.ROOT))
                .isInstanceOf(JsonInputException.class).hasMessage("Parameter 'driver' is missing");
        assertThatThrownBy(() -> codec.decode(QemuJson.parse("{\"driver\": 1}"), Path.ROOT))
                .isInstanceOf(JsonInputException.class)
                .hasMessage("Invalid parameter type for 'driver', expected: string");
    }

    @Test
    @DisplayName("reading (a client's path) keeps unknown members too, in order, first value of a repeated name")
    void read() throws Exception {
        Object a = QemuJson.decode(codec, (DEVICE_ADD.replace("}}", "}, \"mac\": \"again\"}"))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(call(a, "additional").toString())
                .isEqualTo("{\"mac\": \"52:54:00:12:34:56\", \"x-opts\": {\"n\": [1, 2]}}");
        assertThat(call(a, "bus")).hasToString("Optional[pci.0]");
        // the same through jackson's own parser, not only QEMU-spaced input
        Object b = QemuJson.decode(codec, "{\"mac\":\"m\",\"driver\":\"d\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(call(b, "additional").toString()).isEqualTo("{\"mac\": \"m\"}");
    }

    @Test
    @DisplayName("a client builds device properties with the builder")
    void builder() throws Exception {
        Object b = args.getMethod("builder").invoke(null);
        call(b, "driver", "virtio-net-pci");
        call(b, "id", "nic1");
        call(b, "additional", "netdev", "n0");
        call(b, "additional", "mac", "52:54:00:12:34:56");
        call(b, "additional", "mq", Boolean.TRUE);
        call(b, "additional", "vectors", 10L);
        call(b, "additional", JsonObject.of("x", JsonObject.empty()));
        assertThatThrownBy(() -> call(b, "additional", "mq", Boolean.FALSE))
                .isInstanceOf(IllegalArgumentException.class);
        Object a = call(b, "build");
        assertThat(new String(QemuJson.encode(codec, a), StandardCharsets.UTF_8)).isEqualTo(
                "{\"driver\": \"virtio-net-pci\", \"id\": \"nic1\", \"netdev\": \"n0\", \"mac\": \"52:54:00:12:34:56\","
                        + " \"mq\": true, \"vectors\": 10, \"x\": {}}");
    }

    @Test
    @DisplayName("a declared member cannot hide among the additional ones")
    void declaredNamesRejected() throws Exception {
        Object b = args.getMethod("builder").invoke(null);
        call(b, "driver", "e1000");
        call(b, "additional", "id", "sneaky");
        assertThatThrownBy(() -> call(b, "build")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member 'id' is declared by the schema");
    }

    @Test
    @DisplayName("servers: the dispatcher and the registry hand the implementation every argument")
    void servers() throws Exception {
        List<Object> received = new ArrayList<>();
        Class<?> iface = type("GenFalseCommands");
        Object impl = Proxy.newProxyInstance(loader, new Class<?>[] {iface}, (proxy, m, a) -> {
            received.add(a[0]);
            return null;
        });
        Class<?> dispatcher = type("GenFalseCommandDispatcher");
        Method dispatch = dispatcher.getMethod("dispatch", iface, String.class, JsonValue.class, JsonGenerator.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = QemuJson.generator(out)) {
            assertThat(dispatch.invoke(null, impl, "device-add", QemuJson.parse(DEVICE_ADD), g)).isEqualTo(true);
            // a named arguments type stays closed (other definitions may use it): extras are accepted, not kept
            assertThat(dispatch.invoke(null, impl, "frob", QemuJson.parse("{\"a\": \"x\", \"b\": 2}"), g)).isEqualTo(true);
        }
        assertThat(call(received.get(0), "additional").toString()).contains("\"mac\": \"52:54:00:12:34:56\"");
        assertThat(received.get(1)).isEqualTo("x"); // frob(String a): flattened

        QmpRegistry registry = new QmpRegistry();
        iface.getMethod("register", QmpRegistry.class, iface).invoke(null, registry, impl);
        assertThat(registry.contains("device-add")).isTrue();
        received.clear();
        registry.command("device-add").orElseThrow().handler().invoke((JsonObject) QemuJson.parse(DEVICE_ADD), null);
        registry.command("frob").orElseThrow().handler().invoke((JsonObject) QemuJson.parse("{\"a\": \"y\", \"b\": 2}"), null);
        assertThat(call(received.get(0), "additional").toString()).contains("\"x-opts\": {\"n\": [1, 2]}");
        assertThat(received.get(1)).isEqualTo("y");
    }
}
