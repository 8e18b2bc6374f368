/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import io.github.qapi4j.generator.model.Condition;
import io.github.qapi4j.generator.parse.DocComment;
import io.github.qapi4j.generator.source.SourceInfo;
import java.util.List;
import java.util.Map;

/**
 * The mutable entities of the definition and entity-check phases, mirroring QEMU's schema
 * objects. They exist only while the schema is checked; {@link SchemaBuilder} freezes them into
 * the immutable model afterwards.
 */
final class Ents {

    private Ents() {}

    /** An entity of the global list. */
    abstract static class Ent {
        final String name;
        final SourceInfo info;
        String module;

        Ent(String name, SourceInfo info) {
            this.name = name;
            this.info = info;
        }
    }

    static final class IncludeEnt extends Ent {
        final String includedModule;

        IncludeEnt(String includedModule, SourceInfo info) {
            super(null, info);
            this.includedModule = includedModule;
        }
    }

    /** A named definition. */
    abstract static class DefEnt extends Ent {
        final DocComment doc;
        final Condition cond;
        final List<Mem> features;
        boolean checked;

        DefEnt(String name, SourceInfo info, DocComment doc, Condition cond, List<Mem> features) {
            super(name, info);
            this.doc = doc;
            this.cond = cond;
            this.features = features;
        }

        abstract String meta();

        String describe() {
            return meta() + " '" + name + "'";
        }
    }

    abstract static class TypeEnt extends DefEnt {
        TypeEnt(String name, SourceInfo info, DocComment doc, Condition cond, List<Mem> features) {
            super(name, info, doc, cond, features);
        }

        abstract String jsonType();

        boolean isImplicit() {
            return info == null;
        }

        /** The condition in effect (an array's is its element type's). */
        Condition effectiveCond() {
            return cond;
        }

        @Override
        String describe() {
            return meta() + " type '" + name + "'";
        }
    }

    static final class BuiltinEnt extends TypeEnt {
        final String jsonType;

        BuiltinEnt(String name, String jsonType) {
            super(name, null, null, null, List.of());
            this.jsonType = jsonType;
        }

        @Override
        String meta() {
            return "built-in";
        }

        @Override
        String jsonType() {
            return jsonType;
        }
    }

    static final class EnumEnt extends TypeEnt {
        final List<Mem> values;
        final String prefix;

        EnumEnt(String name, SourceInfo info, DocComment doc, Condition cond, List<Mem> features,
                List<Mem> values, String prefix) {
            super(name, info, doc, cond, features);
            this.values = values;
            this.prefix = prefix;
        }

        @Override
        String meta() {
            return "enum";
        }

        @Override
        String jsonType() {
            return "string";
        }

        boolean hasValue(String value) {
            for (Mem m : values) {
                if (m.name.equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class ArrayEnt extends TypeEnt {
        final String elementName;
        TypeEnt element;

        ArrayEnt(String name, SourceInfo info, String elementName) {
            super(name, info, null, null, List.of());
            this.elementName = elementName;
        }

        @Override
        String meta() {
            return "array";
        }

        @Override
        String jsonType() {
            return "array";
        }

        @Override
        boolean isImplicit() {
            return true;
        }

        @Override
        Condition effectiveCond() {
            return element == null ? null : element.effectiveCond();
        }

        @Override
        String describe() {
            return "array type ['" + elementName + "']";
        }
    }

    /** A struct, union, implicit object type or q_empty. */
    static final class ObjectEnt extends TypeEnt {
        final String baseName;
        final List<Mem> localMembers;
        /** Union branches, or null for a struct. */
        final List<Mem> branches;
        final String tagName;
        ObjectEnt base;
        /** All members once checked (base members first), else null. */
        List<Mem> members;

        ObjectEnt(String name, SourceInfo info, DocComment doc, Condition cond, List<Mem> features,
                String baseName, List<Mem> localMembers, List<Mem> branches, String tagName) {
            super(name, info, doc, cond, features);
            this.baseName = baseName;
            this.localMembers = localMembers;
            this.branches = branches;
            this.tagName = tagName;
        }

        @Override
        String meta() {
            return branches != null ? "union" : "struct";
        }

        @Override
        String jsonType() {
            return "object";
        }

        @Override
        boolean isImplicit() {
            return name.startsWith("q_");
        }
    }

    static final class AlternateEnt extends TypeEnt {
        final List<Mem> branches;

        AlternateEnt(String name, SourceInfo info, DocComment doc, Condition cond, List<Mem> features,
                List<Mem> branches) {
            super(name, info, doc, cond, features);
            this.branches = branches;
        }

        @Override
        String meta() {
            return "alternate";
        }

        @Override
        String jsonType() {
            return "value";
        }
    }

    static final class CommandEnt extends DefEnt {
        final CheckedExpr expr;
        final String argName;
        final String retName;
        ObjectEnt argType;

        CommandEnt(CheckedExpr e, Condition cond, List<Mem> features, String argName, String retName) {
            super(e.name, e.info, e.doc, cond, features);
            this.expr = e;
            this.argName = argName;
            this.retName = retName;
        }

        @Override
        String meta() {
            return "command";
        }
    }

    static final class EventEnt extends DefEnt {
        final String argName;
        final boolean boxed;
        ObjectEnt argType;

        EventEnt(CheckedExpr e, Condition cond, List<Mem> features, String argName) {
            super(e.name, e.info, e.doc, cond, features);
            this.argName = argName;
            this.boxed = e.boxed;
        }

        @Override
        String meta() {
            return "event";
        }
    }

    /**
     * A member in QEMU's broad sense: an object member, an enum value, a union or alternate
     * branch, or a feature. {@link #role} tells which.
     */
    static final class Mem {
        final String role;
        final String name;
        final SourceInfo info;
        final Condition cond;
        final List<Mem> features;
        final String typeName;
        final boolean optional;
        final boolean implicit;
        String definedIn;
        TypeEnt type;
        /** {@link Names#cName} of the name, once: a member is clash-checked in every type that has it. */
        private String cname;

        Mem(String role, String name, SourceInfo info, Condition cond, List<Mem> features,
                String typeName, boolean optional, boolean implicit, String definedIn) {
            this.role = role;
            this.name = name;
            this.info = info;
            this.cond = cond;
            this.features = features;
            this.typeName = typeName;
            this.optional = optional;
            this.implicit = implicit;
            this.definedIn = definedIn;
        }

        /** QEMU's phrase for this member as seen from the definition {@code info} belongs to. */
        String describe(SourceInfo where) {
            String r = role;
            String in = definedIn;
            if (in.startsWith("q_obj_")) {
                in = in.substring(6);
                if (in.endsWith("-arg")) {
                    if (r.equals("member")) {
                        r = "parameter";
                    }
                    in = in.substring(0, in.length() - 4);
                } else if (in.endsWith("-base")) {
                    r = "base " + r;
                    in = in.substring(0, in.length() - 5);
                }
            }
            if (where != null && !in.equals(where.defnName())) {
                return r + " '" + name + "' of type '" + in + "'";
            }
            return r + " '" + name + "'";
        }

        /** Records this member in {@code seen} (keyed by C name), failing on a clash. */
        void checkClash(SourceInfo where, Map<String, Mem> seen) {
            Mem other = seen.putIfAbsent(cName(), this);
            if (other != null) {
                throw new CheckFailure(where, describe(where) + " collides with " + other.describe(where));
            }
        }

        String cName() {
            String c = cname;
            if (c == null) {
                c = Names.cName(name);
                cname = c;
            }
            return c;
        }
    }
}
