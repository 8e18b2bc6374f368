/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.qapi4j.generator.model.AlternateDef;
import io.github.qapi4j.generator.model.ArrayDef;
import io.github.qapi4j.generator.model.BuiltinDef;
import io.github.qapi4j.generator.model.CommandDef;
import io.github.qapi4j.generator.model.Condition;
import io.github.qapi4j.generator.model.Definition;
import io.github.qapi4j.generator.model.EnumDef;
import io.github.qapi4j.generator.model.EventDef;
import io.github.qapi4j.generator.model.Feature;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.model.StructDef;
import io.github.qapi4j.generator.model.TypeDef;
import io.github.qapi4j.generator.model.UnionDef;
import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.SourceInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every emitter needs: the schema, the target package, the {@code if} policy, the Java type
 * of every QAPI type (decided once, here), and the located naming errors found so far.
 */
final class EmitContext {
    static final String RT = "io.github.qapi4j.runtime";
    static final ClassName JSON_CODEC = ClassName.get(RT + ".json", "JsonCodec");
    static final ClassName CODECS = ClassName.get(RT + ".json", "Codecs");
    static final ClassName ENUM_CODEC = ClassName.get(RT + ".json", "EnumCodec");
    static final ClassName QAPI_ENUM = ClassName.get(RT + ".json", "QapiEnum");
    static final ClassName JSON_VALUE = ClassName.get(RT + ".json", "JsonValue");
    static final ClassName JSON_OBJECT = ClassName.get(RT + ".json", "JsonObject");
    static final ClassName JSON_OBJECT_BUILDER = JSON_OBJECT.nestedClass("Builder");
    static final ClassName JSON_ARRAY = ClassName.get(RT + ".json", "JsonArray");
    static final ClassName PATH = ClassName.get(RT + ".json", "Path");
    static final ClassName COMPAT_POLICY = ClassName.get(RT + ".json", "CompatPolicy");
    static final ClassName INPUT_OBJECT = ClassName.get(RT + ".json", "InputObject");
    static final ClassName MEMBERS = ClassName.get(RT + ".json", "Members");
    static final ClassName READING = ClassName.get(RT + ".json", "Reading");
    static final ClassName QEMU_JSON = ClassName.get(RT + ".json", "QemuJson");
    static final ClassName DECODE_EXCEPTION = ClassName.get(RT + ".json", "JsonDecodeException");
    static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
    static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");
    static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
    static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName META_IF = ClassName.get(RT + ".meta", "QapiIf");
    static final ClassName META_FEATURES = ClassName.get(RT + ".meta", "QapiFeatures");
    static final ClassName META_UNSTABLE = ClassName.get(RT + ".meta", "Unstable");
    static final ClassName META_TYPE = ClassName.get(RT + ".meta", "QapiType");
    static final ClassName META_MEMBER = ClassName.get(RT + ".meta", "QapiMember");
    static final ClassName META_COMMAND = ClassName.get(RT + ".meta", "QapiCommand");
    static final ClassName META_EVENT = ClassName.get(RT + ".meta", "QapiEvent");

    final Schema schema;
    final String pkg;
    /** Defined {@code --if} symbols, or null to keep everything and record conditions. */
    final Set<String> defined;
    final List<Diagnostic> errors = new ArrayList<>();
    private final Map<String, JType> types = new HashMap<>();
    private final Map<String, ClassName> classNames = new HashMap<>();
    /**
     * The implicit argument types of {@code 'gen': false} commands: QEMU hands such a command its
     * whole argument dictionary, so their records also carry the members the schema does not
     * declare. (A named type stays closed: other definitions may use it.)
     */
    private final Set<String> open = new HashSet<>();

    EmitContext(Schema schema, String pkg, Set<String> defined) {
        this.schema = schema;
        this.pkg = pkg;
        this.defined = defined;
        for (CommandDef c : schema.definitions(CommandDef.class)) {
            if (!c.gen() && c.argTypeName() != null
                    && schema.type(c.argTypeName()) instanceof StructDef s && s.isImplicit()) {
                open.add(s.name());
            }
        }
    }

    /** Whether JSON {@code null} is a value of the type: {@code null}, {@code any}, an alternate with a null branch. */
    boolean admitsNull(TypeDef t) {
        if (t instanceof BuiltinDef b) {
            return b.name().equals("null") || b.name().equals("any");
        }
        return t instanceof AlternateDef a && a.branches().stream()
                .anyMatch(br -> schema.type(br.typeName()) instanceof BuiltinDef b && b.name().equals("null"));
    }

    boolean open(TypeDef t) {
        return t instanceof StructDef && open.contains(t.name());
    }

    /** Whether an element with this condition is generated. */
    boolean included(Condition c) {
        return defined == null || Condition.holds(c, defined);
    }

    boolean included(Definition d) {
        return included(d.condition());
    }

