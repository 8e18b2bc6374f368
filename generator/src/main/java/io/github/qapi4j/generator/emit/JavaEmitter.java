/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.github.qapi4j.generator.model.AlternateDef;
import io.github.qapi4j.generator.model.ArrayDef;
import io.github.qapi4j.generator.model.Branch;
import io.github.qapi4j.generator.model.CommandDef;
import io.github.qapi4j.generator.model.Definition;
import io.github.qapi4j.generator.model.EnumDef;
import io.github.qapi4j.generator.model.EnumValue;
import io.github.qapi4j.generator.model.EventDef;
import io.github.qapi4j.generator.model.Member;
import io.github.qapi4j.generator.model.Module;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.model.StructDef;
import io.github.qapi4j.generator.model.TypeDef;
import io.github.qapi4j.generator.model.UnionDef;
import io.github.qapi4j.generator.source.SchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Emits the Java sources for a checked schema: one file per type, per module's command and event
 * interfaces, and the aggregates and dispatchers. The one place that decides which definitions
 * become which files; each kind's shape is its emitter's business.
 */
public final class JavaEmitter {
    /**
     * Receives the generated files, each once, from whichever thread rendered it, in no particular
     * order, and only once every spec was built without errors (a schema with errors delivers
     * nothing).
     */
    @FunctionalInterface
    public interface FileSink {
        /**
         * Takes one file.
         *
         * @param path the file's path relative to the output root
         * @param content the Java source
         * @throws IOException to stop the emission with this error
         */
        void accept(String path, String content) throws IOException;
    }

    private final EmitContext ctx;
    private final StructEmitter structs;
    /** File path → its rendering and delivery, started as soon as the type's spec is complete. */
    private final Map<String, Rendering> out = new LinkedHashMap<>();
    /** Where rendered files go: null until every spec is built without errors. */
    private FileSink sink;
    /** Files rendered before {@link #sink} was set, path → content; guarded by itself. */
    private final Map<String, String> held = new LinkedHashMap<>();
    /** The package's directory relative to the output root, with a trailing slash. */
    private final String dir;
    private ThreadPoolExecutor renderers;
    /** Queued renderings above which the spec-building thread renders one itself. */
    private int backlog;
    private String source;
    private final Scope packageScope;
    private final Set<String> deprecatedTypes = new HashSet<>();

    private JavaEmitter(Schema schema, String pkg, Set<String> defined) {
        this.ctx = new EmitContext(schema, pkg, defined);
        this.structs = new StructEmitter(ctx);
        this.packageScope = new Scope(ctx, "package " + pkg);
        this.dir = pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
    }

    /**
     * The Java sources for {@code schema}.
     *
     * @param rootFileName the schema's root file name (names the aggregate interfaces)
     * @param pkg the Java package
     * @param defined the defined {@code if} symbols, or null to generate everything and record
     *     each condition as {@code @QapiIf}
     * @return file path relative to the output root → content, in a deterministic order
     * @throws SchemaException for names that cannot be mapped to Java (located)
     */
    public static Map<String, String> emit(Schema schema, String rootFileName, String pkg, Set<String> defined)
            throws SchemaException {
        Map<String, String> files = new ConcurrentHashMap<>();
        List<String> paths;
        try {
            paths = emit(schema, rootFileName, pkg, defined, files::put);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // files::put throws none
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String path : paths) {
            ordered.put(path, files.get(path));
        }
        return ordered;
    }

    /**
     * Emits the Java sources for {@code schema} into {@code sink}, which takes each file as soon as
     * it is rendered (so that writing it overlaps with rendering the others).
     *
     * @param rootFileName the schema's root file name (names the aggregate interfaces)
     * @param pkg the Java package
     * @param defined the defined {@code if} symbols, or null to generate everything
     * @param sink receives every file once; not called at all if the schema has errors
     * @return the paths of the files, relative to the output root, in a deterministic order
     * @throws SchemaException for names that cannot be mapped to Java (located); nothing was delivered
     * @throws IOException from the sink
     */
    public static List<String> emit(Schema schema, String rootFileName, String pkg, Set<String> defined,
            FileSink sink) throws SchemaException, IOException {
        return new JavaEmitter(schema, pkg, defined).run(rootFileName, sink);
    }

