/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.introspect;

import io.github.qapi4j.generator.model.AlternateDef;
import io.github.qapi4j.generator.model.ArrayDef;
import io.github.qapi4j.generator.model.Branch;
import io.github.qapi4j.generator.model.BuiltinDef;
import io.github.qapi4j.generator.model.CommandDef;
import io.github.qapi4j.generator.model.Condition;
import io.github.qapi4j.generator.model.Definition;
import io.github.qapi4j.generator.model.EnumDef;
import io.github.qapi4j.generator.model.EnumValue;
import io.github.qapi4j.generator.model.EventDef;
import io.github.qapi4j.generator.model.Feature;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.model.StructDef;
import io.github.qapi4j.generator.model.TypeDef;
import io.github.qapi4j.generator.model.UnionDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema's introspection data, in QEMU's {@code SchemaInfo} form: what {@code
 * query-qmp-schema} returns.
 *
 * <p>As in QEMU: commands and events first (module by module, in schema order), then every type
 * they reach, in first-use order; type names other than built-ins are replaced by decimal numbers
 * in first-use order unless unmasked; all integer types read as {@code int}; arrays are written
 * {@code [ELEMENT]}; optional members carry {@code "default": null}. Conditional elements keep
 * their condition and are left out when written for a set of defined symbols in which it does
 * not hold, while the numbering stays that of the whole schema, exactly like QEMU's build.
 */
public final class Introspection {

    private final Schema schema;
    private final boolean unmask;
    private final List<InfoTree.Element> trees = new ArrayList<>();
    private final Set<TypeDef> usedTypes = new LinkedHashSet<>();
    private final Map<String, String> names = new HashMap<>();

    private Introspection(Schema schema, boolean unmask) {
        this.schema = schema;
        this.unmask = unmask;
    }

    /**
     * Builds the annotated introspection tree of a schema.
     *
     * @param unmask keep real type names instead of numbers (QEMU's {@code qapi-gen -u})
     */
    public static InfoTree of(Schema schema, boolean unmask) {
        Introspection in = new Introspection(schema, unmask);
        in.build();
        return new InfoTree.Arr(in.trees);
    }

    /** The introspection data as QEMU sends it, for the given set of true conditions. */
    public static String json(Schema schema, boolean unmask, Set<String> defined, boolean pretty) {
        return InfoTree.write(of(schema, unmask), defined, pretty);
    }

    private void build() {
        for (List<Definition> defs : schema.definitionsByModule().values()) {
            for (Definition d : defs) {
                if (d instanceof CommandDef c) {
                    command(c);
                } else if (d instanceof EventDef e) {
                    event(e);
                }
            }
        }
        // the work list grows while it is walked: visit until no new type was used
        List<TypeDef> done = new ArrayList<>();
        while (done.size() < usedTypes.size()) {
            List<TypeDef> pending = new ArrayList<>(usedTypes).subList(done.size(), usedTypes.size());
            for (TypeDef t : List.copyOf(pending)) {
                done.add(t);
                type(t);
            }
        }
    }

    private String name(String typeName) {
        if (unmask) {
            return typeName;
        }
        return names.computeIfAbsent(typeName, n -> Integer.toString(names.size()));
    }

    private String useType(TypeDef type) {
        TypeDef t = type;
        if (t.jsonType().equals("int")) {
            t = schema.type("int");
        } else if (t instanceof ArrayDef a && schema.elementType(a).jsonType().equals("int")) {
            t = schema.type("intList");
        }
        usedTypes.add(t);
        if (t instanceof BuiltinDef) {
            return t.name();
        }
        if (t instanceof ArrayDef a) {
            return "[" + useType(schema.elementType(a)) + "]";
        }
        return name(t.name());
    }

    private String useType(String typeName) {
        return useType(schema.type(typeName == null ? StructDef.EMPTY : typeName));
    }

    private void tree(String name, String metaType, Map<String, InfoTree> obj, Condition condition,
            List<Feature> features) {
        String shown = name;
        if (!metaType.equals("command") && !metaType.equals("event") && !metaType.equals("builtin")
                && !metaType.equals("array")) {
            shown = name(name);
        }
        obj.put("name", new InfoTree.Str(shown));
        obj.put("meta-type", new InfoTree.Str(metaType));
        if (!features.isEmpty()) {
            obj.put("features", features(features));
        }
        trees.add(new InfoTree.Element(new InfoTree.Obj(obj), condition));
    }

