/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static io.github.qapi4j.generator.emit.EmitContext.*;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.qapi4j.generator.introspect.Introspection;
import io.github.qapi4j.generator.model.CommandDef;
import io.github.qapi4j.generator.model.Feature;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.StructDef;
import io.github.qapi4j.generator.model.TypeDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The client and server bindings of a command interface, emitted into the interface itself:
 * {@code client(QmpClient)} (a synchronous typed client), {@code async(QmpClient)} (the nested
 * {@code Async} interface, futures), and {@code register(QmpRegistry, impl)} (one
 * {@code QmpCommand} per command, with its QAPI flags). Also the introspection data of the schema
 * for the aggregate dispatcher.
 */
final class CommandBindings {
    static final String QMP = RT + ".qmp";
    static final ClassName QMP_CLIENT = ClassName.get(QMP, "QmpClient");
    static final ClassName QMP_REGISTRY = ClassName.get(QMP, "QmpRegistry");
    static final ClassName QMP_COMMAND = ClassName.get(QMP, "QmpCommand");
    static final ClassName FLAG = QMP_COMMAND.nestedClass("Flag");
    static final ClassName QMP_SESSION = ClassName.get(QMP, "QmpSession");
    static final ClassName FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
    static final ClassName SET = ClassName.get("java.util", "Set");

    /** Introspection JSON is split into string constants of this many characters (class-file limit 65535). */
    private static final int CHUNK = 16_000;

    private final EmitContext ctx;
    private final CommandEmitter commands;

    CommandBindings(EmitContext ctx, CommandEmitter commands) {
        this.ctx = ctx;
        this.commands = commands;
    }

    /** Every generated command of the schema (what the aggregate covers). */
    List<CommandDef> all() {
        return ctx.schema.definitions(CommandDef.class).stream().filter(ctx::included).toList();
    }

    /**
     * Adds the bindings to a command interface.
     *
     * @param own the commands declared by the interface itself
     * @param all every command of the interface, inherited ones included
     * @param extend the interfaces it extends (each has its own bindings)
     */
    void addTo(TypeSpec.Builder t, ClassName iface, List<CommandDef> own, List<CommandDef> all, List<ClassName> extend) {
        ClassName async = iface.nestedClass("Async");
        ClassName client = iface.nestedClass("Client");
        ClassName asyncClient = iface.nestedClass("AsyncClient");
        t.addMethod(MethodSpec.methodBuilder("client").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("A typed client: each method executes its command over {@code qmp} and waits for the\n"
                        + "reply (at most the client's timeout). An error reply is thrown as {@code QmpError}\n"
                        + "(class and description as sent); a lost connection or timeout as\n"
                        + "{@code QmpConnectionException}. Commands that allow OOB are sent with {@code exec-oob}\n"
                        + "when OOB was negotiated.\n\n@param qmp a connected client\n@return the typed client\n")
                .returns(iface).addParameter(QMP_CLIENT, "qmp").addStatement("return new $T(qmp)", client).build());
        t.addMethod(MethodSpec.methodBuilder("async").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("A typed asynchronous client: each method sends its command and returns a future of the\n"
                        + "reply, failed with {@code QmpError} or {@code QmpConnectionException}.\n\n"
                        + "@param qmp a connected client\n@return the asynchronous typed client\n")
                .returns(async).addParameter(QMP_CLIENT, "qmp").addStatement("return new $T(qmp)", asyncClient)
                .build());
        t.addMethod(register(iface, own, extend));

        TypeSpec.Builder ai = TypeSpec.interfaceBuilder(async).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The commands of {@link $T}, each returning a future of its reply.\n", iface);
        for (ClassName e : extend) {
            ai.addSuperinterface(e.nestedClass("Async"));
        }
        for (CommandDef c : own) {
            ai.addMethods(asyncMethods(c));
        }
        t.addType(ai.build());

        t.addType(clientClass(client, iface, all, false));
        t.addType(clientClass(asyncClient, async, all, true));
    }

    private static List<AnnotationSpec> deprecation(EmitContext ctx, CommandDef c) {
        return ctx.deprecated(c.features()) ? List.of(AnnotationSpec.builder(Deprecated.class).build()) : List.of();
    }

    private TypeName futureOf(CommandDef c) {
        TypeName r = c.returnTypeName() == null ? ClassName.get(Void.class) : ctx.type(c.returnTypeName()).boxed();
        return ParameterizedTypeName.get(FUTURE, r);
    }

