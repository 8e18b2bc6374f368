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
    static final ClassName JSON_ARRAY = ClassName.get(RT + ".json", "JsonArray");
    static final ClassName PATH = ClassName.get(RT + ".json", "Path");
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

    EmitContext(Schema schema, String pkg, Set<String> defined) {
        this.schema = schema;
        this.pkg = pkg;
        this.defined = defined;
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
            return new JType(lt, lt, codec, null, null, null, false, def);
        }
        ClassName cn = className(def);
        return new JType(cn, cn, CodeBlock.of("$T.CODEC", cn), null, null, null, false, def);
    }

    private JType builtin(BuiltinDef b) {
        String codecField;
        TypeName t;
        String read;
        String decode;
        String write = "$G.writeNumber($V)";
        switch (b.name()) {
            case "str" -> {
                codecField = "STR";
                t = ClassName.get(String.class);
                read = "readStr";
                decode = "decodeStr";
                write = "$G.writeString($V)";
            }
            case "int", "int64" -> {
                codecField = "INT64";
                t = TypeName.LONG;
                read = "readInt64";
                decode = "decodeInt64";
            }
            case "int8" -> {
                codecField = "INT8";
                t = TypeName.BYTE;
                read = "(byte) $C.readInt32";
                decode = "decodeInt8";
            }
            case "int16" -> {
                codecField = "INT16";
                t = TypeName.SHORT;
                read = "(short) $C.readInt32";
                decode = "decodeInt16";
            }
            case "int32" -> {
                codecField = "INT32";
                t = TypeName.INT;
                read = "readInt32";
                decode = "decodeInt32";
            }
            case "uint8" -> {
                codecField = "UINT8";
                t = TypeName.INT;
                read = "readInt32";
                decode = "decodeUint8";
            }
            case "uint16" -> {
                codecField = "UINT16";
                t = TypeName.INT;
                read = "readInt32";
                decode = "decodeUint16";
            }
            case "uint32" -> {
                codecField = "UINT32";
                t = TypeName.LONG;
                read = "readInt64";
                decode = "decodeUint32";
            }
            case "uint64", "size" -> {
                codecField = b.name().equals("size") ? "SIZE" : "UINT64";
                t = TypeName.LONG;
                read = "readUint64";
                decode = "decodeUint64";
                write = "$C.writeUint64($G, $V)";
            }
            case "number" -> {
                codecField = "NUMBER";
                t = TypeName.DOUBLE;
                read = "readNumber";
                decode = "decodeNumber";
            }
            case "bool" -> {
                codecField = "BOOL";
                t = TypeName.BOOLEAN;
                read = "readBool";
                decode = "decodeBool";
                write = "$G.writeBoolean($V)";
            }
            case "null" -> {
                ClassName n = JSON_VALUE.nestedClass("Null");
                return new JType(n, n, CodeBlock.of("$T.NULL", CODECS), null, null, null, false, b);
            }
            case "any" -> {
                return new JType(JSON_VALUE, JSON_VALUE, CodeBlock.of("$T.ANY", CODECS), null, null, null,
                        false, b);
            }
            default -> throw new IllegalStateException("unknown built-in " + b.name());
        }
        if (!read.contains("$C")) {
            read = "$C." + read;
        }
        return new JType(t, t.isPrimitive() ? t.box() : t, CodeBlock.of("$T.$L", CODECS, codecField),
                read + "($P)", "$C." + decode + "($V, $PATH)", write, t.isPrimitive(), b);
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
}
