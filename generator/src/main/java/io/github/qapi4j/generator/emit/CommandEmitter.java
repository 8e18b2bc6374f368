/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static io.github.qapi4j.generator.emit.EmitContext.*;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.qapi4j.generator.model.CommandDef;
import io.github.qapi4j.generator.model.Documentation;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.StructDef;
import io.github.qapi4j.generator.model.TypeDef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * commands → one interface per module with a typed method per command, and a dispatcher that
 * binds an implementation to command names (strict argument decoding, return encoding).
 */
final class CommandEmitter {
    private final EmitContext ctx;
    private final StructEmitter structs;

    CommandEmitter(EmitContext ctx, StructEmitter structs) {
        this.ctx = ctx;
        this.structs = structs;
    }

    /** The arguments type of a command, or null when it takes none. */
    TypeDef argType(CommandDef c) {
        return c.argTypeName() == null ? null : ctx.schema.type(c.argTypeName());
    }

    /** Whether the method takes the arguments one by one. */
    boolean flattened(CommandDef c) {
        TypeDef t = argType(c);
        if (t == null) {
            return true;
        }
        if (c.boxed() || !(t instanceof StructDef) || ctx.open(t)) {
            return false; // an open record's undeclared members have no parameter
        }
        return ctx.members(ctx.schema.allMembers(t)).stream().noneMatch(Member::optional);
    }

    /**
     * What a server decodes a command's arguments from: {@code raw} itself, or for a
     * {@code 'gen': false} command whose arguments type is a named struct (closed: see
     * {@link EmitContext#open}) only its declared members, since QEMU accepts any others.
     */
    CodeBlock argumentsInput(CommandDef c, TypeDef at, CodeBlock raw) {
        if (c.gen() || !(at instanceof StructDef) || ctx.open(at)) {
            return raw;
        }
        CodeBlock.Builder names = CodeBlock.builder();
        for (Member mem : ctx.members(ctx.schema.allMembers(at))) {
            names.add(", $S", mem.name());
        }
        return CodeBlock.of("$T.declared($L$L)", CommandBindings.QMP_COMMAND, raw, names.build());
    }

    TypeName returnType(CommandDef c) {
        return c.returnTypeName() == null ? TypeName.VOID : ctx.type(c.returnTypeName()).type();
    }

    /** The methods of one command (the abstract one, and an overload with only required arguments). */
    List<MethodSpec> methods(CommandDef c, Scope scope) {
        String name = scope.claim(JavaNames.memberName(c.name()), c.name(), c.info());
        Documentation doc = ctx.schema.docFor(c.name()).orElse(null);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(returnType(c));
        m.addAnnotation(AnnotationSpec.builder(META_COMMAND).addMember("name", "$S", c.name())
                .addMember("allowOob", "$L", c.allowOob()).addMember("successResponse", "$L", c.successResponse())
                .addMember("allowPreconfig", "$L", c.allowPreconfig()).addMember("coroutine", "$L", c.coroutine())
                .addMember("boxed", "$L", c.boxed()).build());
        m.addAnnotations(ctx.metadata(c.condition(), c.features()));
        StringBuilder jd = new StringBuilder(structs.typeDoc(doc, c.features()));
        TypeDef at = argType(c);
        List<Field> fields = at == null ? List.of()
                : structs.fields(ctx.schema.allMembers(at), doc, "command " + c.name(), c.info());
        List<MethodSpec> out = new ArrayList<>();
        if (flattened(c)) {
            for (Field f : fields) {
                m.addParameter(ParameterSpec.builder(f.type().type(), f.name())
                        .addAnnotation(AnnotationSpec.builder(META_MEMBER).addMember("value", "$S", f.wire()).build())
                        .build());
                jd.append("\n@param ").append(f.name()).append(' ').append(f.doc() != null ? f.doc() : f.wire());
            }
        } else {
            m.addParameter(ctx.type(at.name()).type(), "arguments");
            jd.append("\n@param arguments the arguments");
            if (!c.boxed() && at instanceof StructDef) {
                // Convenience overload with only the required arguments.
                MethodSpec.Builder o = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                        .returns(returnType(c));
                o.addAnnotations(ctx.metadata(c.condition(), c.features()));
                o.addJavadoc("Calls {@link #$L($T)} with only the required arguments.\n", name,
                        ctx.type(at.name()).type());
                CodeBlock.Builder b = CodeBlock.builder().add("$T.builder()", ctx.type(at.name()).type());
                for (Field f : fields) {
                    if (!f.optional()) {
                        o.addParameter(f.type().type(), f.name());
                        b.add(".$N($N)", f.name(), f.name());
                    }
                }
                o.addStatement((returnType(c) == TypeName.VOID ? "" : "return ") + "$N($L.build())", name, b.build());
                out.add(o.build());
            }
        }
        if (c.returnTypeName() != null && doc != null
                && doc.section(Documentation.SectionKind.RETURNS) == null) {
            jd.append("\n@return the command's return value");
        } else if (c.returnTypeName() != null) {
            jd.append("\n@return see above");
        }
        m.addJavadoc("$L", jd.toString().strip() + "\n");
        out.add(0, m.build());
        return out;
    }