    private static InfoTree features(List<Feature> features) {
        List<InfoTree.Element> out = new ArrayList<>(features.size());
        for (Feature f : features) {
            out.add(new InfoTree.Element(new InfoTree.Str(f.name()), f.condition()));
        }
        return new InfoTree.Arr(out);
    }

    private void command(CommandDef c) {
        Map<String, InfoTree> obj = new LinkedHashMap<>();
        obj.put("arg-type", new InfoTree.Str(useType(c.argTypeName())));
        obj.put("ret-type", new InfoTree.Str(useType(c.returnTypeName())));
        if (c.allowOob()) {
            obj.put("allow-oob", new InfoTree.Bool(true));
        }
        tree(c.name(), "command", obj, c.condition(), c.features());
    }

    private void event(EventDef e) {
        Map<String, InfoTree> obj = new LinkedHashMap<>();
        obj.put("arg-type", new InfoTree.Str(useType(e.argTypeName())));
        tree(e.name(), "event", obj, e.condition(), e.features());
    }

    private void type(TypeDef t) {
        if (t instanceof BuiltinDef b) {
            Map<String, InfoTree> obj = new LinkedHashMap<>();
            obj.put("json-type", new InfoTree.Str(b.jsonType()));
            tree(b.name(), "builtin", obj, null, List.of());
        } else if (t instanceof EnumDef e) {
            List<InfoTree.Element> members = new ArrayList<>();
            List<InfoTree.Element> values = new ArrayList<>();
            for (EnumValue v : e.values()) {
                Map<String, InfoTree> m = new LinkedHashMap<>();
                m.put("name", new InfoTree.Str(v.name()));
                if (!v.features().isEmpty()) {
                    m.put("features", features(v.features()));
                }
                members.add(new InfoTree.Element(new InfoTree.Obj(m), v.condition()));
                values.add(new InfoTree.Element(new InfoTree.Str(v.name()), v.condition()));
            }
            Map<String, InfoTree> obj = new LinkedHashMap<>();
            obj.put("members", new InfoTree.Arr(members));
            obj.put("values", new InfoTree.Arr(values));
            tree(e.name(), "enum", obj, e.condition(), e.features());
        } else if (t instanceof ArrayDef a) {
            String element = useType(schema.elementType(a));
            Map<String, InfoTree> obj = new LinkedHashMap<>();
            obj.put("element-type", new InfoTree.Str(element));
            tree("[" + element + "]", "array", obj, a.condition(), List.of());
        } else if (t instanceof StructDef || t instanceof UnionDef) {
            Map<String, InfoTree> obj = new LinkedHashMap<>();
            List<InfoTree.Element> members = new ArrayList<>();
            for (Member m : schema.allMembers(t)) {
                Map<String, InfoTree> mo = new LinkedHashMap<>();
                mo.put("name", new InfoTree.Str(m.name()));
                mo.put("type", new InfoTree.Str(useType(m.typeName())));
                if (m.optional()) {
                    mo.put("default", new InfoTree.Null());
                }
                if (!m.features().isEmpty()) {
                    mo.put("features", features(m.features()));
                }
                members.add(new InfoTree.Element(new InfoTree.Obj(mo), m.condition()));
            }
            obj.put("members", new InfoTree.Arr(members));
            if (t instanceof UnionDef u) {
                obj.put("tag", new InfoTree.Str(u.discriminator()));
                List<InfoTree.Element> variants = new ArrayList<>();
                for (Branch b : u.branches()) {
                    Map<String, InfoTree> vo = new LinkedHashMap<>();
                    vo.put("case", new InfoTree.Str(b.name()));
                    vo.put("type", new InfoTree.Str(useType(b.typeName())));
                    variants.add(new InfoTree.Element(new InfoTree.Obj(vo), b.condition()));
                }
                obj.put("variants", new InfoTree.Arr(variants));
            }
            tree(t.name(), "object", obj, t.condition(), t.features());
        } else if (t instanceof AlternateDef a) {
            List<InfoTree.Element> members = new ArrayList<>();
            for (Branch b : a.branches()) {
                Map<String, InfoTree> mo = new LinkedHashMap<>();
                mo.put("type", new InfoTree.Str(useType(b.typeName())));
                members.add(new InfoTree.Element(new InfoTree.Obj(mo), b.condition()));
            }
            Map<String, InfoTree> obj = new LinkedHashMap<>();
            obj.put("members", new InfoTree.Arr(members));
            tree(a.name(), "alternate", obj, a.condition(), a.features());
        }
    }
}
