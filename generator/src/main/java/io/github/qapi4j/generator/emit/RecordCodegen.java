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
import java.util.List;
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
        TypeSpec.Builder t = TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder rc = MethodSpec.constructorBuilder();
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
                ctor.addStatement("$T.requireNonNull($N, $S)", OBJECTS, f.name(), f.wire());
            }
            params.append("\n@param ").append(f.name()).append(' ')
                    .append(f.doc() != null ? f.doc() : "{@code " + f.wire() + "}")
                    .append(f.schemaOptional() ? " (optional)"
                            : f.optional() ? " (conditional: absent when the peer was built without it)" : "");
        }
        t.recordConstructor(rc.build());
        if (fields.stream().anyMatch(Field::checkNull)) {
            t.addMethod(ctor.build());
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
        t.addType(builder(self, builder, fields));
        t.addField(FieldSpec.builder(ParameterizedTypeName.get(JSON_CODEC, self), "CODEC",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reads, decodes and writes this type.\n")
                .initializer("new Codec()").build());
        t.addType(codec(self, fields, fixed));
        if (fixed != null) {
            t.addMethod(readMembersMethod(self, fields, fixed));
            t.addMethod(writeMembersMethod(self, fields, fixed));
        }
        t.addMethod(MethodSpec.methodBuilder("decodeMembers").addModifiers(Modifier.STATIC)
                .addJavadoc("Strictly decodes this record's members in schema order (leftovers not checked).\n")
                .returns(self).addParameter(INPUT_OBJECT, "in")
                .addCode(decodeMembers(self, fields, fixed)).build());
        return t;
    }

    private TypeSpec builder(ClassName self, ClassName builder, List<Field> fields) {
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("Builds a {@link $T}; optional members default to absent.\n", self);
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        CodeBlock.Builder args = CodeBlock.builder();
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
            set.addStatement("this.$N = $N", f.name(), f.name()).addStatement("return this");
            b.addMethod(set.build());
            if (!args.isEmpty()) {
                args.add(", ");
            }
            if (f.optional()) {
                args.add("$T.ofNullable($N)", OPTIONAL, f.name());
            } else if (f.type().primitive()) {
                args.add("$T.requireNonNull($N, $S)", OBJECTS, f.name(), f.wire());
            } else {
                args.add("$N", f.name());
            }
        }
        build.addStatement("return new $T($L)", self, args.build());
        b.addMethod(build.build());
        return b.build();
    }

    private TypeSpec codec(ClassName self, List<Field> fields, Fixed fixed) {
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
                .addException(IO_EXCEPTION).addStatement("$T.startObject(p)", READING);
        if (fixed != null) {
            r.addStatement("return readMembers(p)");
        } else {
            r.addCode(read(self, fields, fixed, "MEMBERS"));
        }
        c.addMethod(r.build());
        c.addMethod(MethodSpec.methodBuilder("decode").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(self).addParameter(JSON_VALUE, "v")
                .addParameter(PATH, "path")
                .addStatement("$T in = $T.of(v, path)", INPUT_OBJECT, INPUT_OBJECT)
                .addStatement("$T value = decodeMembers(in)", self)
                .addStatement("in.end()").addStatement("return value").build());
        MethodSpec.Builder w = MethodSpec.methodBuilder("write").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(JSON_GENERATOR, "g").addParameter(self, "v")
                .addException(IO_EXCEPTION).addStatement("g.writeStartObject()");
        if (fixed != null) {
            w.addStatement("writeMembers(g, v)");
        } else {
            w.addCode(writeMembers(fields, fixed, "MEMBERS"));
        }
        c.addMethod(w.addStatement("g.writeEndObject()").build());
        return c.build();
    }

    /** For union branches: reads the members after the current token (the union read the discriminator). */
    MethodSpec readMembersMethod(ClassName self, List<Field> fields, Fixed fixed) {
        return MethodSpec.methodBuilder("readMembers").addModifiers(Modifier.STATIC)
                .addJavadoc("Reads this record's members up to the end of the object; the parser is on a token before\n"
                        + "the next member.\n")
                .returns(self).addParameter(JSON_PARSER, "p").addException(IO_EXCEPTION)
                .addCode(read(self, fields, fixed, "Codec.MEMBERS")).build();
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

    private CodeBlock read(ClassName self, List<Field> fields, Fixed fixed, String members) {
        CodeBlock.Builder b = CodeBlock.builder();
        Field flat = fields.stream().filter(Field::flat).findFirst().orElse(null);
        if (flat != null) {
            // The object holds our members and the inner union's: read it twice from a tree.
            b.addStatement("$T tree = $T.restOfObject(p, $T.builder())", JSON_OBJECT, READING, JSON_OBJECT);
            b.addStatement("$T $L", flat.type().type(), local(flat));
            b.beginControlFlow("try ($T q = $T.reparse(tree))", JSON_PARSER, READING)
                    .addStatement("$L = $L.read(q)", local(flat), flat.type().codec()).endControlFlow();
            b.beginControlFlow("try ($T q = $T.reparse(tree))", JSON_PARSER, READING);
            b.addStatement("p = q");
        }
        for (Field f : fields) {
            if (f.flat()) {
                continue;
            }
            if (f.type().primitive() && !f.optional()) {
                b.addStatement("$T $L = $L", f.type().type(), local(f), f.type().type() == TypeName.BOOLEAN ? "false"
                        : "0");
                b.addStatement("boolean has_$L = false", f.name());
            } else {
                b.addStatement("$T $L = null", f.type().boxed(), local(f));
            }
        }
        // Members in the expected order take the fast path (no name string); see Members.next.
        b.beginControlFlow("for (int k = 0, f; (f = $L.next(p, k)) != $T.END; k = f < 0 ? k : f + 1)",
                members, MEMBERS);
        b.beginControlFlow("switch (f)");
        List<String> order = wireOrder(fields, fixed);
        for (Field f : fields) {
            if (f.flat()) {
                continue;
            }
            b.beginControlFlow("case $L ->", order.indexOf(f.wire()));
            if (f.type().def().name().equals("null") || f.type().def().name().equals("any")) {
                b.addStatement("$L = $L", local(f), Tmpl.read(f.type()));
            } else if (f.optional() || !f.type().primitive()) {
                // A JSON null for a member that cannot be null: treat as absent.
                b.addStatement("$L = p.currentToken() == $T.VALUE_NULL ? null : $L", local(f), JSON_TOKEN,
                        Tmpl.read(f.type()));
            } else {
                b.addStatement("$L = $L", local(f), Tmpl.read(f.type()));
                b.addStatement("has_$L = true", f.name());
            }
            b.endControlFlow();
        }
        b.addStatement("default -> p.skipChildren()");
        b.endControlFlow();
        b.endControlFlow();
        CodeBlock.Builder args = CodeBlock.builder();
        for (Field f : fields) {
            if (!f.flat() && f.type().primitive() && !f.optional()) {
                b.beginControlFlow("if (!has_$L)", f.name()).addStatement("throw $T.missing(p, $S)", READING,
                        f.wire()).endControlFlow();
            }
            if (!args.isEmpty()) {
                args.add(", ");
            }
            if (f.flat()) {
                args.add("$L", local(f));
            } else if (f.optional()) {
                args.add("$T.ofNullable($L)", OPTIONAL, local(f));
            } else if (f.type().primitive()) {
                args.add("$L", local(f));
            } else {
                args.add("$T.require(p, $L, $S)", READING, local(f), f.wire());
            }
        }
        b.addStatement("return new $T($L)", self, args.build());
        if (flat != null) {
            b.endControlFlow();
        }
        return b.build();
    }

    CodeBlock decodeMembers(ClassName self, List<Field> fields, Fixed fixed) {
        CodeBlock.Builder b = CodeBlock.builder();
        CodeBlock.Builder args = CodeBlock.builder();
        for (Field f : fields) {
            CodeBlock path = CodeBlock.of("in.path().member($S)", f.wire());
            if (f.flat()) {
                b.addStatement("$T $L = $T.Codec.decodeMembers(in)", f.type().type(), local(f), f.type().type());
            } else if (f.schemaOptional()) {
                b.addStatement("$T r_$L = in.optional($S)", JSON_VALUE, f.name(), f.wire());
                b.addStatement("$T $L = r_$L == null ? $T.empty() : $T.of($L)", f.componentType(), local(f),
                        f.name(), OPTIONAL, OPTIONAL, Tmpl.decode(f.type(), CodeBlock.of("r_$L", f.name()), path));
            } else if (f.optional()) {
                // Conditional, required by the schema: a server built with it requires it.
                b.addStatement("$T $L = $T.of($L)", f.componentType(), local(f), OPTIONAL,
                        Tmpl.decode(f.type(), CodeBlock.of("in.required($S)", f.wire()), path));
            } else {
                b.addStatement("$T $L = $L", f.type().type(), local(f),
                        Tmpl.decode(f.type(), CodeBlock.of("in.required($S)", f.wire()), path));
            }
            if (!args.isEmpty()) {
                args.add(", ");
            }
            args.add("$L", local(f));
        }
        b.addStatement("return new $T($L)", self, args.build());
        return b.build();
    }

    CodeBlock writeMembers(List<Field> fields, Fixed fixed, String members) {
        CodeBlock.Builder b = CodeBlock.builder();
        List<String> order = wireOrder(fields, fixed);
        for (int i = 0, k = 0; i <= fields.size(); i++) {
            if (fixed != null && k == fixed.position()) {
                b.addStatement("g.writeFieldName($L.name($L))", members, order.indexOf(fixed.wire()));
                b.addStatement(fixed.write());
                k++;
            }
            if (i == fields.size()) {
                break;
            }
            Field f = fields.get(i);
            if (f.flat()) {
                b.addStatement("$T.Codec.writeMembers(g, v.$N())", f.type().type(), f.name());
            } else if (f.optional()) {
                b.beginControlFlow("if (v.$N().isPresent())", f.name());
                b.addStatement("g.writeFieldName($L.name($L))", members, order.indexOf(f.wire()));
                b.addStatement(Tmpl.write(f.type(), CodeBlock.of("v.$N().get()", f.name())));
                b.endControlFlow();
            } else {
                b.addStatement("g.writeFieldName($L.name($L))", members, order.indexOf(f.wire()));
                b.addStatement(Tmpl.write(f.type(), CodeBlock.of("v.$N()", f.name())));
            }
            k++;
        }
        return b.build();
    }
}