    /** The methods of {@code Async} for one command: the abstract one and the required-only overload. */
    private List<MethodSpec> asyncMethods(CommandDef c) {
        String name = JavaNames.memberName(c.name());
        TypeDef at = commands.argType(c);
        List<MethodSpec> out = new ArrayList<>();
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(futureOf(c)).addAnnotations(deprecation(ctx, c))
                .addJavadoc("Sends {@code $L}; see {@link #$L}.\n", c.name(), name);
        if (commands.flattened(c)) {
            for (Member mem : members(at)) {
                m.addParameter(ctx.type(mem.typeName()).type(), JavaNames.memberName(mem.name()));
            }
            out.add(m.build());
        } else {
            TypeName atn = ctx.type(at.name()).type();
            m.addParameter(atn, "arguments");
            out.add(m.build());
            if (!c.boxed() && at instanceof StructDef) {
                MethodSpec.Builder o = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                        .returns(futureOf(c)).addAnnotations(deprecation(ctx, c))
                        .addJavadoc("Sends {@code $L} with only the required arguments.\n", c.name());
                CodeBlock.Builder b = CodeBlock.builder().add("$T.builder()", atn);
                for (Member mem : members(at)) {
                    if (!mem.optional()) {
                        String p = JavaNames.memberName(mem.name());
                        o.addParameter(ctx.type(mem.typeName()).type(), p);
                        b.add(".$N($N)", p, p);
                    }
                }
                o.addStatement("return $N($L.build())", name, b.build());
                out.add(o.build());
            }
        }
        return out;
    }

    private List<Member> members(TypeDef at) {
        return at == null ? List.of() : ctx.members(ctx.schema.allMembers(at));
    }

    /** {@code codec, value} of the request's arguments. */
    private CodeBlock argsCodecAndValue(CommandDef c) {
        TypeDef at = commands.argType(c);
        if (at == null) {
            return CodeBlock.of("$T.EMPTY_OBJECT, null", CODECS);
        }
        EmitContext.JType jt = ctx.type(at.name());
        if (!commands.flattened(c)) {
            return CodeBlock.of("$L, arguments", jt.codec());
        }
        CodeBlock.Builder b = CodeBlock.builder().add("$T.builder()", jt.type());
        for (Member mem : members(at)) {
            b.add(".$N($N)", JavaNames.memberName(mem.name()), JavaNames.memberName(mem.name()));
        }
        return CodeBlock.of("$L, $L.build()", jt.codec(), b.build());
    }

    private CodeBlock returnCodec(CommandDef c) {
        return c.returnTypeName() == null ? CodeBlock.of("$T.EMPTY_OBJECT", CODECS) : ctx.type(c.returnTypeName()).codec();
    }

    private CodeBlock flags(CommandDef c) {
        CodeBlock l = flagList(c);
        return l.isEmpty() ? l : CodeBlock.of(", $L", l);
    }

    private CodeBlock flagList(CommandDef c) {
        List<CodeBlock> fs = new ArrayList<>();
        if (c.allowOob()) {
            fs.add(CodeBlock.of("$T.ALLOW_OOB", FLAG));
        }
        if (!c.successResponse()) {
            fs.add(CodeBlock.of("$T.NO_SUCCESS_RESPONSE", FLAG));
        }
        if (c.allowPreconfig()) {
            fs.add(CodeBlock.of("$T.ALLOW_PRECONFIG", FLAG));
        }
        return CodeBlock.join(fs, ", ");
    }

    /** The flags a server registers: the client's, plus the special features its policy checks. */
    private CodeBlock serverFlagList(CommandDef c) {
        List<CodeBlock> fs = new ArrayList<>();
        CodeBlock l = flagList(c);
        if (!l.isEmpty()) {
            fs.add(l);
        }
        if (c.features().stream().anyMatch(Feature::isDeprecated)) {
            fs.add(CodeBlock.of("$T.DEPRECATED", FLAG));
        }
        if (c.features().stream().anyMatch(Feature::isUnstable)) {
            fs.add(CodeBlock.of("$T.UNSTABLE", FLAG));
        }
        return CodeBlock.join(fs, ", ");
    }

