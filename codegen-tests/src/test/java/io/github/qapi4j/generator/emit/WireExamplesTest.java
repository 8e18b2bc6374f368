/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.FrontEnd;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.CommandDef;
import io.github.qapi4j.generator.model.Definition;
import io.github.qapi4j.generator.model.Documentation;
import io.github.qapi4j.generator.model.EventDef;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.model.TypeDef;
import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.Path;
import io.github.qapi4j.runtime.json.QemuJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every {@code -> {...}} / {@code <- {...}} example in the 10.2.50 doc comments that belongs to a
 * command or event: requests are decoded strictly (the server path), replies and events with the
 * forward-compatible reader (the client path), then re-encoded and compared as JSON. The report
 * goes to {@code target/wire-examples.txt}.
 */
class WireExamplesTest {
    static final String SCHEMA = "qemu-10.2.50/qapi/qapi-schema.json";

    record Example(String symbol, String text) {}

    @Test
    @DisplayName("10.2.50 doc examples decode and re-encode to equal JSON")
    void examples() throws Exception {
        ClassLoader cl = CompiledSchemas.load(SCHEMA);
        java.nio.file.Path file = CompiledSchemas.schema(SCHEMA);
        Schema schema = FrontEnd.load(file.getParent(), file.getFileName().toString(), FrontEndOptions.LENIENT);
        int found = 0;
        int passed = 0;
        int unparseable = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        List<String> failed = new ArrayList<>(); // "symbol | message", compared with the known list
        for (Documentation doc : schema.docs()) {
            if (doc.symbol() == null) {
                continue;
            }
            Definition def = schema.lookup(doc.symbol()).orElse(null);
            if (!(def instanceof CommandDef) && !(def instanceof EventDef)) {
                continue;
            }
            StringBuilder all = new StringBuilder(doc.body()).append('\n');
            doc.sections().forEach(s -> all.append(s.text()).append('\n'));
            String lastCommand = def instanceof CommandDef c ? c.name() : null;
            for (String ex : extract(all.toString())) {
                found++;
                String where = doc.symbol() + ": " + ex.replaceAll("\\s+", " ");
                JsonValue v;
                try {
                    v = QemuJson.parse(ex.substring(2).strip());
                } catch (RuntimeException e) {
                    unparseable++;
                    failures.add("UNPARSEABLE " + where);
                    failed.add(doc.symbol() + " | unparseable");
                    continue;
                }
                if (!(v instanceof JsonObject o)) {
                    unparseable++;
                    continue;
                }
                try {
                    if (ex.startsWith("->") && o.get("execute") instanceof JsonValue.Str s) {
                        lastCommand = s.value();
                        CommandDef c = schema.lookup(s.value(), CommandDef.class).orElse(null);
                        if (c == null) {
                            skipped++;
                            continue;
                        }
                        JsonValue args = o.has("arguments") ? o.get("arguments") : JsonObject.empty();
                        JsonCodec<Object> codec = c.argTypeName() == null ? cast(Codecs.EMPTY_OBJECT)
                                : codec(cl, schema, c.argTypeName());
                        Object value = codec.decode(args, Path.ROOT);
                        check(c.argTypeName() == null ? JsonObject.empty() : args, codec, value, where, failures);
                    } else if (ex.startsWith("<-") && o.has("return")) {
                        CommandDef c = lastCommand == null ? null
                                : schema.lookup(lastCommand, CommandDef.class).orElse(null);
                        if (c == null) {
                            skipped++;
                            continue;
                        }
                        JsonCodec<Object> codec = c.returnTypeName() == null ? cast(Codecs.EMPTY_OBJECT)
                                : codec(cl, schema, c.returnTypeName());
                        Object value = read(codec, o.get("return"));
                        check(c.returnTypeName() == null ? JsonObject.empty() : o.get("return"), codec, value,
                                where, failures);
                    } else if (ex.startsWith("<-") && o.get("event") instanceof JsonValue.Str s) {
                        EventDef e = schema.lookup(s.value(), EventDef.class).orElse(null);
                        if (e == null) {
                            skipped++;
                            continue;
                        }
                        JsonValue data = o.has("data") ? o.get("data") : JsonObject.empty();
                        JsonCodec<Object> codec = eventCodec(cl, e, schema);
                        check(data, codec, read(codec, data), where, failures);
                    } else {
                        skipped++; // error replies, greetings
                        continue;
                    }
                } catch (Exception | AssertionError e) {
                    failures.add("FAILED " + where + "\n    " + e);
                    failed.add(doc.symbol() + " | " + e.getMessage());
                    continue;
                }
                passed++;
            }
        }
        String report = "found " + found + ", passed " + passed + ", unparseable " + unparseable
                + ", not applicable " + skipped + ", failed " + (found - passed - unparseable - skipped) + "\n"
                + String.join("\n", failures) + "\n";
        java.nio.file.Path out = java.nio.file.Path.of("target/wire-examples.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report.lines().findFirst().orElse(""));
        assertThat(found).isGreaterThan(500);
        assertThat(failed).as("failures against the known mistakes in QEMU's docs (%s)\n%s", KNOWN, report)
                .containsExactlyInAnyOrderElementsOf(known());
        assertThat(passed + failed.size() + skipped).isEqualTo(found);
    }

    static final String KNOWN = "/wire-examples-known-failures.txt";

    /** The known failures, "symbol | message" each (the reason column dropped). */
    static List<String> known() throws java.io.IOException {
        List<String> out = new ArrayList<>();
        try (var in = WireExamplesTest.class.getResourceAsStream(KNOWN)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.substring(0, line.lastIndexOf(" | ")));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static JsonCodec<Object> cast(JsonCodec<?> c) {
        return (JsonCodec<Object>) c;
    }

    static Object read(JsonCodec<Object> codec, JsonValue v) throws Exception {
        return QemuJson.decode(codec, QemuJson.toJson(v).getBytes(StandardCharsets.UTF_8));
    }

    static void check(JsonValue expected, JsonCodec<Object> codec, Object value, String where, List<String> failures) {
        JsonValue again = QemuJson.parse(new String(QemuJson.encode(codec, value), StandardCharsets.UTF_8));
        if (!again.equals(expected)) {
            throw new AssertionError("re-encoded differs: " + again);
        }
    }

    static JsonCodec<Object> eventCodec(ClassLoader cl, EventDef e, Schema schema) throws Exception {
        if (e.boxed()) {
            return codec(cl, schema, e.argTypeName());
        }
        return field(cl, CompiledSchemas.PACKAGE + "." + JavaNames.eventTypeName(e.name()));
    }

    static JsonCodec<Object> codec(ClassLoader cl, Schema schema, String typeName) throws Exception {
        TypeDef t = schema.type(typeName);
        if (t instanceof io.github.qapi4j.generator.model.ArrayDef a) {
            return cast(Codecs.list(codec(cl, schema, a.elementTypeName())));
        }
        if (t instanceof io.github.qapi4j.generator.model.BuiltinDef b) {
            String f = switch (b.name()) {
                case "str" -> "STR";
                case "int" -> "INT";
                case "bool" -> "BOOL";
                case "any" -> "ANY";
                case "null" -> "NULL";
                case "number" -> "NUMBER";
                default -> b.name().toUpperCase(java.util.Locale.ROOT);
            };
            return cast((JsonCodec<?>) Codecs.class.getField(f).get(null));
        }
        return field(cl, CompiledSchemas.PACKAGE + "." + EmitContext.javaTypeName(t));
    }

    static JsonCodec<Object> field(ClassLoader cl, String className) throws Exception {
        return cast((JsonCodec<?>) Class.forName(className, true, cl).getField("CODEC").get(null));
    }

    /** The {@code ->} / {@code <-} examples in a doc text, each as one string. */
    static List<String> extract(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.startsWith("->") && !l.startsWith("<-")) {
                continue;
            }
            StringBuilder sb = new StringBuilder(l);
            int depth = depth(l);
            while (depth > 0 && i + 1 < lines.length) {
                String next = lines[++i].strip();
                sb.append('\n').append(next);
                depth += depth(next);
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static int depth(String s) {
        int d = 0;
        boolean str = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (str) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    str = false;
                }
            } else if (c == '"') {
                str = true;
            } else if (c == '{' || c == '[') {
                d++;
            } else if (c == '}' || c == ']') {
                d--;
            }
        }
        return d;
    }
}
