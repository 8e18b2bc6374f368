/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static io.github.qapi4j.generator.emit.EmitContext.*;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.qapi4j.generator.model.Documentation;
import io.github.qapi4j.generator.model.EventDef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * events → a record per event ({@code JobStatusChangeEvent}), a listener interface per module with
 * a method per event, and a dispatcher (event name → forward-compatible read → listener method).
 */
final class EventEmitter {
    static final ClassName EVENT_TYPE = ClassName.get(RT + ".qmp", "QmpEventType");
    static final ClassName QMP_EVENT = ClassName.get(RT + ".qmp", "QmpEvent");
    static final ClassName SUBSCRIPTION = ClassName.get(RT + ".qmp", "QmpClient", "Subscription");

    private final EmitContext ctx;
    private final StructEmitter structs;

    EventEmitter(EmitContext ctx, StructEmitter structs) {
        this.ctx = ctx;
        this.structs = structs;
    }

    /** The type the listener method takes. */
    TypeName dataType(EventDef e) {
        return ctx.hasEventRecord(e) ? ctx.eventClass(e) : ctx.type(e.argTypeName()).type();
    }

    TypeSpec record(EventDef e) {
        Documentation doc = ctx.schema.docFor(e.name()).orElse(null);
        List<Field> fields = structs.fields(ctx.schema.arguments(e), doc, "event " + e.name(), e.info());
        TypeSpec.Builder t = new RecordCodegen(ctx).record(ctx.eventClass(e), fields, null,
                structs.typeDoc(doc, e.features()));
        t.addAnnotation(AnnotationSpec.builder(META_EVENT).addMember("name", "$S", e.name()).build());
        t.addAnnotations(ctx.metadata(e.condition(), e.features()));
        ClassName self = ctx.eventClass(e);
        CodeBlock empty = fields.isEmpty() ? CodeBlock.of("$T::new", self) : CodeBlock.of("null");
        CodeBlock special = EmitContext.special(e.features());
        t.addField(FieldSpec.builder(ParameterizedTypeName.get(EVENT_TYPE, self), "TYPE", Modifier.PUBLIC,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The event's name and data codec, for the client's typed listeners and awaits.\n")
                .initializer(special == null ? CodeBlock.of("new $T<>($S, CODEC, $L)", EVENT_TYPE, e.name(), empty)
                        : CodeBlock.of("new $T<>($S, CODEC, $L, $L)", EVENT_TYPE, e.name(), empty, special))
                .build());
        return t.build();
    }

    private MethodSpec.Builder method(EventDef e) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(JavaNames.eventMethodName(e.name()))
                .addModifiers(Modifier.PUBLIC).addParameter(dataType(e), "event");
        m.addAnnotation(AnnotationSpec.builder(META_EVENT).addMember("name", "$S", e.name()).build());
        m.addAnnotations(ctx.metadata(e.condition(), e.features()));
        return m;
    }

    TypeSpec listener(ClassName name, List<EventDef> events, List<ClassName> extend, boolean defaults,
            String what) {
        TypeSpec.Builder t = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L\n", what);
        t.addSuperinterfaces(extend);
        Scope scope = new Scope(ctx, "interface " + name.simpleName());
        for (EventDef e : events) {
            scope.claim(JavaNames.eventMethodName(e.name()), e.name(), e.info());
            Documentation doc = ctx.schema.docFor(e.name()).orElse(null);
            String d = structs.typeDoc(doc, e.features());
            MethodSpec.Builder m = method(e).addJavadoc("$L", (d.isEmpty() ? "Event {@code " + e.name() + "}.\n" : d)
                    + "\n@param event the event's data\n");
            m.addModifiers(defaults ? Modifier.DEFAULT : Modifier.ABSTRACT);
            t.addMethod(m.build());
        }
        if (!defaults) {
            addBindings(t, name, events, events);
        }
        return t.build();
    }

