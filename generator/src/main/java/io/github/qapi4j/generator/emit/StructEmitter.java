/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static io.github.qapi4j.generator.emit.EmitContext.*;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import io.github.qapi4j.generator.model.Documentation;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.StructDef;
import io.github.qapi4j.generator.source.SourceInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * struct → record. Base members come first, flattened (as on the wire); the base struct is also
 * generated as its own record.
 */
final class StructEmitter {
    /** Names every generated record uses for itself. */
    static final String[] RESERVED = {"builder", "decodeMembers", "writeMembers", "CODEC", "Builder",
        "Codec"};

    private final EmitContext ctx;

    StructEmitter(EmitContext ctx) {
        this.ctx = ctx;
    }

    /** The fields for {@code members}, named and checked for clashes in one scope. */
    List<Field> fields(List<Member> members, Documentation doc, String scopeName, SourceInfo info,
            String... extraReserved) {
        return fields(members, null, doc, scopeName, info, extraReserved);
    }

    /**
     * The same, plus {@code flat} (if not null) last: a union whose members are inlined, named
     * after its wire name (the branch name).
     */
    List<Field> fields(List<Member> members, Member flat, Documentation doc, String scopeName, SourceInfo info,
            String... extraReserved) {
        Scope scope = new Scope(ctx, scopeName, concat(RESERVED, extraReserved));
        List<Field> out = new ArrayList<>();
        for (Member m : ctx.members(members)) {
            String name = scope.claim(JavaNames.memberName(m.name()), m.name(), m.info() != null ? m.info() : info);
            String d = Docs.member(doc, m.name());
            if (d == null && m.definedIn() != null && !m.definedIn().equals(doc == null ? null : doc.symbol())) {
                d = Docs.member(ctx.schema.docFor(m.definedIn()).orElse(null), m.name());
            }
            out.add(new Field(m, name, ctx.type(m.typeName()), d,
                    !m.optional() && m.condition() != null && ctx.defined == null, false));
        }
        if (flat != null) {
            String name = scope.claim(JavaNames.memberName(flat.name()), flat.name(), flat.info() != null
                    ? flat.info() : info);
            out.add(new Field(flat, name, ctx.type(flat.typeName()), "the {@code " + Docs.escape(flat.name())
                    + "} branch's own members (a union, inlined into this object)", false, true));
        }
        return out;
    }

    static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    TypeSpec emit(StructDef s) {
        ClassName self = ctx.className(s);
        Documentation doc = ctx.schema.docFor(s.name()).orElse(null);
        boolean open = ctx.open(s);
        List<Field> fields = open
                ? fields(ctx.schema.allMembers(s), doc, "struct " + s.name(), s.info(), JavaNames.ADDITIONAL)
                : fields(ctx.schema.allMembers(s), doc, "struct " + s.name(), s.info());
        TypeSpec.Builder t = new RecordCodegen(ctx).record(self, fields, null, typeDoc(doc, s.features()),
                open ? JavaNames.ADDITIONAL : null);
        decorate(t, s.name(), "struct", s.condition(), s.features());
        return t.build();
    }

    String typeDoc(Documentation doc, List<io.github.qapi4j.generator.model.Feature> features) {
        return Docs.typeDoc(doc, ctx.features(features), ctx.deprecated(features));
    }

    /** Type-level metadata annotations. */
    void decorate(TypeSpec.Builder t, String name, String meta,
            io.github.qapi4j.generator.model.Condition condition,
            List<io.github.qapi4j.generator.model.Feature> features) {
        t.addAnnotation(AnnotationSpec.builder(META_TYPE).addMember("name", "$S", name)
                .addMember("meta", "$S", meta).build());
        t.addAnnotations(ctx.metadata(condition, features));
    }
}