    /** Features kept (their own conditions applied). */
    List<Feature> features(List<Feature> fs) {
        if (defined == null) {
            return fs;
        }
        return fs.stream().filter(f -> included(f.condition())).toList();
    }

    /** Members kept. */
    List<Member> members(List<Member> ms) {
        return defined == null ? ms : ms.stream().filter(m -> included(m.condition())).toList();
    }

    boolean deprecated(List<Feature> fs) {
        return features(fs).stream().anyMatch(Feature::isDeprecated);
    }

    void error(SourceInfo info, String message) {
        errors.add(Diagnostic.at(info, message));
    }

    // ------------------------------------------------------------------ names of generated types

    /** The class generated for a named (non-array, non-built-in) type. */
    ClassName className(TypeDef t) {
        return classNames.computeIfAbsent(t.name(), n -> ClassName.get(pkg, javaTypeName(t)));
    }

    /** The simple name of the class for a type definition. */
    static String javaTypeName(Definition t) {
        String n = t.name();
        if (n.startsWith("q_obj_") && n.endsWith("-arg")) {
            return JavaNames.argumentsTypeName(n.substring(6, n.length() - 4));
        }
        if (n.startsWith("q_obj_") && n.endsWith("-base")) {
            return JavaNames.typeName(n.substring(6, n.length() - 5)) + "Base";
        }
        if (n.startsWith("q_obj_")) {
            return JavaNames.typeName(n.substring(6));
        }
        return JavaNames.typeName(n);
    }

    /** The record generated for an event's data ({@code JobStatusChangeEvent}). */
    ClassName eventClass(EventDef e) {
        return ClassName.get(pkg, JavaNames.eventTypeName(e.name()));
    }

    /** Whether an event has a generated record (boxed events pass their data type instead). */
    boolean hasEventRecord(EventDef e) {
        return !e.boxed();
    }

    // ------------------------------------------------------------------ Java types of QAPI types

    /** How a QAPI type appears in Java and how its values are read, decoded and written. */
    record JType(
            TypeName type,
            TypeName boxed,
            CodeBlock codec,
            String readExpr,
            String readOrNullExpr,
            String decodeExpr,
            String writeStmt,
            boolean primitive,
            TypeDef def) {}

    JType type(String qapiName) {
        JType t = types.get(qapiName);
        if (t == null) {
            t = makeType(schema.type(qapiName));
            types.put(qapiName, t);
        }
        return t;
    }

    private JType makeType(TypeDef def) {
        if (def instanceof BuiltinDef b) {
            return builtin(b);
        }
        if (def instanceof ArrayDef a) {
            JType e = type(a.elementTypeName());
            TypeName lt = ParameterizedTypeName.get(LIST, e.boxed);
            CodeBlock codec = CodeBlock.of("$T.list($L)", CODECS, e.codec);
            return new JType(lt, lt, codec, null, null, null, null, false, def);
        }
        ClassName cn = className(def);
        return new JType(cn, cn, CodeBlock.of("$T.CODEC", cn), null, null, null, null, false, def);
    }

    /**
     * How generated code handles a scalar built-in: the {@code Codecs} constant, the Java type,
     * and the read / strict-decode / write snippets ({@code $C} = Codecs, {@code $G} = generator,
     * {@code $V} = value, {@code $P} = parser).
     */
    private record Scalar(String codecField, TypeName type, String read, String decode, String write) {}

    private static final String WRITE_NUMBER = "$G.writeNumber($V)";

    private static final Map<String, Scalar> SCALARS = Map.ofEntries(
            Map.entry("str", new Scalar("STR", ClassName.get(String.class), "readStr", "decodeStr",
                    "$G.writeString($V)")),
            Map.entry("int", new Scalar("INT64", TypeName.LONG, "readInt64", "decodeInt64", WRITE_NUMBER)),
            Map.entry("int64", new Scalar("INT64", TypeName.LONG, "readInt64", "decodeInt64", WRITE_NUMBER)),
            Map.entry("int8", new Scalar("INT8", TypeName.BYTE, "(byte) $C.readInt32", "decodeInt8", WRITE_NUMBER)),
            Map.entry("int16", new Scalar("INT16", TypeName.SHORT, "(short) $C.readInt32", "decodeInt16",
                    WRITE_NUMBER)),
            Map.entry("int32", new Scalar("INT32", TypeName.INT, "readInt32", "decodeInt32", WRITE_NUMBER)),
            Map.entry("uint8", new Scalar("UINT8", TypeName.INT, "readInt32", "decodeUint8", WRITE_NUMBER)),
            Map.entry("uint16", new Scalar("UINT16", TypeName.INT, "readInt32", "decodeUint16", WRITE_NUMBER)),
            Map.entry("uint32", new Scalar("UINT32", TypeName.LONG, "readInt64", "decodeUint32", WRITE_NUMBER)),
            Map.entry("uint64", new Scalar("UINT64", TypeName.LONG, "readUint64", "decodeUint64",
                    "$C.writeUint64($G, $V)")),
            Map.entry("size", new Scalar("SIZE", TypeName.LONG, "readUint64", "decodeUint64",
                    "$C.writeUint64($G, $V)")),
            Map.entry("number", new Scalar("NUMBER", TypeName.DOUBLE, "readNumber", "decodeNumber", WRITE_NUMBER)),
            Map.entry("bool", new Scalar("BOOL", TypeName.BOOLEAN, "readBool", "decodeBool",
                    "$G.writeBoolean($V)")));

