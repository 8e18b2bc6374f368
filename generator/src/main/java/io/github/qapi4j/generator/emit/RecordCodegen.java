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
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Turns a settled list of {@link Field}s into an immutable record with a builder and a codec.
 * Used for structs, union branches, command arguments and events.
 */
final class RecordCodegen {

    /**
     * A member whose value is fixed by the record's type (a union branch's discriminator).
     *
     * @param wire the wire name
     * @param position its index among the wire members (the components plus this one)
     * @param write writes the value
     */
    record Fixed(String wire, int position, CodeBlock write) {}

    private final EmitContext ctx;

    RecordCodegen(EmitContext ctx) {
        this.ctx = ctx;
    }

    /** A record with components, null checks, builder and codec. */
    TypeSpec.Builder record(ClassName self, List<Field> fields, Fixed fixed, String typeDoc) {
        return record(self, fields, fixed, typeDoc, null);
    }

    /**
     * The same; with {@code additional} (a Java name, reserved in the fields' scope) the record is
     * open: a last component of that name, a {@code JsonObject}, holds the members the schema does
     * not declare (a {@code 'gen': false} command's arguments), which the codec reads, decodes and
     * writes after the declared ones instead of skipping or rejecting them.
     */
    TypeSpec.Builder record(ClassName self, List<Field> fields, Fixed fixed, String typeDoc, String additional) {
        TypeSpec.Builder t = TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder rc = MethodSpec.constructorBuilder();
        Src checks = new Src();
        StringBuilder params = new StringBuilder();
        for (Field f : fields) {
            ParameterSpec.Builder p = ParameterSpec.builder(f.componentType(), f.name());
            p.addAnnotation(AnnotationSpec.builder(META_MEMBER).addMember("value", "$S", f.wire()).build());
            p.addAnnotations(ctx.metadata(f.member().condition(), f.member().features(), false));
            rc.addParameter(p.build());
            if (ctx.deprecated(f.member().features())) {
                t.addMethod(MethodSpec.methodBuilder(f.name()).addModifiers(Modifier.PUBLIC)
                        .addAnnotation(Deprecated.class).returns(f.componentType())
                        .addJavadoc("$L", "The {@code " + f.wire() + "} member.\n\n@return the value\n"
                                + "@deprecated the member is deprecated in the QAPI schema\n")
                        .addStatement("return $N", f.name()).build());
            }
            if (f.checkNull()) {
                checks.t(OBJECTS).a(".requireNonNull(" + f.name() + ", ").s(f.wire()).a(")").end();
            }
            params.append("\n@param ").append(f.name()).append(' ')
                    .append(f.doc() != null ? f.doc() : "{@code " + f.wire() + "}")
                    .append(f.schemaOptional() ? " (optional)"
                            : f.optional() ? " (conditional: absent when the peer was built without it)" : "");
        }
        if (additional != null) {
            rc.addParameter(JSON_OBJECT, additional);
            checks.a(additional + " = Codec.MEMBERS.checkUndeclared(").t(OBJECTS).a(".requireNonNull(" + additional
                    + ", ").s(additional).a("))").end();
            params.append("\n@param ").append(additional).append(" the members the schema does not declare, in the order\n")
                    .append("received (QEMU hands this {@code 'gen': false} command all its arguments); empty if\n")
                    .append("none, never one of the declared members");
        }
        t.recordConstructor(rc.build());
        if (additional != null || fields.stream().anyMatch(Field::checkNull)) {
            t.addMethod(ctor.addCode(checks.build()).build());
        }
        String doc = typeDoc.isEmpty() ? "" : typeDoc;
        if (params.length() > 0) {
            doc += (doc.isEmpty() ? "" : "\n") + params.substring(1) + "\n";
        }
        if (!doc.isEmpty()) {
            t.addJavadoc("$L", doc);
        }
        ClassName builder = self.nestedClass("Builder");
        t.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder).addStatement("return new $T()", builder).build());
        t.addType(builder(self, builder, fields, additional));
        t.addField(FieldSpec.builder(ParameterizedTypeName.get(JSON_CODEC, self), "CODEC",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reads, decodes and writes this type.\n")
                .initializer("new Codec()").build());
        t.addType(codec(self, fields, fixed, additional));
        if (fixed != null) {
            t.addMethod(readMembersMethod(self, fields, fixed));
            t.addMethod(writeMembersMethod(self, fields, fixed));
        }
        t.addMethod(MethodSpec.methodBuilder("decodeMembers").addModifiers(Modifier.STATIC)
                .addJavadoc("Strictly decodes this record's members in schema order (leftovers not checked).\n")
                .returns(self).addParameter(INPUT_OBJECT, "in")
                .addCode(decodeMembers(self, fields, additional)).build());
        return t;
    }

    private TypeSpec builder(ClassName self, ClassName builder, List<Field> fields, String additional) {
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("Builds a {@link $T}; optional members default to absent.\n", self);
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        // Bodies as Src blocks (one format string each): a builder has a setter per member.
        Src args = new Src().a("return new ").t(self).a("(");
        boolean first = true;
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self);
        for (Field f : fields) {
            TypeName boxed = f.type().boxed();
            b.addField(boxed, f.name(), Modifier.PRIVATE);
            MethodSpec.Builder set = MethodSpec.methodBuilder(f.name()).addModifiers(Modifier.PUBLIC)
                    .returns(builder).addParameter(f.optional() || !f.type().primitive() ? boxed : f.type().type(),
                            f.name());
            if (f.optional()) {
                set.addJavadoc("Sets {@code $L}; {@code null} makes it absent.\n", f.wire());
            }
            if (ctx.deprecated(f.member().features())) {
                set.addAnnotation(Deprecated.class);
                set.addJavadoc("@deprecated the member is deprecated\n");
            }
            set.addCode(new Src().a("this." + f.name() + " = " + f.name()).end().a("return this").end().build());
            b.addMethod(set.build());
            if (!first) {
                args.a(", ");
            }
            first = false;
            if (f.optional()) {
                args.t(OPTIONAL).a(".ofNullable(" + f.name() + ")");
            } else if (f.type().primitive()) {
                args.t(OBJECTS).a(".requireNonNull(" + f.name() + ", ").s(f.wire()).a(")");
            } else {
                args.a(f.name());
            }
        }
        if (additional != null) {
            b.addField(FieldSpec.builder(JSON_OBJECT_BUILDER, additional, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("$T.builder()", JSON_OBJECT).build());
            Object[][] kinds = {{JSON_VALUE, "a JSON value"}, {ClassName.get(String.class), "a string"},
                {TypeName.LONG, "an integer"}, {TypeName.BOOLEAN, "a boolean"}};
            for (Object[] k : kinds) {
                b.addMethod(MethodSpec.methodBuilder(additional).addModifiers(Modifier.PUBLIC).returns(builder)
                        .addJavadoc("Adds a member the schema does not declare, $L.\n\n"
                                + "@throws IllegalArgumentException if the name was added already\n", k[1])
                        .addParameter(String.class, "name").addParameter((TypeName) k[0], "value")
                        .addCode(new Src().a(additional + ".put(name, value)").end().a("return this").end().build())
                        .build());
            }
            b.addMethod(MethodSpec.methodBuilder(additional).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addJavadoc("Adds every member of {@code members}, in order.\n\n"
                            + "@throws IllegalArgumentException if a name was added already\n")
                    .addParameter(JSON_OBJECT, "members")
                    .addCode(new Src().a(additional + ".putAll(members)").end().a("return this").end().build())
                    .build());
            args.a((first ? "" : ", ") + additional + ".build()");
        }
        build.addCode(args.a(")").end().build());
        b.addMethod(build.build());
        return b.build();
    }

    private TypeSpec codec(ClassName self, List<Field> fields, Fixed fixed, String additional) {
        TypeSpec.Builder c = TypeSpec.classBuilder("Codec").addModifiers(Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).addSuperinterface(ParameterizedTypeName.get(JSON_CODEC, self));
        CodeBlock.Builder names = CodeBlock.builder();
        for (String w : wireOrder(fields, fixed)) {
            names.add(names.isEmpty() ? "$S" : ", $S", w);
        }
        c.addField(FieldSpec.builder(MEMBERS, "MEMBERS", Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", MEMBERS, names.build()).build());
        MethodSpec.Builder r = MethodSpec.methodBuilder("read").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(self).addParameter(JSON_PARSER, "p")
                .addException(IO_EXCEPTION).addCode(new Src().t(READING).a(".startObject(p)").end().build());
        if (fixed != null) {
            r.addCode(new Src().a("return readMembers(p)").end().build());
        } else {
            r.addCode(read(self, fields, fixed, "MEMBERS", additional));
        }
        c.addMethod(r.build());
        c.addMethod(MethodSpec.methodBuilder("decode").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(self).addParameter(JSON_VALUE, "v")
                .addParameter(PATH, "path")
                .addCode(new Src().t(INPUT_OBJECT).a(" in = ").t(INPUT_OBJECT).a(".of(v, path)").end()
                        .t(self).a(" value = decodeMembers(in)").end().a("in.end()").end().a("return value").end()
                        .build())
                .build());
        MethodSpec.Builder w = MethodSpec.methodBuilder("write").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(JSON_GENERATOR, "g").addParameter(self, "v")
                .addException(IO_EXCEPTION);
        Src wb = new Src().a("g.writeStartObject()").end();
        if (fixed != null) {
            wb.a("writeMembers(g, v)").end();
        } else {
            wb.c(writeMembers(fields, fixed, "MEMBERS"));
        }
        if (additional != null) {
            wb.t(READING).a(".writeMembers(g, v." + additional + "())").end();
        }
        c.addMethod(w.addCode(wb.a("g.writeEndObject()").end().build()).build());
        return c.build();
    }

    /** For union branches: reads the members after the current token (the union read the discriminator). */
    MethodSpec readMembersMethod(ClassName self, List<Field> fields, Fixed fixed) {
        return MethodSpec.methodBuilder("readMembers").addModifiers(Modifier.STATIC)
                .addJavadoc("Reads this record's members up to the end of the object; the parser is on a token before\n"
                        + "the next member.\n")
                .returns(self).addParameter(JSON_PARSER, "p").addException(IO_EXCEPTION)
                .addCode(read(self, fields, fixed, "Codec.MEMBERS", null)).build();
    }

    /** For union branches: the members without braces, for a union that flattens this union. */
    MethodSpec writeMembersMethod(ClassName self, List<Field> fields, Fixed fixed) {
        return MethodSpec.methodBuilder("writeMembers").addModifiers(Modifier.STATIC)
                .addJavadoc("Writes this record's members without braces.\n")
                .addParameter(JSON_GENERATOR, "g").addParameter(self, "v").addException(IO_EXCEPTION)
                .addCode(writeMembers(fields, fixed, "Codec.MEMBERS")).build();
    }

    /** The wire names in wire order: the fields (flattened unions excluded) with the fixed one. */
    private static List<String> wireOrder(List<Field> fields, Fixed fixed) {
        List<String> out = new java.util.ArrayList<>();
        for (Field f : fields) {
            if (!f.flat()) {
                out.add(f.wire());
            }
        }
        if (fixed != null) {
            out.add(Math.min(fixed.position(), out.size()), fixed.wire());
        }
        return out;
    }

    private static String local(Field f) {
        return "m_" + f.name();
    }

    private CodeBlock read(ClassName self, List<Field> fields, Fixed fixed, String members, String additional) {
        // Built as one format string (see Src): this is the bulk of the generated code.
        Src b = new Src();
        Field flat = fields.stream().filter(Field::flat).findFirst().orElse(null);
        if (flat != null) {
            // The object holds our members and the inner union's: read it twice from a tree.
            b.t(JSON_OBJECT).a(" tree = ").t(READING).a(".restOfObject(p, ").t(JSON_OBJECT).a(".builder())").end();
            b.t(flat.type().type()).a(" " + local(flat)).end();
            b.a("try (").t(JSON_PARSER).a(" q = ").t(READING).a(".reparse(tree))").open()
                    .a(local(flat) + " = ").c(flat.type().codec()).a(".read(q)").end().close();
            b.a("try (").t(JSON_PARSER).a(" q = ").t(READING).a(".reparse(tree))").open();
            b.a("p = q").end();
        }
        for (Field f : fields) {
            if (f.flat()) {
                continue;
            }
            if (f.type().primitive() && !f.optional()) {
                b.t(f.type().type()).a(" " + local(f) + " = "
                        + (f.type().type() == TypeName.BOOLEAN ? "false" : "0")).end();
                b.a("boolean has_" + f.name() + " = false").end();
            } else {
                b.t(f.type().boxed()).a(" " + local(f) + " = null").end();
            }
        }
        // One step per member in schema order, each an if on the member's index that reads it and
        // asks for the next: members in the expected order take the fast path (no name string,
        // see Members.next), absent ones fall through their step, and each step's branch is
        // predicted on its own (a switch in a loop is one indirect jump for all of them). The
        // loop takes members out of schema order round again, and skips unknown ones.
        List<String> order = wireOrder(fields, fixed);
        Map<String, Field> byWire = new HashMap<>();
        for (Field f : fields) {
            if (!f.flat()) {
                byWire.put(f.wire(), f);
            }
        }
        if (additional != null) {
            b.t(JSON_OBJECT_BUILDER).a(" m_" + additional + " = ").t(JSON_OBJECT).a(".builder()").end();
        }
        b.a("int f = " + members + ".next(p, 0)").end();
        b.a("while (f != ").t(MEMBERS).a(".END)").open();
        for (int i = 0; i < order.size(); i++) {
            // One line a step, like a table; also less text for JavaPoet to render than a line a
            // statement (10.2.50: 9.30 MB of output against 9.59 MB).
            b.a("if (f == " + i + ") { ");
            Field f = byWire.get(order.get(i));
            if (f == null) { // the union's discriminator, read already
                b.a("p.skipChildren(); ");
            } else if (ctx.admitsNull(f.type().def())) {
                // JSON null is a value of the type (null, any, an alternate with a null branch:
                // BlockdevRefOrNull's null disables the backing file), not an absent member.
                b.a(local(f) + " = ").c(Tmpl.read(f.type())).a("; ");
            } else if (f.optional() || !f.type().primitive()) {
                // A JSON null for a member that cannot be null: treat as absent.
                b.a(local(f) + " = ").c(Tmpl.readOrNull(f.type())).a("; ");
            } else {
                b.a(local(f) + " = ").c(Tmpl.read(f.type())).a("; has_" + f.name() + " = true; ");
            }
            b.a("f = " + members + ".next(p, " + (i + 1) + "); }\n");
        }
        b.a("if (f == ").t(MEMBERS).a(".UNKNOWN)").open();
        if (additional != null) {
            b.t(READING).a(".readAdditional(p, m_" + additional + ")").end();
        } else {
            b.a("p.skipChildren()").end();
        }
        b.a("f = " + members + ".next(p, 0)").end();
        b.close();
        b.close();
        for (Field f : fields) {
            if (!f.flat() && f.type().primitive() && !f.optional()) {
                b.a("if (!has_" + f.name() + ")").open().a("throw ").t(READING).a(".missing(p, ").s(f.wire())
                        .a(")").end().close();
            }
        }
        b.a("return new ").t(self).a("(");
        boolean first = true;
        for (Field f : fields) {
            if (!first) {
                b.a(", ");
            }
            first = false;
            if (f.flat()) {
                b.a(local(f));
            } else if (f.optional()) {
                b.t(OPTIONAL).a(".ofNullable(" + local(f) + ")");
            } else if (f.type().primitive()) {
                b.a(local(f));
            } else {
                b.t(READING).a(".require(p, " + local(f) + ", ").s(f.wire()).a(")");
            }
        }
        if (additional != null) {
            b.a((first ? "" : ", ") + "m_" + additional + ".build()");
        }
        b.a(")").end();
        if (flat != null) {
            b.close();
        }
        return b.build();
    }

    CodeBlock decodeMembers(ClassName self, List<Field> fields) {
        return decodeMembers(self, fields, null);
    }

    /** The same; for an open record the undeclared members ({@code in.rest()}) come last. */
    CodeBlock decodeMembers(ClassName self, List<Field> fields, String additional) {
        // One constructor call; Java evaluates the arguments left to right, so members are
        // decoded (and a missing or mistyped one reported) in schema order, as QEMU does.
        Src b = new Src();
        b.a("return new ").t(self).a("(");
        if (!fields.isEmpty()) {
            b.a("\n").continued();
        }
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (i > 0) {
                b.a(",\n");
            }
            if (f.flat()) {
                b.t(f.type().type()).a(".Codec.decodeMembers(in)");
            } else {
                String how = f.schemaOptional() ? "maybe" : f.optional() ? "present" : "required";
                b.a("in." + how + "(").s(f.wire()).a(", ").c(f.type().codec());
                CodeBlock special = f.special();
                if (special != null) {
                    b.a(", ").c(special);
                }
                b.a(")");
            }
        }
        if (additional != null) {
            b.a(fields.isEmpty() ? "in.rest()" : ",\nin.rest()");
        }
        if (!fields.isEmpty()) {
            b.endContinued();
        }
        b.a(")").end();
        return b.build();
    }

    CodeBlock writeMembers(List<Field> fields, Fixed fixed, String members) {
        Src b = new Src();
        List<String> order = wireOrder(fields, fixed);
        for (int i = 0, k = 0; i <= fields.size(); i++) {
            if (fixed != null && k == fixed.position()) {
                b.a("g.writeFieldName(" + members + ".name(" + order.indexOf(fixed.wire()) + "))").end();
                b.c(fixed.write()).end();
                k++;
            }
            if (i == fields.size()) {
                break;
            }
            Field f = fields.get(i);
            if (f.flat()) {
                b.t(f.type().type()).a(".Codec.writeMembers(g, v." + f.name() + "())").end();
            } else if (f.optional()) {
                b.a("if (v." + f.name() + "().isPresent()");
                hidden(b, f.special(), " && ");
                b.a(")").open();
                b.a("g.writeFieldName(" + members + ".name(" + order.indexOf(f.wire()) + "))").end();
                b.c(Tmpl.write(f.type(), CodeBlock.of("v.$N().get()", f.name()))).end();
                b.close();
            } else {
                CodeBlock special = f.special();
                if (special != null) {
                    b.a("if (");
                    hidden(b, special, "");
                    b.a(")").open();
                }
                b.a("g.writeFieldName(" + members + ".name(" + order.indexOf(f.wire()) + "))").end();
                b.c(Tmpl.write(f.type(), CodeBlock.of("v.$N()", f.name()))).end();
                if (special != null) {
                    b.close();
                }
            }
            k++;
        }
        return b.build();
    }

    /** {@code !CompatPolicy.hides(g, <special>)} after {@code prefix}, if there are special features. */
    private static void hidden(Src b, CodeBlock special, String prefix) {
        if (special != null) {
            b.a(prefix + "!").t(EmitContext.COMPAT_POLICY).a(".hides(g, ").c(special).a(")");
        }
    }
}