    private List<String> run(String rootFileName, FileSink target) throws SchemaException, IOException {
        source = rootFileName.substring(rootFileName.lastIndexOf('/') + 1);
        // Rendering with JavaPoet is most of the time and independent per file, so each file is
        // rendered on other cores while this thread builds the next specs. Building a spec is
        // quicker than rendering it: when renderings pile up, this thread renders the lightest
        // queued one itself before building more (a heavy one would leave the other threads
        // waiting), so every core stays busy and few built specs wait in memory (a large backlog
        // of specs makes each young collection copy it). At the end this thread renders whatever
        // no other thread has started yet. Each file goes to the sink from the thread that
        // rendered it (files rendered before the last spec is built and found free of errors are
        // held until then), so writing files overlaps with rendering.
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        backlog = 2 * workers;
        renderers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "qapi4j-render");
                    t.setDaemon(true);
                    return t;
                });
        try {
            return build(rootFileName, target);
        } finally {
            renderers.shutdownNow();
        }
    }

    private List<String> build(String rootFileName, FileSink target) throws SchemaException, IOException {
        Schema schema = ctx.schema;
        for (Definition d : schema.definitions()) {
            if (d instanceof TypeDef t && ctx.deprecated(t.features())) {
                deprecatedTypes.add(t.name());
            }
        }
        Set<String> argTypes = new HashSet<>();
        for (CommandDef c : schema.definitions(CommandDef.class)) {
            if (c.argTypeName() != null && ctx.included(c)) {
                argTypes.add(c.argTypeName());
            }
        }
        // The interfaces and dispatchers first: they are the largest files (the dispatcher of
        // QEMU's schema is 350 KB), and rendered last they would end the run on one core.
        commandsAndEvents(rootFileName);
        for (Definition d : schema.definitions()) {
            if (d.isBuiltin() || !ctx.included(d)) {
                continue;
            }
            if (d instanceof EnumDef e) {
                add(e, new EnumEmitter(ctx).emit(e), touches(e));
            } else if (d instanceof StructDef s) {
                if (s.name().equals(StructDef.EMPTY)) {
                    continue;
                }
                if (s.isImplicit() && !s.name().endsWith("-base") && !argTypes.contains(s.name())) {
                    continue;
                }
                add(s, structs.emit(s), touches(s));
            } else if (d instanceof UnionDef u) {
                add(u, new UnionEmitter(ctx, structs).emit(u), touches(u));
            } else if (d instanceof AlternateDef a) {
                add(a, new AlternateEmitter(ctx, structs).emit(a), touches(a));
            } else if (d instanceof EventDef e && ctx.hasEventRecord(e)) {
                add(e, new EventEmitter(ctx, structs).record(e), touches(e));
            }
        }
        if (!ctx.errors.isEmpty()) {
            throw new SchemaException(ctx.errors);
        }
        Map<String, String> early;
        synchronized (held) {
            sink = target;
            early = new LinkedHashMap<>(held);
            held.clear();
        }
        for (Map.Entry<String, String> e : early.entrySet()) {
            target.accept(e.getKey(), e.getValue());
        }
        for (FutureTask<Void> rendering : out.values()) {
            rendering.run(); // does nothing if another thread has started or finished it
        }
        for (FutureTask<Void> rendering : out.values()) {
            await(rendering);
        }
        return List.copyOf(out.keySet());
    }

    private static void await(FutureTask<Void> rendering) throws IOException {
        try {
            rendering.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Renders {@code spec} and hands it to the sink, or holds it until there is one. */
    private void deliver(String path, TypeSpec spec) throws IOException {
        String content = JavaFile.builder(ctx.pkg, spec).indent("    ").skipJavaLangImports(true)
                .addFileComment("Generated by qapi4j from $L. Do not edit.", source).build().toString();
        FileSink to;
        synchronized (held) {
            to = sink;
            if (to == null) {
                held.put(path, content);
                return;
            }
        }
        to.accept(path, content);
    }

    /** Queues {@code spec} for rendering as file {@code name}. */
    private void put(String name, TypeSpec spec) {
        String path = dir + name + ".java";
        if (out.containsKey(path)) {
            // Only after a name clash, which is reported: nothing will be delivered.
            if (ctx.errors.isEmpty()) {
                throw new IllegalStateException("two generated files named " + path);
            }
            return;
        }
        Rendering rendering = new Rendering(() -> {
            deliver(path, spec);
            return null;
        }, weight(spec));
        out.put(path, rendering);
        renderers.execute(rendering);
        while (renderers.getQueue().size() > backlog) {
            // The lightest queued file: a large one (a big union) would keep this thread from
            // building for long while the other threads empty the queue and wait.
            Rendering lightest = null;
            for (Runnable r : renderers.getQueue()) {
                if (lightest == null || ((Rendering) r).weight < lightest.weight) {
                    lightest = (Rendering) r;
                }
            }
            if (lightest != null && renderers.getQueue().remove(lightest)) {
                lightest.run();
            }
        }
    }

    /** A file's rendering, with a rough measure of its size. */
    private static final class Rendering extends FutureTask<Void> {
        final int weight;

        Rendering(Callable<Void> work, int weight) {
            super(work);
            this.weight = weight;
        }
    }

    /** Fields, methods and types in {@code spec}, nested ones included: roughly its rendered size. */
    private static int weight(TypeSpec spec) {
        int w = 1 + spec.fieldSpecs().size() + spec.methodSpecs().size();
        for (TypeSpec nested : spec.typeSpecs()) {
            w += weight(nested);
        }
        return w;
    }

    private void add(Definition d, TypeSpec spec, boolean suppress) {
        String name = spec.name();
        packageScope.claim(name, d.name(), d.info());
        if (suppress) {
            spec = spec.toBuilder().addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "deprecation").build()).build();
        }
        put(name, spec);
    }

    /** Whether the code for {@code d} uses a deprecated type or enum constant of another class. */
    private boolean touches(Definition d) {
        List<String> refs = new ArrayList<>();
        if (d instanceof StructDef s) {
            ctx.members(ctx.schema.allMembers(s)).forEach(m -> refs.add(m.typeName()));
        } else if (d instanceof UnionDef u) {
            ctx.members(ctx.schema.allMembers(u)).forEach(m -> refs.add(m.typeName()));
            for (Branch b : u.branches()) {
                if (ctx.schema.type(b.typeName()) instanceof UnionDef) {
                    refs.add(b.typeName()); // inlined as a component of that type
                }
                ctx.members(ctx.schema.allMembers(ctx.schema.type(b.typeName()))).forEach(m -> refs.add(m.typeName()));
            }
            EnumDef disc = (EnumDef) ctx.schema.type(ctx.schema.discriminatorMember(u).typeName());
            for (EnumValue v : disc.values()) {
                if (ctx.included(v.condition()) && ctx.deprecated(v.features())) {
                    return true;
                }
            }
        } else if (d instanceof AlternateDef a) {
            a.branches().forEach(b -> refs.add(b.typeName()));
        } else if (d instanceof EventDef e) {
            ctx.members(ctx.schema.arguments(e)).forEach(m -> refs.add(m.typeName()));
        } else if (d instanceof CommandDef c) {
            if (c.argTypeName() != null) {
                refs.add(c.argTypeName());
                ctx.members(ctx.schema.arguments(c)).forEach(m -> refs.add(m.typeName()));
            }
            if (c.returnTypeName() != null) {
                refs.add(c.returnTypeName());
            }
            return ctx.deprecated(c.features()) || refsDeprecated(refs);
        }
        return refsDeprecated(refs);
    }

    private boolean refsDeprecated(List<String> refs) {
        for (String r : refs) {
            TypeDef t = ctx.schema.type(r);
            while (t instanceof ArrayDef a) {
                t = ctx.schema.type(a.elementTypeName());
            }
            if (deprecatedTypes.contains(t.name())) {
                return true;
            }
        }
        return false;
    }

    private void commandsAndEvents(String rootFileName) {
        Schema schema = ctx.schema;
        String root = JavaNames.moduleName(rootFileName);
        ClassName aggCommands = ClassName.get(ctx.pkg, root + "Commands");
        ClassName aggEvents = ClassName.get(ctx.pkg, root + "Events");
        CommandEmitter commands = new CommandEmitter(ctx, structs);
        EventEmitter events = new EventEmitter(ctx, structs);
        List<ClassName> commandIfaces = new ArrayList<>();
        List<ClassName> eventIfaces = new ArrayList<>();
        List<CommandDef> allCommands = new ArrayList<>();
        List<EventDef> allEvents = new ArrayList<>();
        List<CommandDef> rootCommands = List.of();
        List<EventDef> rootEvents = List.of();
        boolean commandsTouch = false;
        boolean eventsTouch = false;
        for (Map.Entry<Module, List<Definition>> e : schema.definitionsByModule().entrySet()) {
            if (e.getKey().isBuiltin()) {
                continue;
            }
            List<CommandDef> cs = new ArrayList<>();
            List<EventDef> es = new ArrayList<>();
            for (Definition d : e.getValue()) {
                if (d instanceof CommandDef c && ctx.included(c)) {
                    cs.add(c);
                    commandsTouch |= touches(c);
                } else if (d instanceof EventDef ev && ctx.included(ev)) {
                    es.add(ev);
                    eventsTouch |= ctx.deprecated(ev.features()) || (!ev.boxed() ? touches(ev)
                            : refsDeprecated(List.of(ev.argTypeName())));
                }
            }
            allCommands.addAll(cs);
            allEvents.addAll(es);
            String mod = JavaNames.moduleName(e.getKey().name());
            ClassName ci = ClassName.get(ctx.pkg, mod + "Commands");
            ClassName ei = ClassName.get(ctx.pkg, mod + "Events");
            boolean suppressC = cs.stream().anyMatch(this::touches);
            if (!cs.isEmpty()) {
                if (ci.equals(aggCommands)) {
                    rootCommands = cs;
                } else {
                    commandIfaces.add(ci);
                    putInterface(ci, commands.moduleInterface(ci, cs, List.of(),
                            "The commands of {@code " + e.getKey().name() + "}."), suppressC, e.getKey());
                }
            }
            if (!es.isEmpty()) {
                if (ei.equals(aggEvents)) {
                    rootEvents = es;
                } else {
                    eventIfaces.add(ei);
                    putInterface(ei, events.listener(ei, es, List.of(), false,
                            "The events of {@code " + e.getKey().name() + "}."), eventsTouch, e.getKey());
                }
            }
        }
        if (!allCommands.isEmpty()) {
            putInterface(aggCommands, commands.moduleInterface(aggCommands, rootCommands, commandIfaces,
                    "Every command of the schema."), commandsTouch, null);
            ClassName disp = ClassName.get(ctx.pkg, root + "CommandDispatcher");
            putInterface(disp, commands.dispatcher(disp, aggCommands, allCommands), commandsTouch, null);
        }
        if (!allEvents.isEmpty()) {
            TypeSpec agg;
            if (eventIfaces.isEmpty()) {
                agg = events.listener(aggEvents, rootEvents, List.of(), false, "The events of the schema.");
            } else {
                List<EventDef> others = new ArrayList<>(allEvents);
                others.removeAll(rootEvents);
                TypeSpec base = events.aggregate(aggEvents, others, eventIfaces);
                TypeSpec own = events.listener(aggEvents, rootEvents, List.of(), true, "");
                agg = base.toBuilder().addMethods(own.methodSpecs()).build();
            }
            putInterface(aggEvents, agg, eventsTouch, null);
            ClassName disp = ClassName.get(ctx.pkg, root + "EventDispatcher");
            putInterface(disp, events.dispatcher(disp, aggEvents, allEvents), eventsTouch, null);
        }
    }

    private void putInterface(ClassName name, TypeSpec spec, boolean suppress, Module module) {
        // Dispatchers and aggregates are glue: they call every (possibly deprecated) method.
        suppress |= module == null;
        packageScope.claim(name.simpleName(), module != null ? module.name() : name.simpleName(), null);
        if (suppress) {
            spec = spec.toBuilder().addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "deprecation").build()).build();
        }
        put(name.simpleName(), spec);
    }

    static List<Member> none() {
        return List.of();
    }
}
