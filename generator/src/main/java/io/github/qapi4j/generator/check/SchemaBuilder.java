/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import io.github.qapi4j.generator.check.CheckedExpr.BranchSpec;
import io.github.qapi4j.generator.check.CheckedExpr.FeatureSpec;
import io.github.qapi4j.generator.check.CheckedExpr.MemberSpec;
import io.github.qapi4j.generator.check.CheckedExpr.TypeRef;
import io.github.qapi4j.generator.check.CheckedExpr.ValueSpec;
import io.github.qapi4j.generator.check.Ents.AlternateEnt;
import io.github.qapi4j.generator.check.Ents.ArrayEnt;
import io.github.qapi4j.generator.check.Ents.BuiltinEnt;
import io.github.qapi4j.generator.check.Ents.CommandEnt;
import io.github.qapi4j.generator.check.Ents.DefEnt;
import io.github.qapi4j.generator.check.Ents.Ent;
import io.github.qapi4j.generator.check.Ents.EnumEnt;
import io.github.qapi4j.generator.check.Ents.EventEnt;
import io.github.qapi4j.generator.check.Ents.IncludeEnt;
import io.github.qapi4j.generator.check.Ents.Mem;
import io.github.qapi4j.generator.check.Ents.ObjectEnt;
import io.github.qapi4j.generator.check.Ents.TypeEnt;
import io.github.qapi4j.generator.model.AlternateDef;
import io.github.qapi4j.generator.model.ArrayDef;
import io.github.qapi4j.generator.model.Branch;
import io.github.qapi4j.generator.model.BuiltinDef;
import io.github.qapi4j.generator.model.CommandDef;
import io.github.qapi4j.generator.model.Condition;
import io.github.qapi4j.generator.model.Documentation;
import io.github.qapi4j.generator.model.Entity;
import io.github.qapi4j.generator.model.EnumDef;
import io.github.qapi4j.generator.model.EnumValue;
import io.github.qapi4j.generator.model.EventDef;
import io.github.qapi4j.generator.model.Feature;
import io.github.qapi4j.generator.model.Include;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.Module;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.model.StructDef;
import io.github.qapi4j.generator.model.UnionDef;
import io.github.qapi4j.generator.parse.DocComment;
import io.github.qapi4j.generator.parse.DocSection;
import io.github.qapi4j.generator.parse.ParsedSchema;
import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.SourceInfo;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phases 3 and 4 (QEMU's {@code schema.py}): defines the entities in QEMU's order (predefined
 * types, then each expression with the implicit types it needs), checks them in creation order
 * connecting each to its documentation, assigns modules, checks the docs, enforces the feature
 * limit, and finally freezes everything into the immutable {@link Schema}.
 */
final class SchemaBuilder {

    private static final String[][] BUILTINS = {
        {"str", "string"}, {"number", "number"}, {"int", "int"}, {"int8", "int"}, {"int16", "int"},
        {"int32", "int"}, {"int64", "int"}, {"uint8", "int"}, {"uint16", "int"}, {"uint32", "int"},
        {"uint64", "int"}, {"size", "int"}, {"bool", "boolean"}, {"any", "value"}, {"null", "null"},
    };

    private static final List<String> QTYPES = List.of("none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool");

    private static final int MAX_FEATURES = 64;

    private final ParsedSchema parsed;
    private final boolean lenientDocs;
    private final Path schemaDir;
    private final Set<String> documentationExceptions;
    private final Set<String> returnsExceptions;

    private final List<Ent> entities;
    /** Only looked up, never iterated: presized for the arrays and implicit types definitions add. */
    private final Map<String, DefEnt> byName;
    private final Map<String, Module> modules = new LinkedHashMap<>();
    /** Distinct feature names in first-use order, with the location of their first use. */
    private final Map<String, SourceInfo> featureNames = new LinkedHashMap<>();
    private final Map<DocComment, DocState> docStates;
    /** File name (or "" for the built-ins) to module name; path arithmetic is not free. */
    private final Map<String, String> moduleNames = new HashMap<>();

    SchemaBuilder(ParsedSchema parsed, boolean lenientDocs) {
        this.parsed = parsed;
        this.lenientDocs = lenientDocs;
        int exprs = parsed.expressions().size();
        this.entities = new ArrayList<>(2 * exprs + 64);
        this.byName = new HashMap<>(4 * exprs + 128);
        this.docStates = new IdentityHashMap<>(parsed.docs().size());
        Path dir = pathOf(parsed.rootFileName()).getParent();
        this.schemaDir = dir == null ? Path.of("") : dir.normalize();
        this.documentationExceptions = new HashSet<>(parsed.pragmas().documentationExceptions());
        this.returnsExceptions = new HashSet<>(parsed.pragmas().commandReturnsExceptions());
        featureNames.put(Feature.DEPRECATED, null);
        featureNames.put(Feature.UNSTABLE, null);
        for (DocComment d : parsed.docs()) {
            docStates.put(d, new DocState(d));
        }
        makeModule(null);
        makeModule(parsed.rootFileName());
    }

    // =====================================================================================
    // Phase 3: define entities
    // =====================================================================================

    void define(List<CheckedExpr> exprs, List<Diagnostic> errors) {
        definePredefined();
        for (CheckedExpr e : exprs) {
            try {
                defineExpr(e);
            } catch (CheckFailure f) {
                errors.add(f.diagnostic);
            }
        }
    }

    private void definePredefined() {
        for (String[] b : BUILTINS) {
            defineEntity(new BuiltinEnt(b[0], b[1]));
            makeArray(b[0], null);
        }
        defineEntity(new ObjectEnt(
                StructDef.EMPTY, null, null, null, List.of(), null, List.of(), null, null));
        List<Mem> values = new ArrayList<>();
        for (String q : QTYPES) {
            values.add(new Mem("value", q, null, null, List.of(), null, false, false, "QType"));
        }
        // QEMU 7.2 gave QType an explicit C prefix (dropped in 9.2); the legacy mode keeps it so
        // that 7.2 schemas check and dump as 7.2 did.
        defineEntity(new EnumEnt("QType", null, null, null, List.of(), values, lenientDocs ? "QTYPE" : null));
    }

    private void defineExpr(CheckedExpr e) {
        SourceInfo info = e.info;
        switch (e.meta) {
            case "include" -> {
                Module m = makeModule(e.name);
                defineEntity(new IncludeEnt(m.name(), info));
            }
            case "enum" -> {
                List<Mem> features = makeFeatures(e.features, info, e.name);
                List<Mem> values = new ArrayList<>(e.values.size());
                for (ValueSpec v : e.values) {
                    values.add(new Mem("value", v.name(), info, v.condition(),
                            makeFeatures(v.features(), info, e.name), null, false, false, e.name));
                }
                defineEntity(new EnumEnt(e.name, info, e.doc, e.condition, features, values, e.prefix));
            }
            case "struct" -> {
                List<Mem> features = makeFeatures(e.features, info, e.name);
                List<Mem> members = makeMembers(e.members, info, e.name);
                defineEntity(new ObjectEnt(e.name, info, e.doc, e.condition, features, e.typeName, members, null, null));
            }
            case "union" -> {
                List<Mem> features = makeFeatures(e.features, info, e.name);
                String base = e.typeName;
                if (e.inlineBase != null) {
                    String implicitName = "q_obj_" + e.name + "-base";
                    base = makeImplicitObject(implicitName, info, e.condition,
                            makeMembers(e.inlineBase, info, implicitName));
                }
                List<Mem> branches = new ArrayList<>(e.branches.size());
                for (BranchSpec b : e.branches) {
                    branches.add(new Mem("branch", b.name(), info, b.condition(), List.of(),
                            b.type().name(), false, false, e.name));
                }
                defineEntity(new ObjectEnt(e.name, info, e.doc, e.condition, features, base, List.of(),
                        branches, e.discriminator));
            }
            case "alternate" -> {
                List<Mem> features = makeFeatures(e.features, info, e.name);
                List<Mem> branches = new ArrayList<>(e.branches.size());
                for (BranchSpec b : e.branches) {
                    branches.add(new Mem("branch", b.name(), info, b.condition(), List.of(),
                            typeName(b.type(), info), false, false, e.name));
                }
                defineEntity(new AlternateEnt(e.name, info, e.doc, e.condition, features, branches));
            }
            case "command" -> {
                List<Mem> features = makeFeatures(e.features, info, e.name);
                String arg = argumentType(e);
                String ret = e.returns == null ? null : typeName(e.returns, info);
                defineEntity(new CommandEnt(e, e.condition, features, arg, ret));
            }
            case "event" -> {
                List<Mem> features = makeFeatures(e.features, info, e.name);
                defineEntity(new EventEnt(e, e.condition, features, argumentType(e)));
            }
            default -> throw new IllegalStateException(e.meta);
        }
    }

    /** The argument type name of a command or event, making the implicit one if needed. */
    private String argumentType(CheckedExpr e) {
        if (e.members != null) {
            String implicitName = "q_obj_" + e.name + "-arg";
            return makeImplicitObject(implicitName, e.info, e.condition, makeMembers(e.members, e.info, implicitName));
        }
        return e.typeName;
    }

    private void defineEntity(Ent ent) {
        entities.add(ent);
        if (ent.name == null) {
            return;
        }
        DefEnt other = byName.get(ent.name);
        if (other != null) {
            if (other.info != null) {
                throw new CheckFailure(ent.info, "'" + ent.name + "' is already defined\n"
                        + other.info + ": previous definition");
            }
            throw new CheckFailure(ent.info, other.describe() + " is already defined");
        }
        byName.put(ent.name, (DefEnt) ent);
    }

    private List<Mem> makeFeatures(List<FeatureSpec> specs, SourceInfo info, String definedIn) {
        if (specs.isEmpty()) {
            return List.of();
        }
        List<Mem> out = new ArrayList<>(specs.size());
        for (FeatureSpec f : specs) {
            featureNames.putIfAbsent(f.name(), info);
            out.add(new Mem("feature", f.name(), info, f.condition(), List.of(), null, false, false, definedIn));
        }
        return out;
    }

    private List<Mem> makeMembers(List<MemberSpec> specs, SourceInfo info, String definedIn) {
        List<Mem> out = new ArrayList<>(specs.size());
        for (MemberSpec m : specs) {
            List<Mem> features = makeFeatures(m.features(), info, definedIn);
            out.add(new Mem("member", m.name(), info, m.condition(), features,
                    typeName(m.type(), info), m.optional(), false, definedIn));
        }
        return out;
    }

    private String typeName(TypeRef ref, SourceInfo info) {
        return ref.array() ? makeArray(ref.name(), info) : ref.name();
    }

    private String makeArray(String elementName, SourceInfo info) {
        String name = elementName + "List";
        if (!(byName.get(name) instanceof TypeEnt)) {
            defineEntity(new ArrayEnt(name, info, elementName));
        }
        return name;
    }

    private String makeImplicitObject(String name, SourceInfo info, Condition cond, List<Mem> members) {
        if (members.isEmpty()) {
            return null;
        }
        // An existing one can only come from a duplicate definition, reported right after.
        if (!byName.containsKey(name)) {
            defineEntity(new ObjectEnt(name, info, null, cond, List.of(), null, members, null, null));
        }
        return name;
    }

    // =====================================================================================
    // Modules
    // =====================================================================================

    private static Path pathOf(String fileName) {
        try {
            return Path.of(fileName);
        } catch (InvalidPathException e) {
            return Path.of(fileName.replace('\0', '_'));
        }
    }

    private String moduleName(String fileName) {
        if (fileName == null) {
            return Module.BUILTIN;
        }
        Path p = pathOf(fileName).normalize();
        try {
            return schemaDir.relativize(p).toString();
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    private Module makeModule(String fileName) {
        String name = moduleNames.computeIfAbsent(fileName == null ? "" : fileName,
                f -> moduleName(fileName));
        return modules.computeIfAbsent(name, n -> new Module(n, fileName));
    }

    // =====================================================================================
    // Phase 4: check entities, connect docs, check docs, feature limit
    // =====================================================================================

    void checkEntities(List<Diagnostic> errors) {
        try {
            for (Ent e : entities) {
                if (e instanceof DefEnt d) {
                    checkEntity(d);
                    connectDoc(d);
                }
            }
            for (Ent e : entities) {
                assignModule(e);
            }
        } catch (CheckFailure f) {
            errors.add(f.diagnostic);
            return;
        }
        for (DocComment d : parsed.docs()) {
            try {
                docStates.get(d).check();
            } catch (CheckFailure f) {
                errors.add(f.diagnostic);
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        if (featureNames.size() > MAX_FEATURES) {
            SourceInfo info = new ArrayList<>(featureNames.values()).get(MAX_FEATURES);
            errors.add(Diagnostic.at(info, "Maximum of 64 schema features is permitted"));
        }
    }

    private void checkEntity(DefEnt d) {
        if (d instanceof ObjectEnt o) {
            checkObject(o);
        } else if (d instanceof AlternateEnt a) {
            checkAlternate(a);
        } else if (d instanceof CommandEnt c) {
            checkCommand(c);
        } else if (d instanceof EventEnt ev) {
            checkEvent(ev);
        } else if (d instanceof EnumEnt en) {
            checkDefinition(en);
            Map<String, Mem> seen = new HashMap<>(2 * en.values.size());
            for (Mem v : en.values) {
                v.checkClash(en.info, seen);
            }
        } else if (d instanceof ArrayEnt ar) {
            checkDefinition(ar);
            ar.element = resolveType(ar.elementName, ar.info, ar.info == null ? null : ar.info.defnMeta());
            if (ar.element instanceof ArrayEnt) {
                throw new CheckFailure(ar.info, (ar.info == null ? "array" : ar.info.defnMeta())
                        + " cannot use " + ar.element.describe() + " as array element");
            }
        } else {
            checkDefinition(d);
        }
    }

    /** What every definition checks: its feature list, and no special features on types. */
    private void checkDefinition(DefEnt d) {
        d.checked = true;
        if (d.features.size() > 1) { // one feature cannot clash
            Map<String, Mem> seen = new HashMap<>();
            for (Mem f : d.features) {
                f.checkClash(d.info, seen);
            }
        }
        if (d instanceof TypeEnt) {
            for (Mem f : d.features) {
                if (f.name.equals(Feature.DEPRECATED) || f.name.equals(Feature.UNSTABLE)) {
                    throw new CheckFailure(d.info, "feature '" + f.name + "' is not supported for types");
                }
            }
        }
    }

    private TypeEnt resolveType(String name, SourceInfo info, String what) {
        if (byName.get(name) instanceof TypeEnt t) {
            return t;
        }
        throw new CheckFailure(info, what + " uses unknown type '" + name + "'");
    }

    private void checkMember(Mem m) {
        if (byName.get(m.typeName) instanceof TypeEnt t) {
            m.type = t;
        } else {
            resolveType(m.typeName, m.info, m.describe(m.info)); // throws
        }
        if (m.features.size() < 2) { // one feature cannot clash
            return;
        }
        Map<String, Mem> seen = new HashMap<>();
        for (Mem f : m.features) {
            f.checkClash(m.info, seen);
        }
    }

    private void checkObject(ObjectEnt o) {
        if (o.members != null) {
            return; // checked before
        }
        if (o.checked) {
            throw new CheckFailure(o.info, "object " + o.name + " contains itself");
        }
        checkDefinition(o);
        Map<String, Mem> seen = new LinkedHashMap<>();
        if (o.baseName != null) {
            TypeEnt base = resolveType(o.baseName, o.info, "'base'");
            if (!(base instanceof ObjectEnt ob) || ob.branches != null) {
                throw new CheckFailure(o.info, "'base' requires a struct type, " + base.describe() + " isn't");
            }
            checkObject(ob);
            o.base = ob;
            clash(ob, o.info, seen);
        }
        for (Mem m : o.localMembers) {
            checkMember(m);
            m.checkClash(o.info, seen);
        }
        List<Mem> members = new ArrayList<>(seen.values());
        if (o.branches != null) {
            checkUnionBranches(o, seen);
            for (Mem v : o.branches) {
                clash((ObjectEnt) v.type, o.info, new LinkedHashMap<>(seen));
            }
        }
        o.members = members;
    }

    /** Adds the members of a checked object type (and, for a union, of each branch) to seen. */
    private void clash(ObjectEnt t, SourceInfo info, Map<String, Mem> seen) {
        if (t.members == null) {
            throw new CheckFailure(t.info, "object " + t.name + " contains itself");
        }
        for (Mem m : t.members) {
            m.checkClash(info, seen);
        }
        if (t.branches != null) {
            for (Mem v : t.branches) {
                clash((ObjectEnt) v.type, info, new LinkedHashMap<>(seen));
            }
        }
    }

    private void checkUnionBranches(ObjectEnt u, Map<String, Mem> seen) {
        SourceInfo info = u.info;
        String tagName = u.tagName;
        Mem tag = seen.get(Names.cName(tagName));
        if (tag == null || !tagName.equals(tag.name)) {
            throw new CheckFailure(info, "discriminator '" + tagName + "' is not a member of 'base'");
        }
        String base = "'base'";
        if (!(byName.get(tag.definedIn) instanceof TypeEnt bt) || !bt.isImplicit()) {
            base = "base type '" + tag.definedIn + "'";
        }
        if (!(tag.type instanceof EnumEnt tagEnum)) {
            throw new CheckFailure(info, "discriminator member '" + tagName + "' of " + base + " must be of enum type");
        }
        if (tag.optional) {
            throw new CheckFailure(info, "discriminator member '" + tagName + "' of " + base + " must not be optional");
        }
        if (tag.cond != null) {
            throw new CheckFailure(info, "discriminator member '" + tagName + "' of " + base
                    + " must not be conditional");
        }
        // Discriminator values without an explicit branch get an empty one.
        Set<String> cases = new HashSet<>();
        for (Mem v : u.branches) {
            cases.add(v.name);
        }
        for (Mem value : tagEnum.values) {
            if (!cases.contains(value.name)) {
                u.branches.add(new Mem("branch", value.name, info, value.cond, List.of(), StructDef.EMPTY,
                        false, true, tag.definedIn));
            }
        }
        if (u.branches.isEmpty()) {
            throw new CheckFailure(info, "union has no branches");
        }
        for (Mem v : u.branches) {
            checkMember(v);
            if (!tagEnum.hasValue(v.name)) {
                throw new CheckFailure(info, "branch '" + v.name + "' is not a value of " + tagEnum.describe());
            }
            if (!(v.type instanceof ObjectEnt bt)) {
                throw new CheckFailure(info, v.describe(info) + " cannot use " + v.type.describe());
            }
            checkObject(bt);
        }
    }

    private static final String QNULL = "QTYPE_QNULL";
    private static final String QSTRING = "QTYPE_QSTRING";
    private static final String QNUM = "QTYPE_QNUM";
    private static final String QBOOL = "QTYPE_QBOOL";
    private static final String QDICT = "QTYPE_QDICT";
    private static final String QLIST = "QTYPE_QLIST";

    private static String alternateQtype(TypeEnt t) {
        switch (t.jsonType()) {
            case "null":
                return QNULL;
            case "string":
                return QSTRING;
            case "number":
            case "int":
                return QNUM;
            case "boolean":
                return QBOOL;
            case "object":
                return QDICT;
            case "array":
                return QLIST;
            default:
                return null;
        }
    }

    private void checkAlternate(AlternateEnt a) {
        checkDefinition(a);
        for (Mem v : a.branches) {
            checkMember(v);
        }
        Map<String, Mem> seen = new HashMap<>();
        Map<String, String> typesSeen = new HashMap<>();
        for (Mem v : a.branches) {
            v.checkClash(a.info, seen);
            String qtype = alternateQtype(v.type);
            if (qtype == null) {
                throw new CheckFailure(a.info, v.describe(a.info) + " cannot use " + v.type.describe());
            }
            List<String> conflicting = new ArrayList<>(3);
            conflicting.add(qtype);
            if (qtype.equals(QSTRING)) {
                if (v.type instanceof EnumEnt en) {
                    for (Mem m : en.values) {
                        if (m.name.equals("on") || m.name.equals("off")) {
                            addOnce(conflicting, QBOOL);
                        }
                        if (!m.name.isEmpty() && "-+0123456789.".indexOf(m.name.charAt(0)) >= 0) {
                            addOnce(conflicting, QNUM);
                        }
                    }
                } else {
                    conflicting.add(QNUM);
                    conflicting.add(QBOOL);
                }
            }
            for (String qt : conflicting) {
                String prev = typesSeen.get(qt);
                if (prev != null) {
                    throw new CheckFailure(a.info, v.describe(a.info) + " can't be distinguished from '" + prev + "'");
                }
                typesSeen.put(qt, v.name);
            }
        }
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }

    private ObjectEnt checkArgType(DefEnt d, String argName, boolean boxed) {
        String what = d.meta() + "'s 'data'";
        TypeEnt t = resolveType(argName, d.info, what);
        if (!(t instanceof ObjectEnt o)) {
            throw new CheckFailure(d.info, what + " cannot take " + t.describe());
        }
        if (o.branches != null && !boxed) {
            throw new CheckFailure(d.info, what + " can take " + o.describe() + " only with 'boxed': true");
        }
        checkObject(o);
        if (!boxed) {
            for (Mem m : o.members) {
                if (m.cond != null) {
                    throw new CheckFailure(d.info, "conditional " + d.meta() + " arguments require 'boxed': true");
                }
            }
        }
        return o;
    }

    private void checkCommand(CommandEnt c) {
        checkDefinition(c);
        if (c.argName != null) {
            c.argType = checkArgType(c, c.argName, c.expr.boxed);
        }
        if (c.retName != null) {
            TypeEnt rt = resolveType(c.retName, c.info, "command's 'returns'");
            if (!returnsExceptions.contains(c.name)) {
                TypeEnt t = rt instanceof ArrayEnt ar ? ar.element : rt;
                if (!(t instanceof ObjectEnt)) {
                    throw new CheckFailure(c.info, "command's 'returns' cannot take " + rt.describe());
                }
            }
        }
    }

    private void checkEvent(EventEnt e) {
        checkDefinition(e);
        if (e.argName != null) {
            e.argType = checkArgType(e, e.argName, e.boxed);
        }
    }

    // ---- doc connection ----

    private void connectDoc(DefEnt d) {
        DocComment doc = d.doc;
        if (doc == null) {
            return;
        }
        DocState state = docStates.computeIfAbsent(doc, DocState::new);
        for (Mem f : d.features) {
            state.connectFeature(f);
        }
        if (d instanceof EnumEnt en) {
            connectMembers(state, en.values);
        } else if (d instanceof ObjectEnt o) {
            connectObjectMembers(state, o);
        } else if (d instanceof AlternateEnt a) {
            connectMembers(state, a.branches);
        } else if (d instanceof CommandEnt c) {
            if (c.argType != null && c.argType.isImplicit()) {
                connectObjectMembers(state, c.argType);
            }
        } else if (d instanceof EventEnt e) {
            if (e.argType != null && e.argType.isImplicit()) {
                connectObjectMembers(state, e.argType);
            }
        }
    }

    private void connectObjectMembers(DocState state, ObjectEnt o) {
        if (o.base != null && o.base.isImplicit()) {
            for (Mem f : o.base.features) {
                state.connectFeature(f);
            }
            connectObjectMembers(state, o.base);
        }
        connectMembers(state, o.localMembers);
    }

    private void connectMembers(DocState state, List<Mem> members) {
        for (Mem m : members) {
            state.connectMember(m);
            for (Mem f : m.features) {
                state.connectFeature(f);
            }
        }
    }

    /** The connection state of one doc comment: which descriptions found their member. */
    private final class DocState {
        final DocComment doc;
        final LinkedHashMap<String, Desc> args = new LinkedHashMap<>();
        final LinkedHashMap<String, Desc> features = new LinkedHashMap<>();

        DocState(DocComment doc) {
            this.doc = doc;
            for (DocSection s : doc.sections()) {
                if (s.kind() == DocSection.Kind.MEMBER) {
                    args.putIfAbsent(s.name(), new Desc(s.name(), s.text(), s.info()));
                } else if (s.kind() == DocSection.Kind.FEATURE) {
                    features.putIfAbsent(s.name(), new Desc(s.name(), s.text(), s.info()));
                }
            }
        }

        void connectMember(Mem m) {
            Desc d = args.get(m.name);
            if (d == null) {
                if (!lenientDocs && !documentationExceptions.contains(doc.symbol())) {
                    throw new CheckFailure(m.info, m.role + " '" + m.name + "' lacks documentation");
                }
                d = new Desc(m.name, "", null);
                args.put(m.name, d);
            }
            d.connected = true;
        }

        void connectFeature(Mem f) {
            Desc d = features.get(f.name);
            if (d == null) {
                throw new CheckFailure(f.info, "feature '" + f.name + "' lacks documentation");
            }
            d.connected = true;
        }

        void check() {
            checkConnected(args, "member");
            checkConnected(features, "feature");
        }

        private void checkConnected(Map<String, Desc> descs, String what) {
            List<Desc> bogus = new ArrayList<>();
            for (Desc d : descs.values()) {
                if (!d.connected) {
                    bogus.add(d);
                }
            }
            if (bogus.isEmpty()) {
                return;
            }
            StringBuilder names = new StringBuilder();
            for (Desc d : bogus) {
                names.append(names.length() == 0 ? "'" : ", '").append(d.name).append('\'');
            }
            boolean plural = bogus.size() > 1;
            throw new CheckFailure(bogus.get(0).info, "documented " + what + (plural ? "s " : " ") + names
                    + (plural ? " do not exist" : " does not exist"));
        }

        Documentation freeze() {
            List<Documentation.Description> members = new ArrayList<>(args.size());
            for (Desc d : args.values()) {
                members.add(new Documentation.Description(d.name, d.text, d.info));
            }
            List<Documentation.Description> feats = new ArrayList<>(features.size());
            for (Desc d : features.values()) {
                feats.add(new Documentation.Description(d.name, d.text, d.info));
            }
            List<DocSection> all = doc.sections();
            List<Documentation.Section> sections = new ArrayList<>(all.size() - 1);
            for (int i = 1; i < all.size(); i++) { // doc.otherSections(), without building that list
                DocSection s = all.get(i);
                if (s.kind() != DocSection.Kind.MEMBER && s.kind() != DocSection.Kind.FEATURE) {
                    sections.add(freezeSection(s));
                }
            }
            return new Documentation(doc.info(), doc.symbol(), doc.body().text(), members, feats, sections);
        }
    }

    private static Documentation.Section freezeSection(DocSection s) {
        Documentation.SectionKind kind = switch (s.kind()) {
            case RETURNS -> Documentation.SectionKind.RETURNS;
            case ERRORS -> Documentation.SectionKind.ERRORS;
            case SINCE -> Documentation.SectionKind.SINCE;
            case TODO -> Documentation.SectionKind.TODO;
            case LEGACY_TAG -> Documentation.SectionKind.LEGACY;
            default -> Documentation.SectionKind.PLAIN;
        };
        String tag = switch (kind) {
            case PLAIN -> null;
            case LEGACY -> s.name();
            default -> kind.dumpName();
        };
        return new Documentation.Section(kind, tag, s.text(), s.info());
    }

    private static final class Desc {
        final String name;
        final String text;
        final SourceInfo info;
        boolean connected;

        Desc(String name, String text, SourceInfo info) {
            this.name = name;
            this.text = text;
            this.info = info;
        }
    }

    // ---- modules ----

    private void assignModule(Ent e) {
        if (e instanceof ArrayEnt ar) {
            e.module = moduleOf(ar.element.info);
        } else {
            e.module = moduleOf(e.info);
        }
    }

    private String moduleOf(SourceInfo info) {
        return makeModule(info == null ? null : info.fileName()).name();
    }

    // =====================================================================================
    // Freeze into the model
    // =====================================================================================

    Schema freeze() {
        List<Entity> out = new ArrayList<>(entities.size());
        for (Ent e : entities) {
            out.add(freezeEntity(e));
        }
        List<Documentation> docs = new ArrayList<>(parsed.docs().size());
        for (DocComment d : parsed.docs()) {
            docs.add(docStates.get(d).freeze());
        }
        return new Schema(out, new ArrayList<>(modules.values()), docs, new ArrayList<>(featureNames.keySet()));
    }

    private Entity freezeEntity(Ent e) {
        if (e instanceof IncludeEnt inc) {
            return new Include(inc.includedModule, inc.module, inc.info);
        }
        if (e instanceof BuiltinEnt b) {
            return new BuiltinDef(b.name, b.jsonType);
        }
        if (e instanceof EnumEnt en) {
            List<EnumValue> values = new ArrayList<>(en.values.size());
            for (Mem v : en.values) {
                values.add(new EnumValue(v.name, v.cond, features(v.features), v.info));
            }
            return new EnumDef(en.name, en.info, en.cond, features(en.features), values, en.prefix, en.module);
        }
        if (e instanceof ArrayEnt ar) {
            return new ArrayDef(ar.name, ar.elementName, ar.info, ar.effectiveCond(), ar.module);
        }
        if (e instanceof ObjectEnt o) {
            if (o.branches == null) {
                return new StructDef(o.name, o.info, o.cond, features(o.features), o.baseName,
                        members(o.localMembers), o.isImplicit(), o.module);
            }
            return new UnionDef(o.name, o.info, o.cond, features(o.features), o.baseName, o.tagName,
                    branches(o.branches), o.module);
        }
        if (e instanceof AlternateEnt a) {
            return new AlternateDef(a.name, a.info, a.cond, features(a.features), branches(a.branches), a.module);
        }
        if (e instanceof CommandEnt c) {
            CheckedExpr x = c.expr;
            return new CommandDef(c.name, c.info, c.cond, features(c.features), c.argName, c.retName, x.gen,
                    x.successResponse, x.boxed, x.allowOob, x.allowPreconfig, x.coroutine, c.module);
        }
        EventEnt ev = (EventEnt) e;
        return new EventDef(ev.name, ev.info, ev.cond, features(ev.features), ev.argName, ev.boxed, ev.module);
    }

    private static List<Feature> features(List<Mem> fs) {
        if (fs.isEmpty()) {
            return List.of();
        }
        List<Feature> out = new ArrayList<>(fs.size());
        for (Mem f : fs) {
            out.add(new Feature(f.name, f.cond, f.info));
        }
        return out;
    }

    private static List<Member> members(List<Mem> ms) {
        List<Member> out = new ArrayList<>(ms.size());
        for (Mem m : ms) {
            out.add(new Member(m.name, m.type.name, m.optional, m.cond, features(m.features), m.definedIn, m.info));
        }
        return out;
    }

    private static List<Branch> branches(List<Mem> bs) {
        List<Branch> out = new ArrayList<>(bs.size());
        for (Mem b : bs) {
            out.add(new Branch(b.name, b.type.name, b.cond, b.implicit, b.info));
        }
        return out;
    }
}
