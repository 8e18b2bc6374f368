/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import io.github.qapi4j.generator.check.CheckedExpr.BranchSpec;
import io.github.qapi4j.generator.check.CheckedExpr.FeatureSpec;
import io.github.qapi4j.generator.check.CheckedExpr.MemberSpec;
import io.github.qapi4j.generator.check.CheckedExpr.TypeRef;
import io.github.qapi4j.generator.check.CheckedExpr.ValueSpec;
import io.github.qapi4j.generator.model.Condition;
import io.github.qapi4j.generator.parse.ArrayValue;
import io.github.qapi4j.generator.parse.BoolValue;
import io.github.qapi4j.generator.parse.DocComment;
import io.github.qapi4j.generator.parse.DocSection;
import io.github.qapi4j.generator.parse.ObjectValue;
import io.github.qapi4j.generator.parse.Pragmas;
import io.github.qapi4j.generator.parse.StringValue;
import io.github.qapi4j.generator.parse.TopLevel;
import io.github.qapi4j.generator.parse.Value;
import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.SourceInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Phase 2, the expression checks (QEMU's {@code expr.py}): context-free shape and naming checks
 * of each top-level definition, in the order QEMU makes them, and de-sugaring into {@link
 * CheckedExpr}. Each definition stops at its first error; the phase goes on with the next
 * definition, so several diagnostics may be collected, the first being QEMU's.
 */
final class ExprChecker {

    private static final List<String> MEMBER_REQUIRED = List.of("type");
    private static final List<String> MEMBER_OPTIONAL = List.of("if", "features");
    private static final List<String> VALUE_REQUIRED = List.of("name");
    private static final List<String> VALUE_OPTIONAL = List.of("if", "features");

    private static final List<String> ENUM_REQUIRED = List.of("enum", "data");
    private static final List<String> ENUM_OPTIONAL = List.of("if", "features", "prefix");
    private static final List<String> UNION_REQUIRED = List.of("union", "base", "discriminator", "data");
    private static final List<String> UNION_OPTIONAL = List.of("if", "features");
    private static final List<String> ALTERNATE_REQUIRED = List.of("alternate", "data");
    private static final List<String> ALTERNATE_OPTIONAL = List.of("if", "features");
    private static final List<String> STRUCT_REQUIRED = List.of("struct", "data");
    private static final List<String> STRUCT_OPTIONAL = List.of("base", "if", "features");
    private static final List<String> EVENT_REQUIRED = List.of("event");
    private static final List<String> EVENT_OPTIONAL = List.of("data", "boxed", "if", "features");
    private static final List<String> COMMAND_REQUIRED = List.of("command");
    private static final List<String> COMMAND_OPTIONAL = List.of("data", "returns", "boxed", "if",
            "features", "gen", "success-response", "allow-oob", "allow-preconfig", "coroutine");
    private static final List<String> FEATURE_REQUIRED = List.of("name");
    private static final List<String> FEATURE_OPTIONAL = List.of("if");
    private static final List<String> BRANCH_REQUIRED = List.of("type");
    private static final List<String> BRANCH_OPTIONAL = List.of("if");
    private static final List<String> METAS = List.of("enum", "struct", "union", "alternate", "command", "event");

    private final Pragmas pragmas;
    private final boolean lenientDocs;
    private final Set<String> memberNameExceptions;
    private final Set<String> commandNameExceptions;

    ExprChecker(Pragmas pragmas, boolean lenientDocs) {
        this.pragmas = pragmas;
        this.lenientDocs = lenientDocs;
        this.memberNameExceptions = new HashSet<>(pragmas.memberNameExceptions());
        this.commandNameExceptions = new HashSet<>(pragmas.commandNameExceptions());
    }

    /** Checks every expression; returns the checked ones, adding errors to {@code errors}. */
    List<CheckedExpr> check(List<TopLevel> exprs, List<Diagnostic> errors) {
        List<CheckedExpr> out = new ArrayList<>(exprs.size());
        for (TopLevel t : exprs) {
            if (t instanceof TopLevel.Include inc) {
                out.add(new CheckedExpr("include", inc.fileName(), inc.info(), null));
                continue;
            }
            TopLevel.Definition d = (TopLevel.Definition) t;
            try {
                out.add(checkDefinition(d.expr(), d.info(), d.doc()));
            } catch (CheckFailure f) {
                errors.add(f.diagnostic);
            }
        }
        return out;
    }

    private CheckedExpr checkDefinition(ObjectValue expr, SourceInfo info0, DocComment doc) {
        String meta = null;
        int metaCount = 0;
        for (String k : expr.keys()) { // an expression has a few keys; METAS are six lookups
            String m = meta(k);
            if (m != null) {
                meta = m;
                metaCount++;
            }
        }
        if (metaCount != 1) {
            throw new CheckFailure(info0, "expression must have exactly one key"
                    + " 'enum', 'struct', 'union', 'alternate', 'command', 'event'");
        }
        String name = requireStringName(expr.get(meta), info0, "'" + meta + "'");
        SourceInfo info = info0.withDefinition(meta, name);
        checkDefinitionName(name, info, meta);

        if (doc != null) {
            if (!name.equals(doc.symbol())) {
                throw new CheckFailure(info, "documentation comment is for '" + doc.symbol() + "'");
            }
            checkDocAgainstExpr(doc, meta, expr);
        } else if (pragmas.docRequired()) {
            throw new CheckFailure(info, "documentation comment required");
        }

        CheckedExpr ce = new CheckedExpr(meta, name, info, doc);
        switch (meta) {
            case "enum" -> {
                checkKeys(expr, info, meta, ENUM_REQUIRED, ENUM_OPTIONAL);
                checkEnum(ce, expr);
            }
            case "union" -> {
                checkKeys(expr, info, meta, UNION_REQUIRED, UNION_OPTIONAL);
                checkUnion(ce, expr);
            }
            case "alternate" -> {
                checkKeys(expr, info, meta, ALTERNATE_REQUIRED, ALTERNATE_OPTIONAL);
                checkAlternate(ce, expr);
            }
            case "struct" -> {
                checkKeys(expr, info, meta, STRUCT_REQUIRED, STRUCT_OPTIONAL);
                ce.members = checkImplicitType(expr.get("data"), info, "'data'", name);
                ce.typeName = checkTypeName(expr.get("base"), info, "'base'");
            }
            case "command" -> {
                checkKeys(expr, info, meta, COMMAND_REQUIRED, COMMAND_OPTIONAL);
                checkArguments(ce, expr);
                ce.returns = checkTypeNameOrArray(expr.get("returns"), info, "'returns'");
            }
            case "event" -> {
                checkKeys(expr, info, meta, EVENT_REQUIRED, EVENT_OPTIONAL);
                checkArguments(ce, expr);
            }
            default -> throw new IllegalStateException(meta);
        }
        ce.condition = checkIf(expr.get("if"), info, meta);
        ce.features = checkFeatures(expr.get("features"), info);
        checkFlags(ce, expr, info);
        return ce;
    }

    /** The definition keyword {@code key} is (one of {@link #METAS}), or null. */
    private static String meta(String key) {
        return switch (key) {
            case "enum" -> "enum";
            case "struct" -> "struct";
            case "union" -> "union";
            case "alternate" -> "alternate";
            case "command" -> "command";
            case "event" -> "event";
            default -> null;
        };
    }

    // ---- names ----

    private static String requireStringName(Value v, SourceInfo info, String source) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        throw new CheckFailure(info, source + " requires a string name");
    }

    private static String checkNameStr(String name, SourceInfo info, String source) {
        String stem = Names.stem(name);
        if (stem == null) {
            throw new CheckFailure(info, source + " has an invalid name");
        }
        return stem;
    }

    private static void checkNameUpper(String name, SourceInfo info, String source) {
        String stem = checkNameStr(name, info, source);
        if (Names.hasLowerOrDash(stem)) {
            throw new CheckFailure(info, "name of " + source + " must not use lowercase or '-'");
        }
    }

    private static void checkNameLower(String name, SourceInfo info, String source,
            boolean permitUpper, boolean permitUnderscore) {
        if (nameLowerOk(name, permitUpper, permitUnderscore)) {
            return;
        }
        checkNameStr(name, info, source); // an invalid name is reported as such first
        throw new CheckFailure(info, "name of " + source + " must not use uppercase or '_'");
    }

    /**
     * The rule {@link #checkNameLower} enforces, without a message: callers on hot paths test it
     * first and build the message (the source text) only for a name that fails.
     */
    private static boolean nameLowerOk(String name, boolean permitUpper, boolean permitUnderscore) {
        String stem = Names.stem(name);
        return stem != null && (permitUpper || !Names.hasUpper(stem))
                && (permitUnderscore || stem.indexOf('_') < 0);
    }

    /**
     * Whether a member name is reserved: its {@link Names#mangle mangled} form is {@code u} or
     * starts with {@code has_}. Only {@code u} mangles to {@code u}, and mangling keeps letters and
     * turns a character outside {@code [A-Za-z0-9]} (or {@code _}) into {@code _}.
     */
    static boolean isReservedMemberName(String name) {
        if (name.length() == 1) {
            return name.charAt(0) == 'u';
        }
        return name.length() >= 4 && name.startsWith("has") && !Names.isAsciiLetterOrDigit(name.charAt(3));
    }

    private static void checkNameCamel(String name, SourceInfo info, String source) {
        String stem = checkNameStr(name, info, source);
        if (!Names.isCamel(stem)) {
            throw new CheckFailure(info, "name of " + source + " must use CamelCase");
        }
    }

    private void checkDefinitionName(String name, SourceInfo info, String meta) {
        switch (meta) {
            case "event" -> checkNameUpper(name, info, meta);
            case "command" -> checkNameLower(name, info, meta, false, commandNameExceptions.contains(name));
            default -> {
                checkNameCamel(name, info, meta);
                if (name.endsWith("List")) {
                    throw new CheckFailure(info, meta + " name should not end in 'List'");
                }
            }
        }
    }

    // ---- docs ----

    private void checkDocAgainstExpr(DocComment doc, String meta, ObjectValue expr) {
        DocSection returns = null;
        DocSection errors = null;
        for (DocSection s : doc.sections()) {
            if (s.kind() == DocSection.Kind.RETURNS && returns == null) {
                returns = s;
            } else if (s.kind() == DocSection.Kind.ERRORS && errors == null) {
                errors = s;
            }
        }
        if (meta.equals("command")) {
            if (returns != null && !expr.has("returns") && !lenientDocs) {
                throw new CheckFailure(returns.info(), "'Returns' section, but command doesn't return anything");
            }
        } else {
            if (returns != null) {
                throw new CheckFailure(returns.info(), "'Returns' section is only valid for commands");
            }
            if (errors != null) {
                throw new CheckFailure(errors.info(), "'Errors' section is only valid for commands");
            }
        }
    }

    // ---- keys ----

    private static String quotedSorted(Collection<String> names) {
        return new TreeSet<>(names).stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    private static void checkKeys(ObjectValue value, SourceInfo info, String source,
            List<String> required, List<String> optional) {
        if (keysOk(value, required, optional)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!value.has(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new CheckFailure(info, source + " misses key" + (missing.size() > 1 ? "s " : " ")
                    + quotedSorted(missing));
        }
        List<String> unknown = new ArrayList<>();
        for (String k : value.keys()) {
            if (!required.contains(k) && !optional.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> allowed = new ArrayList<>(required);
            allowed.addAll(optional);
            throw new CheckFailure(info, source + " has unknown key" + (unknown.size() > 1 ? "s " : " ")
                    + quotedSorted(unknown) + "\nValid keys are " + quotedSorted(allowed) + ".");
        }
    }

    /** The common case, without allocation: every required key present, no unknown key. */
    private static boolean keysOk(ObjectValue value, List<String> required, List<String> optional) {
        int found = 0;
        for (String r : required) {
            if (!value.has(r)) {
                return false;
            }
            found++;
        }
        for (String o : optional) {
            if (value.has(o)) {
                found++;
            }
        }
        return found == value.size();
    }

    // ---- flags ----

    private static void checkFlags(CheckedExpr ce, ObjectValue expr, SourceInfo info) {
        boolean anyFlag = false;
        for (String k : expr.keys()) {
            if (isFlag(k)) {
                anyFlag = true;
                break;
            }
        }
        if (!anyFlag) { // the common case: no flag key, nothing to check, every flag at its default
            ce.gen = true;
            ce.successResponse = true;
            ce.boxed = false;
            ce.allowOob = false;
            ce.allowPreconfig = false;
            ce.coroutine = false;
            return;
        }
        for (String key : List.of("gen", "success-response")) {
            Value v = expr.get(key);
            if (v != null && !(v instanceof BoolValue b && !b.value())) {
                throw new CheckFailure(info, "flag '" + key + "' may only use false value");
            }
        }
        for (String key : List.of("boxed", "allow-oob", "allow-preconfig", "coroutine")) {
            Value v = expr.get(key);
            if (v != null && !(v instanceof BoolValue b && b.value())) {
                throw new CheckFailure(info, "flag '" + key + "' may only use true value");
            }
        }
        if (expr.has("allow-oob") && expr.has("coroutine")) {
            throw new CheckFailure(info, "flags 'allow-oob' and 'coroutine' are incompatible");
        }
        ce.gen = !expr.has("gen");
        ce.successResponse = !expr.has("success-response");
        ce.boxed = expr.has("boxed");
        ce.allowOob = expr.has("allow-oob");
        ce.allowPreconfig = expr.has("allow-preconfig");
        ce.coroutine = expr.has("coroutine");
    }

    private static boolean isFlag(String key) {
        return switch (key) {
            case "gen", "success-response", "boxed", "allow-oob", "allow-preconfig", "coroutine" -> true;
            default -> false;
        };
    }

    // ---- conditions ----

    /** Checks an optional {@code 'if'} value and converts it; null when absent. */
    static Condition checkIf(Value cond, SourceInfo info, String source) {
        if (cond == null) {
            return null;
        }
        return checkCondition(cond, info, source);
    }

    private static Condition checkCondition(Value cond, SourceInfo info, String source) {
        if (cond instanceof StringValue s) {
            if (!Names.isConditionName(s.value())) {
                throw new CheckFailure(info, "'if' condition '" + s.value() + "' of " + source
                        + " is not a valid identifier");
            }
            return new Condition.Name(s.value());
        }
        if (!(cond instanceof ObjectValue o)) {
            throw new CheckFailure(info, "'if' condition of " + source + " must be a string or an object");
        }
        checkKeys(o, info, "'if' condition of " + source, List.of(), List.of("all", "any", "not"));
        if (o.size() != 1) {
            throw new CheckFailure(info, "'if' condition of " + source + " has conflicting keys");
        }
        if (o.has("not")) {
            return new Condition.Not(checkCondition(o.get("not"), info, source));
        }
        String op = o.has("all") ? "all" : "any";
        if (!(o.get(op) instanceof ArrayValue a)) {
            throw new CheckFailure(info, "'" + op + "' condition of " + source + " must be an array");
        }
        if (a.elements().isEmpty()) {
            throw new CheckFailure(info, "'if' condition [] of " + source + " is useless");
        }
        List<Condition> operands = new ArrayList<>(a.elements().size());
        for (Value v : a.elements()) {
            operands.add(checkCondition(v, info, source));
        }
        return op.equals("all") ? new Condition.All(operands) : new Condition.Any(operands);
    }

    // ---- features ----

    private static List<FeatureSpec> checkFeatures(Value features, SourceInfo info) {
        if (features == null) {
            return List.of();
        }
        if (!(features instanceof ArrayValue a)) {
            throw new CheckFailure(info, "'features' must be an array");
        }
        List<FeatureSpec> out = new ArrayList<>(a.elements().size());
        for (Value v : a.elements()) {
            ObjectValue f = v instanceof ObjectValue o ? o : new ObjectValue(Map.of("name", v), v.line());
            String source = "'features' member";
            checkKeys(f, info, source, FEATURE_REQUIRED, FEATURE_OPTIONAL);
            String name = requireStringName(f.get("name"), info, source);
            Value cond = f.get("if");
            if (cond == null && nameLowerOk(name, false, false)) {
                out.add(new FeatureSpec(name, null)); // the common case: no message to build
                continue;
            }
            source = source + " '" + name + "'";
            checkNameLower(name, info, source, false, false);
            out.add(new FeatureSpec(name, checkIf(cond, info, source)));
        }
        return out;
    }

    // ---- type references ----

    private static String checkTypeName(Value v, SourceInfo info, String source) {
        if (v == null) {
            return null;
        }
        if (v instanceof StringValue s) {
            return s.value();
        }
        throw new CheckFailure(info, source + " should be a type name");
    }

    private static TypeRef checkTypeNameOrArray(Value v, SourceInfo info, String source) {
        if (v == null) {
            return null;
        }
        if (v instanceof StringValue s) {
            return new TypeRef(s.value(), false);
        }
        if (!(v instanceof ArrayValue a)) {
            throw new CheckFailure(info, source + " should be a type name or array");
        }
        if (a.elements().size() != 1 || !(a.elements().get(0) instanceof StringValue s)) {
            throw new CheckFailure(info, source + ": array type must contain single type name");
        }
        return new TypeRef(s.value(), true);
    }

    /** The members of an inline object type ({@code 'data'} of a struct, a union's inline base, ...). */
    private List<MemberSpec> checkImplicitType(Value value, SourceInfo info, String source, String parentName) {
        if (!(value instanceof ObjectValue members)) {
            throw new CheckFailure(info, source + " should be an object or type name");
        }
        boolean permissive = parentName != null && memberNameExceptions.contains(parentName);
        List<MemberSpec> out = new ArrayList<>(members.size());
        for (Map.Entry<String, Value> e : members.members().entrySet()) {
            String key = e.getKey();
            boolean optional = key.startsWith("*");
            String name = optional ? key.substring(1) : key;
            Value v = e.getValue();
            if (v instanceof StringValue sv && nameLowerOk(name, permissive, permissive)
                    && !isReservedMemberName(name)) {
                // the common case, a valid name and a plain type name: no message to build
                out.add(new MemberSpec(name, optional, new TypeRef(sv.value(), false), null, List.of()));
                continue;
            }
            String keySource = source + " member '" + key + "'";
            checkNameLower(name, info, keySource, permissive, permissive);
            if (isReservedMemberName(name)) {
                throw new CheckFailure(info, keySource + " uses reserved name");
            }
            if (!(v instanceof ObjectValue arg)) {
                out.add(new MemberSpec(name, optional, checkTypeNameOrArray(v, info, keySource), null, List.of()));
                continue;
            }
            checkKeys(arg, info, keySource, MEMBER_REQUIRED, MEMBER_OPTIONAL);
            Condition cond = checkIf(arg.get("if"), info, keySource);
            List<FeatureSpec> features = checkFeatures(arg.get("features"), info);
            TypeRef type = checkTypeNameOrArray(arg.get("type"), info, keySource);
            out.add(new MemberSpec(name, optional, type, cond, features));
        }
        return out;
    }

    /** De-sugars a bare value into {@code {key: value}}; objects stay as they are. */
    private static ObjectValue normalized(Value v, String key) {
        return v instanceof ObjectValue o ? o : new ObjectValue(Map.of(key, v), v.line());
    }

    // ---- kinds ----

    private void checkEnum(CheckedExpr ce, ObjectValue expr) {
        SourceInfo info = ce.info;
        if (!(expr.get("data") instanceof ArrayValue data)) {
            throw new CheckFailure(info, "'data' must be an array");
        }
        Value prefix = expr.get("prefix");
        if (prefix != null && !(prefix instanceof StringValue)) {
            throw new CheckFailure(info, "'prefix' must be a string");
        }
        ce.prefix = prefix == null ? null : ((StringValue) prefix).value();
        boolean permissive = memberNameExceptions.contains(ce.name);
        List<ValueSpec> values = new ArrayList<>(data.elements().size());
        for (Value v : data.elements()) {
            if (v instanceof StringValue sv && !sv.value().isEmpty() && !Character.isDigit(sv.value().charAt(0))) {
                // the common bare value: only the name to check (the message built only on failure)
                if (!nameLowerOk(sv.value(), permissive, permissive)) {
                    checkNameLower(sv.value(), info, "'data' member '" + sv.value() + "'", permissive, permissive);
                }
                values.add(new ValueSpec(sv.value(), null, List.of()));
                continue;
            }
            ObjectValue member = normalized(v, "name");
            String source = "'data' member";
            checkKeys(member, info, source, VALUE_REQUIRED, VALUE_OPTIONAL);
            String name = requireStringName(member.get("name"), info, source);
            source = source + " '" + name + "'";
            // Enum values may start with a digit: check the rest as if it were a letter.
            String checked = !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "d" + name : name;
            checkNameLower(checked, info, source, permissive, permissive);
            Condition cond = checkIf(member.get("if"), info, source);
            List<FeatureSpec> features = checkFeatures(member.get("features"), info);
            values.add(new ValueSpec(name, cond, features));
        }
        ce.values = values;
    }

    private void checkUnion(CheckedExpr ce, ObjectValue expr) {
        SourceInfo info = ce.info;
        Value base = expr.get("base");
        if (base instanceof StringValue s) {
            ce.typeName = s.value();
        } else {
            ce.inlineBase = checkImplicitType(base, info, "'base'", ce.name);
        }
        ce.discriminator = requireStringName(expr.get("discriminator"), info, "'discriminator'");
        if (!(expr.get("data") instanceof ObjectValue data)) {
            throw new CheckFailure(info, "'data' must be an object");
        }
        List<BranchSpec> branches = new ArrayList<>(data.size());
        for (Map.Entry<String, Value> e : data.members().entrySet()) {
            if (e.getValue() instanceof StringValue sv) { // the common bare type name: nothing to check
                branches.add(new BranchSpec(e.getKey(), new TypeRef(sv.value(), false), null));
                continue;
            }
            String source = "'data' member '" + e.getKey() + "'";
            ObjectValue value = normalized(e.getValue(), "type");
            checkKeys(value, info, source, BRANCH_REQUIRED, BRANCH_OPTIONAL);
            Condition cond = checkIf(value.get("if"), info, source);
            String type = checkTypeName(value.get("type"), info, source);
            branches.add(new BranchSpec(e.getKey(), new TypeRef(type, false), cond));
        }
        ce.branches = branches;
    }

    private void checkAlternate(CheckedExpr ce, ObjectValue expr) {
        SourceInfo info = ce.info;
        Value data0 = expr.get("data");
        if (!truthy(data0)) {
            throw new CheckFailure(info, "'data' must not be empty");
        }
        if (!(data0 instanceof ObjectValue data)) {
            throw new CheckFailure(info, "'data' must be an object");
        }
        List<BranchSpec> branches = new ArrayList<>(data.size());
        for (Map.Entry<String, Value> e : data.members().entrySet()) {
            if (e.getValue() instanceof StringValue sv && nameLowerOk(e.getKey(), false, false)) {
                // the common case, a valid name and a bare type name: no message to build
                branches.add(new BranchSpec(e.getKey(), new TypeRef(sv.value(), false), null));
                continue;
            }
            String source = "'data' member '" + e.getKey() + "'";
            checkNameLower(e.getKey(), info, source, false, false);
            ObjectValue value = normalized(e.getValue(), "type");
            checkKeys(value, info, source, BRANCH_REQUIRED, BRANCH_OPTIONAL);
            Condition cond = checkIf(value.get("if"), info, source);
            TypeRef type = checkTypeNameOrArray(value.get("type"), info, source);
            branches.add(new BranchSpec(e.getKey(), type, cond));
        }
        ce.branches = branches;
    }

    /** {@code 'data'} and {@code 'boxed'} of a command or event. */
    private void checkArguments(CheckedExpr ce, ObjectValue expr) {
        SourceInfo info = ce.info;
        Value args = expr.get("data");
        if (truthy(expr.get("boxed"))) {
            if (args == null) {
                throw new CheckFailure(info, "'boxed': true requires 'data'");
            }
            ce.typeName = checkTypeName(args, info, "'data'");
        } else if (args == null) {
            return;
        } else if (args instanceof StringValue s) {
            ce.typeName = s.value();
        } else {
            ce.members = checkImplicitType(args, info, "'data'", null);
        }
    }

    /** Python truthiness of a parsed value (absent counts as false). */
    private static boolean truthy(Value v) {
        if (v == null) {
            return false;
        }
        if (v instanceof BoolValue b) {
            return b.value();
        }
        if (v instanceof StringValue s) {
            return !s.value().isEmpty();
        }
        if (v instanceof ArrayValue a) {
            return !a.elements().isEmpty();
        }
        return ((ObjectValue) v).size() > 0;
    }
}