    private TypeSpec clientClass(ClassName name, ClassName iface, List<CommandDef> all, boolean async) {
        TypeSpec.Builder t = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(iface)
                .addJavadoc(async ? "{@link $T} over a {@code QmpClient}.\n" : "{@link $T} over a {@code QmpClient}, synchronous.\n",
                        iface);
        t.addField(FieldSpec.builder(QMP_CLIENT, "qmp", Modifier.PRIVATE, Modifier.FINAL).build());
        t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("@param qmp a connected client\n").addParameter(QMP_CLIENT, "qmp")
                .addStatement("this.qmp = $T.requireNonNull(qmp, $S)", OBJECTS, "qmp").build());
        t.addMethod(MethodSpec.methodBuilder("qmp").addModifiers(Modifier.PUBLIC).returns(QMP_CLIENT)
                .addJavadoc("@return the underlying client\n").addStatement("return qmp").build());
        for (CommandDef c : all) {
            String mname = JavaNames.memberName(c.name());
            MethodSpec.Builder m = MethodSpec.methodBuilder(mname).addModifiers(Modifier.PUBLIC)
                    .addAnnotation(Override.class).addAnnotations(deprecation(ctx, c));
            TypeDef at = commands.argType(c);
            if (commands.flattened(c)) {
                for (Member mem : members(at)) {
                    m.addParameter(ctx.type(mem.typeName()).type(), JavaNames.memberName(mem.name()));
                }
            } else {
                m.addParameter(ctx.type(at.name()).type(), "arguments");
            }
            CodeBlock call = CodeBlock.of("qmp.$L($S, $L, $L$L)", async ? "call" : "callSync", c.name(),
                    argsCodecAndValue(c), returnCodec(c), flags(c));
            if (async) {
                m.returns(futureOf(c)).addStatement("return $L", call);
            } else if (c.returnTypeName() == null) {
                m.addStatement("$L", call);
            } else {
                m.returns(commands.returnType(c)).addStatement("return $L", call);
            }
            t.addMethod(m.build());
        }
        return t.build();
    }

    /** {@code register(QmpRegistry, impl)}: a QmpCommand per command, the extended interfaces' first. */
    private MethodSpec register(ClassName iface, List<CommandDef> own, List<ClassName> extend) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("register").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Registers {@code impl} on a server's registry: one {@code QmpCommand} per command, with its\n"
                        + "QAPI flags (allow-oob, success-response, allow-preconfig). Arguments are decoded\n"
                        + "strictly, with QEMU's error texts; {@code 'gen': false} commands also take arguments\n"
                        + "the schema does not declare. Names already registered (for example by\n"
                        + "{@code StandardCommands.register}, which should come first) and {@code qmp_capabilities}\n"
                        + "are skipped.\n\n@param registry the server's registry\n@param impl the implementation\n")
                .addParameter(QMP_REGISTRY, "registry").addParameter(iface, "impl");
        for (ClassName e : extend) {
            m.addStatement("$T.register(registry, impl)", e);
        }
        for (CommandDef c : own) {
            if (c.name().equals("qmp_capabilities")) {
                continue;
            }
            m.addCode(registerOne(c));
        }
        return m.build();
    }

    private CodeBlock registerOne(CommandDef c) {
        TypeDef at = commands.argType(c);
        String call = JavaNames.memberName(c.name());
        CodeBlock.Builder h = CodeBlock.builder();
        CodeBlock.Builder args = CodeBlock.builder();
        if (at == null) {
            h.addStatement("$T.EMPTY_OBJECT.decode(args, $T.ROOT)", CODECS, PATH);
        } else {
            TypeName atn = ctx.type(at.name()).type();
            CodeBlock input = commands.argumentsInput(c, at, CodeBlock.of("args"));
            h.addStatement("$T a = $L.decode($L, $T.argumentsPath(session))", atn, ctx.type(at.name()).codec(),
                    input, QMP_SESSION);
            if (commands.flattened(c)) {
                for (Member mem : members(at)) {
                    args.add(args.isEmpty() ? "a.$N()" : ", a.$N()", JavaNames.memberName(mem.name()));
                }
            } else {
                args.add("a");
            }
        }
        if (c.returnTypeName() == null) {
            h.addStatement("impl.$N($L)", call, args.build()).addStatement("return null");
        } else {
            EmitContext.JType rt = ctx.type(c.returnTypeName());
            h.addStatement("$T r = impl.$N($L)", rt.type(), call, args.build());
            h.add("return g -> {\n$>$L;\n$<};\n", Tmpl.write(rt, CodeBlock.of("r")));
        }
        return CodeBlock.builder()
                .add("registry.registerIfAbsent(new $T($S, (args, session) -> {\n$>", QMP_COMMAND, c.name())
                .add(h.build())
                .add("$<}, $T.of($L)));\n", SET, serverFlagList(c))
                .build();
    }

    /** The introspection constant and its accessor, for the aggregate dispatcher. */
    void addIntrospection(TypeSpec.Builder t) {
        Set<String> symbols = ctx.defined == null ? Set.of() : ctx.defined;
        String json = Introspection.json(ctx.schema, false, symbols, false);
        CodeBlock.Builder parts = CodeBlock.builder().add("$T.join($S", String.class, "");
        for (int i = 0; i < json.length(); i += CHUNK) {
            parts.add(",\n$S", json.substring(i, Math.min(json.length(), i + CHUNK)));
        }
        parts.add(")");
        TypeSpec holder = TypeSpec.classBuilder("Introspection").addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(String.class, "JSON", Modifier.STATIC, Modifier.FINAL)
                        .initializer("$L", parts.build()).build())
                .build();
        t.addType(holder);
        t.addMethod(MethodSpec.methodBuilder("introspection").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(String.class)
                .addJavadoc("The schema's introspection data: the JSON array {@code query-qmp-schema} returns, byte for\n"
                        + "byte what QEMU built from this schema would send ($L). Pass it with {@link #COMMANDS}\n"
                        + "to {@code StandardCommands.register}.\n\n@return the introspection JSON\n",
                        ctx.defined == null ? "no configuration symbol defined, as the output was generated\n"
                                + "without {@code --if}" : "configuration symbols " + String.join(", ", ctx.defined.stream().sorted().toList()))
                .addStatement("return Introspection.JSON").build());
    }
}
