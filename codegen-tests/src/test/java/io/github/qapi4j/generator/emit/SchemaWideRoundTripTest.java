/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.FrontEnd;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.AlternateDef;
import io.github.qapi4j.generator.model.ArrayDef;
import io.github.qapi4j.generator.model.Branch;
import io.github.qapi4j.generator.model.BuiltinDef;
import io.github.qapi4j.generator.model.CommandDef;
import io.github.qapi4j.generator.model.Definition;
import io.github.qapi4j.generator.model.EnumDef;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.model.StructDef;
import io.github.qapi4j.generator.model.TypeDef;
import io.github.qapi4j.generator.model.UnionDef;
import io.github.qapi4j.runtime.json.JsonArray;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.Path;
import io.github.qapi4j.runtime.json.QemuJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every generated type of a whole schema, with random JSON made from the schema model itself:
 * for each struct, union, alternate and enum, values the schema allows (optional members present
 * or not, every union branch and alternate kind, lists, nesting to a depth) must pass the strict
 * decoder and the forward-compatible reader, and re-encode to the same JSON. Seeded: a failure
 * names the type and the JSON, and repeats.
 */
class SchemaWideRoundTripTest {
    static final int VALUES_PER_TYPE = 12;
    static final int MAX_DEPTH = 4;

    @ParameterizedTest
    @ValueSource(strings = {"qemu-10.2.50/qapi/qapi-schema.json", "qemu-10.2.50/qga/qapi-schema.json",
        "qapi-schema-tests/qapi-schema-test.json"})
    @DisplayName("random values of every type survive decode/read and write")
    void everyType(String relative) throws Exception {
        ClassLoader cl = CompiledSchemas.load(relative);
        java.nio.file.Path file = CompiledSchemas.schema(relative);
        Schema schema = FrontEnd.load(file.getParent(), file.getFileName().toString(), FrontEndOptions.LENIENT);
        Set<String> argTypes = new HashSet<>();
        for (CommandDef c : schema.definitions(CommandDef.class)) {
            if (c.argTypeName() != null) {
                argTypes.add(c.argTypeName());
            }
        }
        List<String> failures = new ArrayList<>();
        int types = 0;
        for (Definition d : schema.definitions()) {
            if (!(d instanceof TypeDef t) || d.isBuiltin() || t instanceof ArrayDef
                    || t.name().equals(StructDef.EMPTY)
                    || t instanceof StructDef s && s.isImplicit() && !s.name().endsWith("-base")
                            && !argTypes.contains(s.name())) {
                continue; // not generated as a type of its own
            }
            types++;
            JsonCodec<Object> codec = WireExamplesTest.codec(cl, schema, t.name());
            Random random = new Random(t.name().hashCode());
            for (int i = 0; i < VALUES_PER_TYPE; i++) {
                JsonValue v;
                try {
                    v = new Values(schema, random).of(t.name(), 0);
                } catch (NoValue e) {
                    continue; // needs a value of an enum without values (QEMU's test schema has one)
                }
                String where = t.name() + " " + v;
                try {
                    Object decoded = codec.decode(v, Path.ROOT);
                    assertEqual(v, codec, decoded, "decode", where, failures);
                    Object read = QemuJson.decode(codec, v.toString().getBytes(StandardCharsets.UTF_8));
                    assertEqual(v, codec, read, "read", where, failures);
                } catch (Exception | AssertionError e) {
                    failures.add(where + "\n    " + e);
                }
            }
        }
        assertThat(types).isGreaterThan(40);
        assertThat(failures).as("%d types; failures:\n%s", types, String.join("\n", failures.subList(0,
                Math.min(20, failures.size())))).isEmpty();
    }

    private static void assertEqual(JsonValue expected, JsonCodec<Object> codec, Object value, String how,
            String where, List<String> failures) {
        JsonValue again = QemuJson.parse(new String(QemuJson.encode(codec, value), StandardCharsets.UTF_8));
        if (!again.equals(expected)) {
            failures.add(how + " " + where + "\n    wrote " + again);
        }
    }

    /** The type has no value at all. */
    private static final class NoValue extends RuntimeException {
        NoValue() {
            super(null, null, false, false);
        }
    }

    /** Random JSON values of schema types. */
    private static final class Values {
        private final Schema schema;
        private final Random r;

