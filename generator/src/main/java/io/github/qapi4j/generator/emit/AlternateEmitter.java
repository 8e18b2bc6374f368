/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static io.github.qapi4j.generator.emit.EmitContext.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.qapi4j.generator.model.AlternateDef;
import io.github.qapi4j.generator.model.Branch;
import io.github.qapi4j.generator.model.Documentation;
import io.github.qapi4j.generator.model.TypeDef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** alternate → sealed interface with one nested {@code record X(T value)} per branch, chosen by JSON kind. */
final class AlternateEmitter {
    private final EmitContext ctx;
    private final StructEmitter structs;

    AlternateEmitter(EmitContext ctx, StructEmitter structs) {
        this.ctx = ctx;
        this.structs = structs;
    }

    /** JSON kinds a branch type accepts. */
    private static String kind(TypeDef t) {
        return switch (t.jsonType()) {
            case "object" -> "object";
            case "string" -> "string";
            case "int" -> "int";
            case "number" -> "number";
            case "boolean" -> "boolean";
            case "null" -> "null";
            case "array" -> "array";
            default -> "any";
        };
    }

    TypeSpec emit(AlternateDef a) {
        ClassName self = ctx.className(a);
        Documentation doc = ctx.schema.docFor(a.name()).orElse(null);
        TypeSpec.Builder t = TypeSpec.interfaceBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
        String typeDoc = structs.typeDoc(doc, a.features());
        t.addJavadoc("$L", typeDoc + (typeDoc.isEmpty() ? "" : "\n")
                + "<p>A QAPI alternate: one nested record per branch, chosen by the JSON value's kind.\n");
        structs.decorate(t, a.name(), "alternate", a.condition(), a.features());
        Scope scope = new Scope(ctx, "alternate " + a.name(), self.simpleName(), "Codec");
        List<ClassName> permitted = new ArrayList<>();
        CodeBlock.Builder write = CodeBlock.builder();
        String[] kinds = {"object", "string", "int", "number", "boolean", "null", "array"};
        ClassName[] byKind = new ClassName[kinds.length];
        EmitContext.JType[] typeByKind = new EmitContext.JType[kinds.length];
        for (Branch b : a.branches()) {
            if (!ctx.included(b.condition())) {
                continue;
            }
            String simple = scope.claim(JavaNames.branchTypeName(b.name()), b.name(), b.info() != null ? b.info()
                    : a.info());
            ClassName rec = self.nestedClass(simple);
            permitted.add(rec);
            EmitContext.JType jt = ctx.type(b.typeName());
            String d = Docs.member(doc, b.name());
            TypeSpec.Builder r = TypeSpec.recordBuilder(rec).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addSuperinterface(self)
                    .addJavadoc("$L", "The {@code " + Docs.escape(b.name()) + "} branch.\n\n@param value "
                            + (d != null ? d : "the value") + "\n")
                    .recordConstructor(MethodSpec.constructorBuilder().addParameter(jt.type(), "value").build());
            if (!jt.primitive()) {
                r.addMethod(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addStatement("$T.requireNonNull(value, $S)", OBJECTS, "value").build());
            }
            r.addAnnotations(ctx.metadata(b.condition(), List.of()));
            t.addType(r.build());
            String k = kind(ctx.schema.type(b.typeName()));
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i].equals(k)) {
                    byKind[i] = rec;
                    typeByKind[i] = jt;
                }
            }
            write.beginControlFlow("if (v instanceof $T b)", rec)
                    .addStatement(Tmpl.write(jt, CodeBlock.of("b.value()"))).addStatement("return")
                    .endControlFlow();
        }
        // An integer goes to the int branch, else to the number branch.
        if (byKind[2] == null && byKind[3] != null) {
            byKind[2] = byKind[3];
            typeByKind[2] = typeByKind[3];
        }
        // QEMU picks a branch by QType, and QNUM is any number: without a number branch, a
        // fractional number goes to the int branch, whose visitor rejects it with its own text
        // ("Invalid parameter type for 'whence', expected: integer", "... expects uint64").
        boolean fractionToInt = byKind[2] != null && byKind[3] == null;
        write.addStatement("throw new $T()", IllegalStateException.class);
        t.addPermittedSubclasses(permitted);
        t.addField(FieldSpec.builder(ParameterizedTypeName.get(JSON_CODEC, self), "CODEC", Modifier.PUBLIC,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reads, decodes and writes this alternate.\n").initializer("new Codec()").build());

        String[] tokens = {"START_OBJECT", "VALUE_STRING", "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT", "VALUE_TRUE",
            "VALUE_NULL", "START_ARRAY"};
        String[] values = {"JsonObject", "JsonValue.Str", "JsonValue.Int", "JsonValue.Dbl", "JsonValue.Bool",
            "JsonValue.Null", "JsonArray"};
        CodeBlock.Builder read = CodeBlock.builder().beginControlFlow("switch (p.currentToken())");
        CodeBlock.Builder decode = CodeBlock.builder();
        for (int i = 0; i < kinds.length; i++) {
            if (byKind[i] == null) {
                continue;
            }
            CodeBlock r = Tmpl.read(typeByKind[i]);
            if (i == 4) {
                read.add("case VALUE_TRUE, VALUE_FALSE -> {\n$>return new $T($L);\n$<}\n", byKind[i], r);
            } else {
                read.add("case $L -> {\n$>return new $T($L);\n$<}\n", tokens[i], byKind[i], r);
            }
            CodeBlock dec = Tmpl.decode(typeByKind[i], CodeBlock.of("v"), CodeBlock.of("path"));
            if (i == 2 && fractionToInt) {
                decode.beginControlFlow("if (v instanceof $T.Int || v instanceof $T.UInt || v instanceof $T.Dbl)",
                        JSON_VALUE, JSON_VALUE, JSON_VALUE);
            } else if (i == 2) {
                decode.beginControlFlow("if (v instanceof $T.Int || v instanceof $T.UInt)", JSON_VALUE, JSON_VALUE);
            } else if (i == 1 || i == 3 || i == 4 || i == 5) {
                decode.beginControlFlow("if (v instanceof $T.$L)", JSON_VALUE, values[i].substring(10));
            } else {
                decode.beginControlFlow("if (v instanceof $T)", i == 0 ? JSON_OBJECT : JSON_ARRAY);
            }
            decode.addStatement("return new $T($L)", byKind[i], dec).endControlFlow();
        }
        read.add("default -> {\n$>throw new $T($S, p);\n$<}\n", DECODE_EXCEPTION, "unexpected JSON kind for "
                + a.name());
        read.endControlFlow();
        decode.addStatement("throw new $T($S + path.bareName() + $S)",
                ClassName.get(RT + ".json", "JsonInputException"), "Invalid parameter type for '",
                "', expected: " + a.name());

        TypeSpec.Builder c = TypeSpec.classBuilder("Codec").addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The codec of {@link $T}; use {@link #CODEC}.\n", self)
                .addSuperinterface(ParameterizedTypeName.get(JSON_CODEC, self));
        c.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        c.addMethod(MethodSpec.methodBuilder("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(self).addParameter(JSON_PARSER, "p").addException(IO_EXCEPTION).addCode(read.build())
                .build());
        c.addMethod(MethodSpec.methodBuilder("decode").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(self).addParameter(JSON_VALUE, "v")
                .addParameter(PATH, "path").addCode(decode.build()).build());
        c.addMethod(MethodSpec.methodBuilder("write").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(JSON_GENERATOR, "g").addParameter(self, "v")
                .addException(IO_EXCEPTION).addCode(write.build()).build());
        t.addType(c.build());
        return t.build();
    }
}