    private JType builtin(BuiltinDef b) {
        if (b.name().equals("null")) {
            ClassName n = JSON_VALUE.nestedClass("Null");
            return new JType(n, n, CodeBlock.of("$T.NULL", CODECS), null, null, null, null, false, b);
        }
        if (b.name().equals("any")) {
            return new JType(JSON_VALUE, JSON_VALUE, CodeBlock.of("$T.ANY", CODECS), null, null, null, null, false, b);
        }
        Scalar sc = SCALARS.get(b.name());
        if (sc == null) {
            throw new IllegalStateException("unknown built-in " + b.name());
        }
        TypeName t = sc.type();
        String read = sc.read().contains("$C") ? sc.read() : "$C." + sc.read();
        // Codecs has a readXOrNull for each plain readX (not for the narrowing casts)
        String readOrNull = sc.read().contains("$C") ? null : "$C." + sc.read() + "OrNull($P)";
        return new JType(t, t.isPrimitive() ? t.box() : t, CodeBlock.of("$T.$L", CODECS, sc.codecField()),
                read + "($P)", readOrNull, "$C." + sc.decode() + "($V, $PATH)", sc.write(), t.isPrimitive(), b);
    }

    // ------------------------------------------------------------------ annotations and docs

    /** {@code @QapiIf}, {@code @QapiFeatures}, {@code @Deprecated}, {@code @Unstable} as needed. */
    List<AnnotationSpec> metadata(Condition condition, List<Feature> features) {
        return metadata(condition, features, true);
    }

    /**
     * The same; without {@code @Deprecated} for record components and parameters, where javac
     * says it has no effect (a deprecated component gets a deprecated explicit accessor instead).
     */
    List<AnnotationSpec> metadata(Condition condition, List<Feature> features, boolean deprecatedAnnotation) {
        List<AnnotationSpec> out = new ArrayList<>();
        List<Feature> fs = features(features);
        if (deprecatedAnnotation && fs.stream().anyMatch(Feature::isDeprecated)) {
            out.add(AnnotationSpec.builder(Deprecated.class).build());
        }
        if (fs.stream().anyMatch(Feature::isUnstable)) {
            out.add(AnnotationSpec.builder(META_UNSTABLE).build());
        }
        if (!fs.isEmpty()) {
            AnnotationSpec.Builder b = AnnotationSpec.builder(META_FEATURES);
            if (fs.size() == 1) {
                b.addMember("value", "$S", fs.get(0).name());
            } else {
                CodeBlock.Builder arr = CodeBlock.builder().add("{");
                for (int i = 0; i < fs.size(); i++) {
                    arr.add(i == 0 ? "$S" : ", $S", fs.get(i).name());
                }
                b.addMember("value", arr.add("}").build());
            }
            out.add(b.build());
        }
        if (condition != null && defined == null) {
            out.add(AnnotationSpec.builder(META_IF).addMember("value", "$S", JavaNames.conditionText(condition))
                    .build());
        }
        return out;
    }

    static boolean isObjectType(TypeDef t) {
        return t instanceof StructDef || t instanceof UnionDef;
    }

    static boolean isEnum(TypeDef t) {
        return t instanceof EnumDef;
    }

    static boolean isAlternate(TypeDef t) {
        return t instanceof AlternateDef;
    }

    static boolean isCommand(Definition d) {
        return d instanceof CommandDef;
    }

    /**
     * The special features among {@code features} ({@code deprecated}, {@code unstable}) as the
     * runtime's bit set, e.g. {@code CompatPolicy.DEPRECATED}; null if there are none. What the
     * server's compatibility policy checks (input) or hides (output).
     */
    static CodeBlock special(List<Feature> features) {
        boolean deprecated = features.stream().anyMatch(Feature::isDeprecated);
        boolean unstable = features.stream().anyMatch(Feature::isUnstable);
        if (deprecated && unstable) {
            return CodeBlock.of("$T.DEPRECATED | $T.UNSTABLE", COMPAT_POLICY, COMPAT_POLICY);
        }
        if (deprecated || unstable) {
            return CodeBlock.of("$T.$L", COMPAT_POLICY, deprecated ? "DEPRECATED" : "UNSTABLE");
        }
        return null;
    }
}