        Values(Schema schema, Random r) {
            this.schema = schema;
            this.r = r;
        }

        JsonValue of(String typeName, int depth) {
            TypeDef t = schema.type(typeName);
            if (t instanceof BuiltinDef b) {
                return builtin(b.name(), depth);
            }
            if (t instanceof EnumDef e) {
                if (e.values().isEmpty()) {
                    throw new NoValue();
                }
                return new JsonValue.Str(e.values().get(r.nextInt(e.values().size())).name());
            }
            if (t instanceof ArrayDef a) {
                int n = depth >= MAX_DEPTH ? 0 : r.nextInt(3);
                List<JsonValue> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(of(a.elementTypeName(), depth + 1));
                }
                return JsonArray.of(items);
            }
            if (t instanceof AlternateDef a) {
                List<Branch> branches = a.branches();
                if (depth >= MAX_DEPTH) {
                    // prefer a branch that is not an object, to end the recursion
                    List<Branch> flat = branches.stream()
                            .filter(b -> !(schema.type(b.typeName()) instanceof StructDef
                                    || schema.type(b.typeName()) instanceof UnionDef))
                            .toList();
                    if (!flat.isEmpty()) {
                        branches = flat;
                    }
                }
                return of(branches.get(r.nextInt(branches.size())).typeName(), depth + 1);
            }
            JsonObject.Builder b = JsonObject.builder();
            object(t, depth, b);
            return b.build();
        }

        /** The members of a struct or union (with a random branch's), into {@code b}. */
        private void object(TypeDef t, int depth, JsonObject.Builder b) {
            String discriminator = t instanceof UnionDef u ? u.discriminator() : null;
            Branch branch = null;
            if (t instanceof UnionDef u) {
                branch = u.branches().get(r.nextInt(u.branches().size()));
            }
            for (Member m : schema.allMembers(t)) {
                if (m.name().equals(discriminator)) {
                    b.put(m.name(), new JsonValue.Str(branch.name()));
                } else if (!m.optional() || depth < MAX_DEPTH && r.nextBoolean()) {
                    b.put(m.name(), of(m.typeName(), depth + 1));
                }
            }
            if (branch != null && !branch.typeName().equals(StructDef.EMPTY)) {
                TypeDef bt = schema.type(branch.typeName());
                if (bt instanceof UnionDef) {
                    object(bt, depth, b); // a union branch: its members are inlined too
                } else {
                    for (Member m : schema.allMembers(bt)) {
                        if (!m.optional() || depth < MAX_DEPTH && r.nextBoolean()) {
                            b.put(m.name(), of(m.typeName(), depth + 1));
                        }
                    }
                }
            }
        }

        private JsonValue builtin(String name, int depth) {
            return switch (name) {
                case "str" -> new JsonValue.Str(string());
                case "bool" -> JsonValue.Bool.of(r.nextBoolean());
                case "null" -> JsonValue.Null.INSTANCE;
                case "number" -> new JsonValue.Dbl(r.nextInt(2000) - 1000 + 0.25);
                case "int8" -> new JsonValue.Int(r.nextInt(256) - 128);
                case "int16" -> new JsonValue.Int(r.nextInt(65536) - 32768);
                case "int32" -> new JsonValue.Int(r.nextInt());
                case "int", "int64" -> new JsonValue.Int(r.nextLong());
                case "uint8" -> new JsonValue.Int(r.nextInt(256));
                case "uint16" -> new JsonValue.Int(r.nextInt(65536));
                case "uint32" -> new JsonValue.Int(r.nextInt() & 0xFFFF_FFFFL);
                case "uint64", "size" -> new JsonValue.Int(r.nextLong() & Long.MAX_VALUE);
                case "any" -> depth >= MAX_DEPTH ? new JsonValue.Str(string())
                        : JsonObject.of("k", new JsonValue.Int(r.nextInt(10)), "l",
                                JsonArray.of(List.of(new JsonValue.Str(string()), JsonValue.Bool.of(true))));
                default -> throw new IllegalArgumentException("builtin " + name);
            };
        }

        private String string() {
            String[] samples = {"", "x", "node-1", "with \"quotes\" and \\", "tab\there", "caf\u00e9 \u2603",
                "\ud83d\ude00", "/dev/null", "a/b.qcow2"};
            return samples[r.nextInt(samples.length)];
        }
    }
}
