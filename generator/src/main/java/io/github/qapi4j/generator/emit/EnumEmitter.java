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
import io.github.qapi4j.generator.model.EnumDef;
import io.github.qapi4j.generator.model.EnumValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * enum → Java enum implementing {@code QapiEnum}: one constant per value (UPPER_SNAKE, keeping its
 * wire name), plus {@code UNRECOGNIZED}, which forward-compatible reads return for values this
 * version does not know and which cannot be written.
 */
final class EnumEmitter {
    /** The synthetic constant; a schema value mapping to it is renamed with a trailing {@code _}. */
    static final String UNRECOGNIZED = "UNRECOGNIZED";

    private final EmitContext ctx;

    EnumEmitter(EmitContext ctx) {
        this.ctx = ctx;
    }

    TypeSpec emit(EnumDef e) {
        ClassName self = ctx.className(e);
        TypeSpec.Builder t = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC)
                .addSuperinterface(QAPI_ENUM);
        Scope scope = new Scope(ctx, "enum " + e.name(), UNRECOGNIZED);
        var doc = ctx.schema.docFor(e.name()).orElse(null);
        StructEmitter structs = new StructEmitter(ctx);
        String typeDoc = structs.typeDoc(doc, e.features());
        if (!typeDoc.isEmpty()) {
            t.addJavadoc("$L", typeDoc);
        }
        structs.decorate(t, e.name(), "enum", e.condition(), e.features());
        // constants by special features, for the codec's compatibility-policy checks
        Map<CodeBlock, List<String>> special = new LinkedHashMap<>();
        for (EnumValue v : e.values()) {
            if (!ctx.included(v.condition())) {
                continue;
            }
            String name = JavaNames.constantName(v.name());
            if (name.equals(UNRECOGNIZED)) {
                name = name + "_";
            }
            CodeBlock bits = EmitContext.special(v.features());
            if (bits != null) {
                special.computeIfAbsent(bits, k -> new ArrayList<>()).add(name);
            }
            scope.claim(name, v.name(), v.info() != null ? v.info() : e.info());
            TypeSpec.Builder c = TypeSpec.anonymousClassBuilder("$S", v.name());
            String d = Docs.member(doc, v.name());
            c.addJavadoc("$L", (d != null ? d : "{@code " + Docs.escape(v.name()) + "}") + "\n");
            if (ctx.deprecated(v.features())) {
                c.addJavadoc("\n@deprecated deprecated in the QAPI schema\n");
            }
            c.addAnnotations(ctx.metadata(v.condition(), v.features()));
            t.addEnumConstant(name, c.build());
        }
        t.addEnumConstant(UNRECOGNIZED, TypeSpec.anonymousClassBuilder("null")
                .addJavadoc("A value this version of the schema does not know, as read from a newer peer.\n"
                        + "Its {@link #wireName()} is {@code null}; it cannot be written.\n").build());
        t.addField(String.class, "wireName", Modifier.PRIVATE, Modifier.FINAL);
        t.addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "wireName")
                .addStatement("this.wireName = wireName").build());
        t.addField(FieldSpec.builder(ParameterizedTypeName.get(ENUM_CODEC, self), "CODEC", Modifier.PUBLIC,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reads ({@code UNRECOGNIZED} for unknown values), decodes and writes this enum.\n")
                .initializer(codecInitializer(self, special)).build());
        t.addMethod(MethodSpec.methodBuilder("wireName").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(String.class).addStatement("return wireName").build());
        t.addMethod(MethodSpec.methodBuilder("fromWireName").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The constant for a wire name.\n\n@throws IllegalArgumentException if there is none\n")
                .returns(self).addParameter(String.class, "wireName")
                .addStatement("$T e = CODEC.lookup(wireName)", self)
                .beginControlFlow("if (e == null)")
                .addStatement("throw new $T($S + wireName + $S)", IllegalArgumentException.class,
                        "no " + e.name() + " value '", "'")
                .endControlFlow().addStatement("return e").build());
        return t.build();
    }

    /** {@code EnumCodec.withFallback(...)}, with {@code .special(bits, constants...)} per special-feature set. */
    private static CodeBlock codecInitializer(ClassName self, Map<CodeBlock, List<String>> special) {
        CodeBlock.Builder b = CodeBlock.builder().add("$T.withFallback($T.class, $L)", ENUM_CODEC, self, UNRECOGNIZED);
        for (Map.Entry<CodeBlock, List<String>> en : special.entrySet()) {
            b.add("\n$>$>.special($L, $L)$<$<", en.getKey(), String.join(", ", en.getValue()));
        }
        return b.build();
    }
}
