/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.dump;

import io.github.qapi4j.generator.model.AlternateDef;
import io.github.qapi4j.generator.model.ArrayDef;
import io.github.qapi4j.generator.model.Branch;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a checked schema exactly as QEMU's {@code tests/qapi-schema/test-qapi.py} prints it:
 * the entities module by module, then every doc block.
 */
public final class SchemaDump {

    private SchemaDump() {}

    /** The whole dump: entities, then docs. */
    public static String render(Schema schema) {
        StringBuilder sb = new StringBuilder(1 << 16);
        renderEntities(schema, sb);
        renderDocs(schema, sb);
        return sb.toString();
    }

    private static void renderEntities(Schema schema, StringBuilder sb) {
        Map<String, List<Entity>> byModule = new HashMap<>();
        for (Module m : schema.modules()) {
            byModule.put(m.name(), new ArrayList<>());
        }
        for (Entity e : schema.entities()) {
            byModule.computeIfAbsent(e.module(), k -> new ArrayList<>()).add(e);
        }
        for (Module m : schema.modules()) {
            sb.append("module ").append(m.name()).append('\n');
            for (Entity e : byModule.get(m.name())) {
                entity(e, sb);
            }
        }
    }

    private static void entity(Entity e, StringBuilder sb) {
        if (e instanceof Include inc) {
            sb.append("include ").append(inc.includedModule()).append('\n');
        } else if (e instanceof ArrayDef a) {
            if (a.info() == null) {
                return; // built-in arrays are not printed
            }
            sb.append("array ").append(a.name()).append(' ').append(a.elementTypeName()).append('\n');
            cond(a.condition(), 4, sb);
        } else if (e instanceof EnumDef en) {
            sb.append("enum ").append(en.name()).append('\n');
            if (en.prefix() != null && !en.prefix().isEmpty()) {
                sb.append("    prefix ").append(en.prefix()).append('\n');
            }
            for (EnumValue v : en.values()) {
                sb.append("    member ").append(v.name()).append('\n');
                cond(v.condition(), 8, sb);
                features(v.features(), 8, sb);
            }
            cond(en.condition(), 4, sb);
            features(en.features(), 4, sb);
        } else if (e instanceof StructDef s) {
            sb.append("object ").append(s.name()).append('\n');
            if (s.baseName() != null) {
                sb.append("    base ").append(s.baseName()).append('\n');
            }
            for (Member m : s.members()) {
                sb.append("    member ").append(m.name()).append(": ").append(m.typeName())
                        .append(" optional=").append(py(m.optional())).append('\n');
                cond(m.condition(), 8, sb);
                features(m.features(), 8, sb);
            }
            cond(s.condition(), 4, sb);
            features(s.features(), 4, sb);
        } else if (e instanceof UnionDef u) {
            sb.append("object ").append(u.name()).append('\n');
            sb.append("    base ").append(u.baseName()).append('\n');
            sb.append("    tag ").append(u.discriminator()).append('\n');
            branches(u.branches(), sb);
            cond(u.condition(), 4, sb);
            features(u.features(), 4, sb);
        } else if (e instanceof AlternateDef a) {
            sb.append("alternate ").append(a.name()).append('\n');
            sb.append("    tag type\n");
            branches(a.branches(), sb);
            cond(a.condition(), 4, sb);
            features(a.features(), 4, sb);
        } else if (e instanceof CommandDef c) {
            sb.append("command ").append(c.name()).append(' ').append(orNone(c.argTypeName()))
                    .append(" -> ").append(orNone(c.returnTypeName())).append('\n');
            sb.append("    gen=").append(py(c.gen()))
                    .append(" success_response=").append(py(c.successResponse()))
                    .append(" boxed=").append(py(c.boxed()))
                    .append(" oob=").append(py(c.allowOob()))
                    .append(" preconfig=").append(py(c.allowPreconfig()))
                    .append(c.coroutine() ? " coroutine=True" : "").append('\n');
            cond(c.condition(), 4, sb);
            features(c.features(), 4, sb);
        } else if (e instanceof EventDef ev) {
            sb.append("event ").append(ev.name()).append(' ').append(orNone(ev.argTypeName())).append('\n');
            sb.append("    boxed=").append(py(ev.boxed())).append('\n');
            cond(ev.condition(), 4, sb);
            features(ev.features(), 4, sb);
        }
        // built-in scalar types print nothing
    }

    private static void branches(List<Branch> branches, StringBuilder sb) {
        for (Branch b : branches) {
            sb.append("    case ").append(b.name()).append(": ").append(b.typeName()).append('\n');
            cond(b.condition(), 8, sb);
        }
    }

    private static void cond(Condition c, int indent, StringBuilder sb) {
        if (c != null) {
            sb.append(" ".repeat(indent)).append("if ").append(c.dumpString()).append('\n');
        }
    }

    private static void features(List<Feature> features, int indent, StringBuilder sb) {
        for (Feature f : features) {
            sb.append(" ".repeat(indent)).append("feature ").append(f.name()).append('\n');
            cond(f.condition(), indent + 4, sb);
        }
    }

    /** Python's rendering of an absent type. */
    private static String orNone(String typeName) {
        return typeName == null ? "None" : typeName;
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private static void renderDocs(Schema schema, StringBuilder sb) {
        for (Documentation d : schema.docs()) {
            if (d.symbol() != null) {
                sb.append("doc symbol=").append(d.symbol()).append('\n');
            } else {
                sb.append("doc freeform\n");
            }
            sb.append("    body=\n").append(d.body()).append('\n');
            for (Documentation.Description a : d.members()) {
                sb.append("    arg=").append(a.name()).append('\n').append(a.text()).append('\n');
            }
            for (Documentation.Description f : d.features()) {
                sb.append("    feature=").append(f.name()).append('\n').append(f.text()).append('\n');
            }
            for (Documentation.Section s : d.sections()) {
                String kind = s.kind() == Documentation.SectionKind.LEGACY ? s.tag() : s.kind().dumpName();
                sb.append("    section=").append(kind).append('\n').append(s.text()).append('\n');
            }
        }
    }
}
