/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked QAPI schema: every entity in QEMU's creation order (built-ins first, implicit types
 * right before the definition that needed them, arrays at their first use), the modules in
 * creation order, and the documentation blocks in reading order.
 *
 * <p>Immutable. References between definitions are by name; {@link #type(String)} and friends
 * resolve them (every reference is known to resolve once the schema is checked).
 */
public final class Schema {

    private final List<Entity> entities;
    private final List<Definition> definitions;
    private final Map<String, Definition> byName;
    private final List<Module> modules;
    private final List<Documentation> docs;
    private final Map<String, Documentation> docsBySymbol;
    private final List<String> featureNames;

    /**
     * @param entities every entity in creation order
     * @param modules the modules in creation order
     * @param docs the documentation blocks in reading order
     * @param featureNames every distinct feature name, {@code deprecated} and {@code unstable} first
     */
    public Schema(List<Entity> entities, List<Module> modules, List<Documentation> docs, List<String> featureNames) {
        this.entities = List.copyOf(entities);
        List<Definition> defs = new ArrayList<>(entities.size());
        Map<String, Definition> map = new HashMap<>(entities.size() * 2);
        for (Entity e : entities) {
            if (e instanceof Definition d) {
                defs.add(d);
                map.put(d.name(), d);
            }
        }
        this.definitions = Collections.unmodifiableList(defs);
        this.byName = Collections.unmodifiableMap(map);
        this.modules = List.copyOf(modules);
        this.docs = List.copyOf(docs);
        Map<String, Documentation> ds = new HashMap<>(docs.size() * 2);
        for (Documentation d : docs) {
            if (d.symbol() != null) {
                ds.put(d.symbol(), d);
            }
        }
        this.docsBySymbol = Collections.unmodifiableMap(ds);
        this.featureNames = List.copyOf(featureNames);
    }

    /** Every entity (definitions and include directives) in creation order. */
    public List<Entity> entities() {
        return entities;
    }

    /** Every definition, built-in and implicit ones included, in creation order. */
    public List<Definition> definitions() {
        return definitions;
    }

    /** The definitions written in the schema (no built-in or implicit ones), in order. */
    public List<Definition> explicitDefinitions() {
        return definitions.stream().filter(d -> !d.isImplicit()).toList();
    }

    /** Every definition of the given kind, in creation order. */
    public <T extends Definition> List<T> definitions(Class<T> kind) {
        return definitions.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The modules in creation order: {@code ./builtin}, the root file, then included files. */
    public List<Module> modules() {
        return modules;
    }

    /** The entities of module {@code moduleName}, in creation order. */
    public List<Entity> entitiesOf(String moduleName) {
        return entities.stream().filter(e -> e.module().equals(moduleName)).toList();
    }

    /** All documentation blocks, free-form ones included, in reading order. */
    public List<Documentation> docs() {
        return docs;
    }

    /** The documentation of the definition called {@code name}, if any. */
    public Optional<Documentation> docFor(String name) {
        return Optional.ofNullable(docsBySymbol.get(name));
    }

    /** Every distinct feature name used, {@code deprecated} and {@code unstable} first. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The definition called {@code name}, if any. */
    public Optional<Definition> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The definition called {@code name} if it is a {@code kind}. */
    public <T extends Definition> Optional<T> lookup(String name, Class<T> kind) {
        Definition d = byName.get(name);
        return kind.isInstance(d) ? Optional.of(kind.cast(d)) : Optional.empty();
    }

    /**
     * Resolves a type reference.
     *
     * @throws IllegalArgumentException if there is no such type (cannot happen for names taken
     *     from this schema)
     */
    public TypeDef type(String name) {
        if (byName.get(name) instanceof TypeDef t) {
            return t;
        }
        throw new IllegalArgumentException("no type '" + name + "'");
    }

    /**
     * Every member of a struct or union, base members (recursively) first, then local ones, in
     * wire order. For a union these are the common members, the discriminator among them.
     */
    public List<Member> allMembers(TypeDef objectType) {
        List<Member> out = new ArrayList<>();
        collectMembers(objectType, out, 0);
        return out;
    }

    private void collectMembers(TypeDef t, List<Member> out, int depth) {
        if (depth > byName.size()) {
            return; // cannot happen in a checked schema; guards against cycles
        }
        if (t instanceof StructDef s) {
            if (s.baseName() != null) {
                collectMembers(type(s.baseName()), out, depth + 1);
            }
            out.addAll(s.members());
        } else if (t instanceof UnionDef u) {
            collectMembers(type(u.baseName()), out, depth + 1);
        }
    }

    /** The discriminator member of a union. */
    public Member discriminatorMember(UnionDef union) {
        for (Member m : allMembers(union)) {
            if (m.name().equals(union.discriminator())) {
                return m;
            }
        }
        throw new IllegalStateException("union " + union.name() + " has no discriminator member");
    }

    /** The arguments of a command: the members of its argument type, or none. */
    public List<Member> arguments(CommandDef command) {
        return command.argTypeName() == null ? List.of() : allMembers(type(command.argTypeName()));
    }

    /** The data members of an event: the members of its argument type, or none. */
    public List<Member> arguments(EventDef event) {
        return event.argTypeName() == null ? List.of() : allMembers(type(event.argTypeName()));
    }

    /** The element type of an array type. */
    public TypeDef elementType(ArrayDef array) {
        return type(array.elementTypeName());
    }

    /** Definitions grouped by module, modules in creation order. */
    public Map<Module, List<Definition>> definitionsByModule() {
        Map<Module, List<Definition>> out = new LinkedHashMap<>();
        Map<String, Module> names = new HashMap<>();
        for (Module m : modules) {
            out.put(m, new ArrayList<>());
            names.put(m.name(), m);
        }
        for (Definition d : definitions) {
            out.get(names.get(d.module())).add(d);
        }
        return out;
    }
}