    /** The interface of one module's commands. */
    TypeSpec moduleInterface(ClassName name, List<CommandDef> commands, List<ClassName> extend, String what) {
        TypeSpec.Builder t = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L", what + "\n\n<p>Implement it to serve the commands (bind the implementation with\n"
                        + "{@code register(QmpRegistry, impl)}); failures are thrown as {@code QmpError}. Use it as a\n"
                        + "client with {@code client(qmp)} (synchronous) or {@code async(qmp)} (futures).\n");
        t.addSuperinterfaces(extend);
        Scope scope = new Scope(ctx, "interface " + name.simpleName());
        for (CommandDef c : commands) {
            t.addMethods(methods(c, scope));
        }
        CommandBindings b = new CommandBindings(ctx, this);
        b.addTo(t, name, commands, extend.isEmpty() ? commands : b.all(), extend);
        return t.build();
    }

    /** The dispatcher: command name → decode arguments → call → encode the return value. */
    TypeSpec dispatcher(ClassName name, ClassName aggregate, List<CommandDef> commands) {
        TypeSpec.Builder t = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Binds a {@link $T} implementation to QMP command names, for a server: arguments\n"
                        + "are decoded strictly (a {@code JsonInputException} with QEMU's text on bad input), the\n"
                        + "implementation is called, and its return value is written.\n", aggregate);
        t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        CodeBlock.Builder names = CodeBlock.builder();
        CodeBlock.Builder sw = CodeBlock.builder().beginControlFlow("switch (command)");
        for (CommandDef c : commands) {
            names.add(names.isEmpty() ? "$S" : ", $S", c.name());
            sw.beginControlFlow("case $S ->", c.name());
            TypeDef at = argType(c);
            String call = JavaNames.memberName(c.name());
            CodeBlock.Builder args = CodeBlock.builder();
            if (at == null) {
                sw.addStatement("$T.EMPTY_OBJECT.decode(arguments, $T.ROOT)", CODECS, PATH);
            } else {
                TypeName atn = ctx.type(at.name()).type();
                sw.addStatement("$T a = $T.CODEC.decode($L, $T.ROOT)", atn, atn,
                        argumentsInput(c, at, CodeBlock.of("arguments")), PATH);
                if (flattened(c)) {
                    for (Member m : ctx.members(ctx.schema.allMembers(at))) {
                        args.add(args.isEmpty() ? "a.$N()" : ", a.$N()", JavaNames.memberName(m.name()));
                    }
                } else {
                    args.add("a");
                }
            }
            if (c.returnTypeName() == null) {
                sw.addStatement("impl.$N($L)", call, args.build());
                if (c.successResponse()) {
                    sw.addStatement("out.writeStartObject()").addStatement("out.writeEndObject()");
                }
            } else {
                EmitContext.JType rt = ctx.type(c.returnTypeName());
                sw.addStatement("$T r = impl.$N($L)", rt.type(), call, args.build());
                CodeBlock w = Tmpl.write(rt, CodeBlock.of("r"));
                sw.addStatement("$T g = out", JSON_GENERATOR).addStatement(w);
            }
            sw.addStatement("return true").endControlFlow();
        }
        sw.add("default -> {\n$>return false;\n$<}\n").endControlFlow();
        t.addField(com.palantir.javapoet.FieldSpec.builder(
                        com.palantir.javapoet.ParameterizedTypeName.get(LIST, ClassName.get(String.class)),
                        "COMMANDS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The names of all commands, in schema order.\n")
                .initializer("$T.of($L)", LIST, names.build()).build());
        t.addMethod(MethodSpec.methodBuilder("dispatch").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Runs a command.\n\n@param impl the implementation\n@param command the command name\n"
                        + "@param arguments the {@code arguments} object ({@code JsonObject.empty()} when absent)\n"
                        + "@param out where the {@code return} value is written (nothing for commands with\n"
                        + "    {@code 'success-response': false})\n"
                        + "@return false if there is no such command (nothing was done)\n"
                        + "@throws IOException if writing fails\n")
                .returns(TypeName.BOOLEAN).addParameter(aggregate, "impl").addParameter(String.class, "command")
                .addParameter(JSON_VALUE, "arguments").addParameter(JSON_GENERATOR, "out")
                .addException(IO_EXCEPTION).addCode(sw.build()).build());
        new CommandBindings(ctx, this).addIntrospection(t);
        return t.build();
    }
}