    private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^A-Za-z0-9_]");

    /** The Java constant of an event's {@code QmpEventType}: the event name made an identifier. */
    static String constantName(String eventName) {
        String c = NOT_IDENTIFIER.matcher(eventName).replaceAll("_").toUpperCase(java.util.Locale.ROOT);
        return Character.isJavaIdentifierStart(c.charAt(0)) ? c : "_" + c;
    }

    private CodeBlock typeInit(EventDef e) {
        if (ctx.hasEventRecord(e)) {
            return CodeBlock.of("$T.TYPE", ctx.eventClass(e));
        }
        CodeBlock special = EmitContext.special(e.features());
        if (special != null) {
            return CodeBlock.of("new $T<>($S, $L, null, $L)", EVENT_TYPE, e.name(), ctx.type(e.argTypeName()).codec(),
                    special);
        }
        return CodeBlock.of("$T.of($S, $L)", EVENT_TYPE, e.name(), ctx.type(e.argTypeName()).codec());
    }

    /**
     * A {@code QmpEventType} constant per event in {@code own}, and {@code subscribe(QmpClient, listener)}
     * delivering every event in {@code all} to the listener.
     */
    void addBindings(TypeSpec.Builder t, ClassName name, List<EventDef> own, List<EventDef> all) {
        for (EventDef e : own) {
            FieldSpec.Builder f = FieldSpec.builder(ParameterizedTypeName.get(EVENT_TYPE, dataType(e)),
                            constantName(e.name()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Event {@code $L}: name and data codec, for typed listeners and awaits.\n", e.name())
                    .initializer(typeInit(e));
            if (ctx.deprecated(e.features())) {
                f.addAnnotation(Deprecated.class);
            }
            t.addField(f.build());
        }
        CodeBlock.Builder sw = CodeBlock.builder().beginControlFlow("switch (e.name())");
        for (EventDef e : all) {
            sw.addStatement("case $S -> listener.$N($L.decode(e))", e.name(), JavaNames.eventMethodName(e.name()),
                    constantName(e.name()));
        }
        sw.add("default -> {\n$>// an event this schema does not know\n$<}\n").endControlFlow();
        t.addMethod(MethodSpec.methodBuilder("subscribe").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Delivers the events a client receives to {@code listener}, decoded by name with the\n"
                        + "generated codecs (forward-compatible); events of other schemas are ignored. The listener\n"
                        + "runs on the client's delivery thread and must not block on the client.\n\n"
                        + "@param qmp the client\n@param listener the listener\n@return closing it unsubscribes\n")
                .returns(SUBSCRIPTION).addParameter(CommandBindings.QMP_CLIENT, "qmp").addParameter(name, "listener")
                .addCode("return qmp.subscribe(e -> {\n$>").addCode(sw.build()).addCode("$<});\n").build());
    }

    /** An aggregate listener whose methods all default to doing nothing. */
    TypeSpec aggregate(ClassName name, List<EventDef> events, List<ClassName> extend) {
        TypeSpec.Builder t = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC)
                .addJavadoc("Every event of the schema; each method does nothing unless overridden.\n");
        t.addSuperinterfaces(extend);
        for (EventDef e : events) {
            t.addMethod(method(e).addAnnotation(Override.class).addModifiers(Modifier.DEFAULT).build());
        }
        List<EventDef> all = ctx.schema.definitions(EventDef.class).stream().filter(ctx::included).toList();
        List<EventDef> own = new ArrayList<>(all);
        own.removeAll(events);
        addBindings(t, name, own, all);
        return t.build();
    }

    TypeSpec dispatcher(ClassName name, ClassName listener, List<EventDef> events) {
        TypeSpec.Builder t = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Delivers received events to a {@link $T}: the event's {@code data} is read with the\n"
                        + "forward-compatible reader and passed to the listener method.\n", listener);
        t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        CodeBlock.Builder sw = CodeBlock.builder().beginControlFlow("switch (event)");
        for (EventDef e : events) {
            TypeName dt = dataType(e);
            sw.beginControlFlow("case $S ->", e.name());
            if (ctx.hasEventRecord(e) && ctx.schema.arguments(e).isEmpty()) {
                sw.addStatement("listener.$N(data == null ? new $T() : $T.CODEC.read(data))",
                        JavaNames.eventMethodName(e.name()), dt, dt);
            } else {
                sw.beginControlFlow("if (data == null)")
                        .addStatement("throw new $T($S)", ClassName.get("java.io", "EOFException"),
                                "event " + e.name() + " has no data")
                        .endControlFlow();
                sw.addStatement("listener.$N($L.read(data))", JavaNames.eventMethodName(e.name()),
                        ctx.hasEventRecord(e) ? CodeBlock.of("$T.CODEC", dt) : ctx.type(e.argTypeName()).codec());
            }
            sw.addStatement("return true").endControlFlow();
        }
        sw.add("default -> {\n$>return false;\n$<}\n").endControlFlow();
        t.addMethod(MethodSpec.methodBuilder("dispatch").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Delivers one event.\n\n@param listener the listener\n@param event the event name\n"
                        + "@param data a parser on the {@code data} object's first token, or null when the\n"
                        + "    event has no {@code data}\n@return false for an event this schema does not know\n"
                        + "@throws IOException if the data cannot be read\n")
                .returns(TypeName.BOOLEAN).addParameter(listener, "listener").addParameter(String.class, "event")
                .addParameter(JSON_PARSER, "data").addException(IO_EXCEPTION).addCode(sw.build()).build());
        return t.build();
    }
}
