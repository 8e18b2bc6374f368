/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qapi4j.runtime.json.CompatPolicy;
import io.github.qapi4j.runtime.json.InputObject;
import io.github.qapi4j.runtime.json.JsonArray;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.Path;
import io.github.qapi4j.runtime.json.QDictOrder;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The introspection commands every QEMU monitor has, answered exactly as QEMU answers them:
 * {@code query-version}, {@code query-commands} and {@code query-qmp-schema}.
 *
 * <p>{@code query-qmp-schema} returns the introspection data that qapi4j's generator builds for
 * the schema (QEMU's {@code SchemaInfo} list, e.g. from {@code qapi4j introspect}), written
 * unchanged. {@code query-commands} lists the enabled commands in the reverse of their
 * registration order, as QEMU does: QEMU registers the generated commands in schema order and the
 * hand-written ({@code 'gen': false}) ones after them, then builds the list by prepending.
 *
 * <p>For a guest agent test double ({@link QmpServer.Builder#guestAgent}),
 * {@link #registerGuestAgent} registers what every {@code qemu-ga} answers the same way:
 * {@code guest-sync}, {@code guest-sync-delimited}, {@code guest-ping} and {@code guest-info}.
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
        // None takes arguments: any given is 'Parameter 'x' is unexpected', as QEMU answers.
        // all three have 'allow-preconfig': true in QEMU's schema
        registry.register(QmpCommand.of("query-version", (args, session) -> {
            noArguments(args);
            return g -> writeVersion(g, version);
        }, QmpCommand.Flag.ALLOW_PRECONFIG));
        Supplier<JsonValue> withoutDeprecated = lazily(() -> withoutDeprecated(schemaJson));
        registry.register(QmpCommand.of("query-qmp-schema", (args, session) -> {
            noArguments(args);
            if (session.compatPolicy().deprecatedOutput() == CompatPolicy.Output.HIDE) {
                JsonValue zapped = withoutDeprecated.get();
                return zapped::write;
            }
            return g -> g.writeRawValue(schemaJson);
        }, QmpCommand.Flag.ALLOW_PRECONFIG));
        registry.register(QmpCommand.of("query-commands", (args, session) -> {
            noArguments(args);
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
        }, QmpCommand.Flag.ALLOW_PRECONFIG));
    }

    /**
     * Registers the guest agent's protocol commands, answered as {@code qemu-ga} answers them:
     * {@code guest-sync} and {@code guest-sync-delimited} return their {@code id} (the server puts
     * the {@code 0xFF} sentinel before the latter's reply), {@code guest-ping} returns nothing,
     * and {@code guest-info} reports {@code version} and every registered command (enabled or
     * not, with its {@code success-response}), newest registration first, as {@code qemu-ga}
     * lists them.
     *
     * @param schemaOrder the schema's command names in schema order (a generated dispatcher's
     *     {@code COMMANDS}): {@code qemu-ga} registers its commands in that order, so
     *     {@code guest-info} lists them in reverse; commands not listed count as registered after
     *     them, in registry order
     */
    public static void registerGuestAgent(QmpRegistry registry, String version, List<String> schemaOrder) {
        Objects.requireNonNull(version, "version");
        List<String> order = List.copyOf(schemaOrder);
        registry.register(QmpCommand.of("guest-sync", (args, session) -> {
            long id = syncId(args);
            return g -> g.writeNumber(id);
        }));
        registry.register(QmpCommand.of("guest-sync-delimited", (args, session) -> {
            long id = syncId(args);
            return g -> g.writeNumber(id);
        }));
        registry.register(QmpCommand.of("guest-ping", (args, session) -> {
            noArguments(args);
            return null;
        }));
        registry.register(QmpCommand.of("guest-info", (args, session) -> {
            noArguments(args);
            List<String> names = registrationOrder(registry, order, false);
            return g -> {
                g.writeStartObject();
                for (String key : GUEST_INFO_KEYS) {
                    if (key.equals("version")) {
                        g.writeStringField("version", version);
                        continue;
                    }
                    g.writeFieldName("supported_commands");
                    g.writeStartArray();
                    for (int i = names.size() - 1; i >= 0; i--) {
                        String name = names.get(i);
                        QmpCommand c = registry.command(name).orElse(null);
                        if (c == null) {
                            continue; // unregistered meanwhile
                        }
                        g.writeStartObject();
                        for (String k : COMMAND_INFO_KEYS) {
                            switch (k) {
                                case "name" -> g.writeStringField("name", name);
                                case "enabled" -> g.writeBooleanField("enabled", registry.isEnabled(name));
                                default -> g.writeBooleanField("success-response",
                                        !c.has(QmpCommand.Flag.NO_SUCCESS_RESPONSE));
                            }
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            };
        }));
    }

    private static final List<String> GUEST_INFO_KEYS = QDictOrder.sort(List.of("version", "supported_commands"));
    private static final List<String> COMMAND_INFO_KEYS =
            QDictOrder.sort(List.of("name", "enabled", "success-response"));

    /** A command without arguments: the first one given is unexpected (QEMU's text). */
    private static void noArguments(JsonObject args) {
        InputObject.of(args, Path.ROOT).end();
    }

    /** {@code 'data': {'id': 'int'}}, decoded strictly with QEMU's texts. */
    private static long syncId(JsonObject args) {
        InputObject in = InputObject.of(args, Path.ROOT);
        long id = in.requiredInt64("id");
        in.end();
        return id;
    }

    /** Registered names in registration order: those of {@code schemaOrder} first, in its order. */
    private static List<String> registrationOrder(QmpRegistry registry, List<String> schemaOrder,
            boolean withCapabilities) {
        Set<String> registered = new LinkedHashSet<>(registry.names());
        if (withCapabilities) {
            registered.add(QmpRegistry.QMP_CAPABILITIES);
        }
        List<String> registration = new ArrayList<>();
        for (String name : schemaOrder) {
            if (registered.remove(name)) {
                registration.add(name);
            }
        }
        registration.addAll(registered);
        return registration;
    }

    /** The names {@code query-commands} reports: enabled commands, newest registration first. */
    static List<String> queryCommands(QmpRegistry registry, List<String> schemaOrder) {
        List<String> registration = registrationOrder(registry, schemaOrder, true);
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

    /**
     * The introspection data as QEMU sends it under {@code -compat deprecated-output=hide}:
     * without the entities whose features include {@code deprecated}, without such members of
     * object types (QEMU's {@code zap_deprecated}; enum values and unstable elements stay), and
     * without the enum entities' {@code values}, which {@code SchemaInfoEnum} itself declares
     * deprecated, so QEMU's output visitor hides it.
     */
    static JsonValue withoutDeprecated(String schemaJson) {
        JsonArray all = (JsonArray) QemuJson.parse(schemaJson);
        List<JsonValue> kept = new ArrayList<>();
        for (JsonValue v : all.items()) {
            JsonObject entity = (JsonObject) v;
            if (deprecated(entity)) {
                continue;
            }
            String meta = entity.get("meta-type") instanceof JsonValue.Str t ? t.value() : "";
            JsonObject.Builder b = JsonObject.builder();
            for (int i = 0; i < entity.size(); i++) {
                String name = entity.name(i);
                JsonValue value = entity.value(i);
                if (meta.equals("enum") && name.equals("values")) {
                    continue;
                }
                if (meta.equals("object") && name.equals("members") && value instanceof JsonArray members) {
                    List<JsonValue> keptMembers = new ArrayList<>();
                    for (JsonValue m : members.items()) {
                        if (!deprecated((JsonObject) m)) {
                            keptMembers.add(m);
                        }
                    }
                    value = JsonArray.of(keptMembers);
                }
                b.put(name, value);
            }
            kept.add(b.build());
        }
        return JsonArray.of(kept);
    }

    private static boolean deprecated(JsonObject o) {
        if (o.get("features") instanceof JsonArray features) {
            for (JsonValue f : features.items()) {
                if (f instanceof JsonValue.Str s && s.value().equals("deprecated")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T> Supplier<T> lazily(Supplier<T> make) {
        AtomicReference<T> cache = new AtomicReference<>();
        return () -> {
            T v = cache.get();
            if (v == null) {
                v = make.get();
                cache.compareAndSet(null, v);
            }
            return v;
        };
    }
}
