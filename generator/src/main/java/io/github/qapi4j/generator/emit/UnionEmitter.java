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
import io.github.qapi4j.generator.model.Branch;
import io.github.qapi4j.generator.model.Documentation;
import io.github.qapi4j.generator.model.EnumDef;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.UnionDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * union → sealed interface with one nested record per branch (base members flattened first, the
 * discriminator implied by the record and returned by the interface's accessor) and an
 * {@code Unknown} record keeping the raw JSON of a branch this version does not know.
 */
final class UnionEmitter {
    private final EmitContext ctx;
    private final StructEmitter structs;

    UnionEmitter(EmitContext ctx, StructEmitter structs) {
        this.ctx = ctx;
        this.structs = structs;
    }

    TypeSpec emit(UnionDef u) {
        ClassName self = ctx.className(u);
        Documentation doc = ctx.schema.docFor(u.name()).orElse(null);
        Member disc = ctx.schema.discriminatorMember(u);
        EnumDef discEnum = (EnumDef) ctx.schema.type(disc.typeName());
        ClassName discType = ctx.className(discEnum);
        String discName = JavaNames.memberName(disc.name());
        List<Member> base = ctx.members(ctx.schema.allMembers(u));
        int discPos = base.indexOf(disc);
        List<Member> baseRest = new ArrayList<>(base);
        baseRest.remove(disc);

        TypeSpec.Builder t = TypeSpec.interfaceBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
        String typeDoc = structs.typeDoc(doc, u.features());
        t.addJavadoc("$L", typeDoc + (typeDoc.isEmpty() ? "" : "\n")
                + "<p>A QAPI union: one nested record per value of {@code " + Docs.escape(disc.name())
                + "}, plus {@link Unknown} for values this version does not know (client reads only).\n");
        structs.decorate(t, u.name(), "union", u.condition(), u.features());
        t.addMethod(MethodSpec.methodBuilder(discName).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addJavadoc("The discriminator {@code $L}.\n", disc.name()).returns(discType).build());

        Scope variants = new Scope(ctx, "union " + u.name(), self.simpleName(), "Codec");
        Set<String> names = new HashSet<>();
        List<Branch> branches = new ArrayList<>();
        for (Branch b : u.branches()) {
            if (!ctx.included(b.condition()) || discEnum.value(b.name()) == null
                    || !ctx.included(discEnum.value(b.name()).condition())) {
                continue;
            }
            names.add(variants.claim(JavaNames.branchTypeName(b.name()), b.name(), b.info() != null ? b.info()
                    : u.info()));
            branches.add(b);
        }
        String unknownName = names.contains("Unknown") ? "Unrecognized" : "Unknown";
        RecordCodegen rc = new RecordCodegen(ctx);
        List<ClassName> permitted = new ArrayList<>();
        CodeBlock.Builder readSwitch = CodeBlock.builder();
        CodeBlock.Builder fastSwitch = CodeBlock.builder();
        CodeBlock.Builder decodeSwitch = CodeBlock.builder();
        CodeBlock.Builder writeChain = CodeBlock.builder();
        for (Branch b : branches) {
            ClassName rec = self.nestedClass(JavaNames.branchTypeName(b.name()));
            permitted.add(rec);
            List<Member> members = new ArrayList<>(baseRest);
            Member flat = null;
            if (ctx.schema.type(b.typeName()) instanceof UnionDef) {
                // The branch's members are the inner union's, whole: keep it as one inlined component.
                flat = new Member(b.name(), b.typeName(), false, null, List.of(), u.name(), b.info());
            } else {
                members.addAll(ctx.schema.allMembers(ctx.schema.type(b.typeName())));
            }
            List<Field> fields = structs.fields(members, flat, doc, "branch " + b.name() + " of union " + u.name(),
                    u.info(), discName);
            String constant = enumConstant(discEnum, b.name());
            RecordCodegen.Fixed fixed = new RecordCodegen.Fixed(disc.name(), discPos,
                    CodeBlock.of("g.writeString($S)", b.name()));
            TypeSpec.Builder r = rc.record(rec, fields, fixed, "The {@code " + Docs.escape(b.name()) + "} branch.\n");
            r.addModifiers(Modifier.STATIC).addSuperinterface(self);
            r.addMethod(MethodSpec.methodBuilder(discName).addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC).returns(discType)
                    .addStatement("return $T.$L", discType, constant).build());
            r.addAnnotations(ctx.metadata(b.condition(), List.of()));
            t.addType(r.build());
            readSwitch.add("case $L -> $T.CODEC.read(sub);\n", constant, rec);
            fastSwitch.add("case $L -> {\n$>return $T.readMembers(p);\n$<}\n", constant, rec);
            decodeSwitch.add("case $L -> $T.decodeMembers(in);\n", constant, rec);
            writeChain.beginControlFlow("if (v instanceof $T b)", rec).addStatement("$T.writeMembers(g, b)", rec)
                    .addStatement("return").endControlFlow();
        }
        ClassName unknown = self.nestedClass(unknownName);
        permitted.add(unknown);
        t.addType(TypeSpec.recordBuilder(unknown).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(self)
                .addJavadoc("A branch this version of the schema does not know, read from a newer peer: the\n"
                        + "whole object as received. Writing it writes {@code raw} unchanged.\n\n"
                        + "@param raw the object as received\n")
                .recordConstructor(MethodSpec.constructorBuilder().addParameter(JSON_OBJECT, "raw").build())
                .addMethod(MethodSpec.methodBuilder(discName).addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(discType)
                        .addStatement("return $T.UNRECOGNIZED", discType).build())
                .build());
        t.addPermittedSubclasses(permitted);
        t.addField(FieldSpec.builder(ParameterizedTypeName.get(JSON_CODEC, self), "CODEC", Modifier.PUBLIC,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reads, decodes and writes this union.\n").initializer("new Codec()").build());

        // --- codec
        TypeSpec.Builder c = TypeSpec.classBuilder("Codec").addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The codec of {@link $T}; use {@link #CODEC}.\n", self)
                .addSuperinterface(ParameterizedTypeName.get(JSON_CODEC, self));
        c.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        c.addField(FieldSpec.builder(SERIALIZED_STRING, "DISCRIMINATOR", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer("$T.name($S)", READING, disc.name()).build());
        CodeBlock.Builder read = CodeBlock.builder();
        read.addStatement("$T.startObject(p)", READING);
        read.addStatement("$T o", JSON_OBJECT);
        // Fast path: the discriminator comes first (QEMU writes base members first, in order).
        read.beginControlFlow("if (p.nextFieldName(DISCRIMINATOR))");
        read.addStatement("p.nextToken()");
        read.beginControlFlow("if (p.currentToken() == $T.VALUE_STRING)", JSON_TOKEN);
        read.add("switch ($T.CODEC.read(p)) {\n$>", discType).add(fastSwitch.build())
                .add("default -> {\n}\n").add("$<}\n");
        read.endControlFlow();
        read.addStatement("o = $T.restOfObject(p, $T.builder().put(DISCRIMINATOR.getValue(), $T.read(p)))",
                READING, JSON_OBJECT, JSON_VALUE);
        read.nextControlFlow("else if (p.currentToken() == $T.FIELD_NAME)", JSON_TOKEN);
        read.addStatement("o = $T.restOfObject(p, $T.builder())", READING, JSON_OBJECT);
        read.nextControlFlow("else");
        read.addStatement("throw $T.missing(p, $S)", READING, disc.name());
        read.endControlFlow();
        read.addStatement("$T d = o.get($S)", JSON_VALUE, disc.name());
        read.beginControlFlow("if (!(d instanceof $T.Str s))", JSON_VALUE)
                .addStatement("throw $T.missing(p, $S)", READING, disc.name()).endControlFlow();
        read.addStatement("$T kind = $T.CODEC.lookup(s.value())", discType, discType);
        read.beginControlFlow("if (kind == null)").addStatement("return new $T(o)", unknown).endControlFlow();
        read.beginControlFlow("try ($T sub = $T.reparse(o))", JSON_PARSER, READING);
        read.add("return switch (kind) {\n$>").add(readSwitch.build())
                .add("default -> new $T(o);\n", unknown).add("$<};\n");
        read.endControlFlow();
        c.addMethod(MethodSpec.methodBuilder("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(self).addParameter(JSON_PARSER, "p").addException(IO_EXCEPTION).addCode(read.build())
                .build());

        CodeBlock.Builder decode = CodeBlock.builder();
        for (int i = 0; i < discPos; i++) {
            Member m = base.get(i);
            EmitContext.JType jt = ctx.type(m.typeName());
            CodeBlock path = CodeBlock.of("in.path().member($S)", m.name());
            CodeBlock special = EmitContext.special(m.features());
            CodeBlock policy = special == null ? null
                    : CodeBlock.of("in.path().checkPolicy($L, \"parameter\", $S)", special, m.name());
            if (m.optional()) {
                decode.addStatement("$T r_$L = in.optional($S)", JSON_VALUE, i, m.name());
                decode.beginControlFlow("if (r_$L != null)", i);
                if (policy != null) {
                    decode.addStatement(policy);
                }
                decode.addStatement(Tmpl.decode(jt, CodeBlock.of("r_$L", i), path)).endControlFlow();
            } else {
                if (policy != null) {
                    decode.addStatement(policy);
                }
                decode.addStatement(Tmpl.decode(jt, CodeBlock.of("in.required($S)", m.name()), path));
            }
        }
        decode.addStatement("$T kind = $T.CODEC.decode(in.required($S), in.path().member($S))", discType,
                discType, disc.name(), disc.name());
        decode.add("$T value = switch (kind) {\n$>", self).add(decodeSwitch.build())
                .add("default -> throw new $T(kind.toString());\n", IllegalStateException.class).add("$<};\n");
        decode.addStatement("return value");
        c.addMethod(MethodSpec.methodBuilder("decodeMembers").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Strictly decodes the union's members from {@code in} (leftovers not checked); also\n"
                        + "used by a union with a branch of this type.\n")
                .returns(self).addParameter(INPUT_OBJECT, "in").addCode(decode.build()).build());
        c.addMethod(MethodSpec.methodBuilder("decode").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(self).addParameter(JSON_VALUE, "v")
                .addParameter(PATH, "path")
                .addStatement("$T in = $T.of(v, path)", INPUT_OBJECT, INPUT_OBJECT)
                .addStatement("$T value = decodeMembers(in)", self)
                .addStatement("in.end()").addStatement("return value").build());

        writeChain.addStatement("$T.writeMembers(g, (($T) v).raw())", READING, unknown);
        c.addMethod(MethodSpec.methodBuilder("writeMembers").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Writes the union's members without braces; also used by a union with a branch of\n"
                        + "this type.\n")
                .addParameter(JSON_GENERATOR, "g").addParameter(self, "v")
                .addException(IO_EXCEPTION).addCode(writeChain.build()).build());
        c.addMethod(MethodSpec.methodBuilder("write").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(JSON_GENERATOR, "g").addParameter(self, "v")
                .addException(IO_EXCEPTION).addStatement("g.writeStartObject()")
                .addStatement("writeMembers(g, v)").addStatement("g.writeEndObject()").build());
        t.addType(c.build());
        return t.build();
    }

    static String enumConstant(EnumDef e, String value) {
        String n = JavaNames.constantName(value);
        return n.equals(EnumEmitter.UNRECOGNIZED) ? n + "_" : n;
    }
}
