/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qapi4j.runtime.json.QDictOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The introspection commands every QEMU monitor has, answered exactly as QEMU answers them:
 * {@code query-version}, {@code query-commands} and {@code query-qmp-schema}.
 *
 * <p>{@code query-qmp-schema} returns the introspection data that qapi4j's generator builds for
 * the schema (QEMU's {@code SchemaInfo} list, e.g. from {@code qapi4j introspect}), written
 * unchanged. {@code query-commands} lists the enabled commands in the reverse of their
 * registration order, as QEMU does: QEMU registers the generated commands in schema order and the
 * hand-written ({@code 'gen': false}) ones after them, then builds the list by prepending.
 */
public final class StandardCommands {

    private StandardCommands() {}

    /** The version a server reports ({@code VersionInfo}). */
    public record Version(int major, int minor, int micro, String packageName) {
        public Version {
            Objects.requireNonNull(packageName, "packageName");
        }
    }

    /**
     * Registers the three commands.
     *
     * @param registry where to register them
     * @param version what {@code query-version} reports (use the same as the server's greeting)
     * @param schemaJson the introspection data: the JSON array {@code query-qmp-schema} returns
     * @param schemaOrder the schema's command names in schema order ({@code qmp_capabilities}
     *     included); commands registered but not listed count as registered after all of them,
     *     in registry order
     */
    public static void register(QmpRegistry registry, Version version, String schemaJson, List<String> schemaOrder) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(schemaJson, "schemaJson");
        List<String> order = List.copyOf(schemaOrder);
        registry.register(QmpCommand.of("query-version", (args, session) -> g -> writeVersion(g, version)));
        registry.register(QmpCommand.of("query-qmp-schema", (args, session) -> g -> g.writeRawValue(schemaJson)));
        registry.register(QmpCommand.of("query-commands", (args, session) -> {
            List<String> listed = queryCommands(registry, order);
            return g -> {
                g.writeStartArray();
                for (String name : listed) {
                    g.writeStartObject();
                    g.writeStringField("name", name);
                    g.writeEndObject();
                }
                g.writeEndArray();
            };
        }));
    }

    /** The names {@code query-commands} reports: enabled commands, newest registration first. */
    static List<String> queryCommands(QmpRegistry registry, List<String> schemaOrder) {
        Set<String> registered = new LinkedHashSet<>(registry.names());
        registered.add(QmpRegistry.QMP_CAPABILITIES);
        List<String> registration = new ArrayList<>();
        for (String name : schemaOrder) {
            if (registered.remove(name)) {
                registration.add(name);
            }
        }
        registration.addAll(registered);
        List<String> out = new ArrayList<>(registration.size());
        for (int i = registration.size() - 1; i >= 0; i--) {
            String name = registration.get(i);
            if (QmpRegistry.QMP_CAPABILITIES.equals(name) || registry.isEnabled(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static final List<String> VERSION_KEYS = QDictOrder.sort(List.of("qemu", "package"));
    private static final List<String> TRIPLE_KEYS = QDictOrder.sort(List.of("major", "minor", "micro"));

    /** {@code VersionInfo} with members in QEMU's output order. */
    static void writeVersion(JsonGenerator g, Version v) throws IOException {
        g.writeStartObject();
        for (String key : VERSION_KEYS) {
            if (key.equals("package")) {
                g.writeStringField("package", v.packageName());
            } else {
                g.writeFieldName("qemu");
                g.writeStartObject();
                for (String k : TRIPLE_KEYS) {
                    g.writeNumberField(k, k.equals("major") ? v.major() : k.equals("minor") ? v.minor() : v.micro());
                }
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }
}
