/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import io.github.qapi4j.generator.source.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;

/**
 * The {@code qapi4j} command. Exit codes: 0 success, 1 the schema has errors, 2 usage error.
 * Help is coloured only when stdout is a terminal (and {@code NO_COLOR} is not set).
 */
@Command(
        name = "qapi4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Java toolkit for QEMU's QAPI schema language.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the schema has errors", "2:usage error"})
public final class Main implements Runnable {

    /**
     * The subcommands, in the order of the help. They are added by {@link #commandLine(String...)}
     * rather than listed in {@code @Command}, so that a run of one of the schema commands builds
     * picocli's model of that command only: reading the annotations of the whole tree is most of
     * what picocli costs at start-up.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("dump", DumpCommand::new);
        SUBCOMMANDS.put("generate", GenerateCommand::new);
        SUBCOMMANDS.put("introspect", IntrospectCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
        SUBCOMMANDS.put("generate-completion", AutoComplete.GenerateCompletion::new);
    }

    /** Subcommands that need only themselves: not {@code help}, which describes the others. */
    private static final Set<String> SELF_CONTAINED = Set.of("check", "dump", "generate", "introspect");

    /** Exit code for a schema with errors. */
    static final int SCHEMA_ERROR = 1;

    /** Exit code for a usage error. */
    static final int USAGE = CommandLine.ExitCode.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public static void main(String[] args) {
        boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null;
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                terminal ? Help.Ansi.ON : Help.Ansi.OFF));
    }

    /** Runs the command line without colour and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Help.Ansi.OFF);
    }

    /** Runs the command line with the given output streams and colour, and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Help.Ansi ansi) {
        CommandLine cmd = commandLine(args);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setColorScheme(Help.defaultColorScheme(ansi));
        cmd.setExecutionExceptionHandler(new InternalError());
        return cmd.execute(args);
    }

    /**
     * An exception from a command: one line, exit code 1. A file error reads like the C tools'
     * ({@code qapi4j: /out/qapi: Permission denied}); anything else, a bug, gives its class and
     * message.
     */
    private static final class InternalError implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
            cmd.getErr().println("qapi4j: " + IoErrors.describe(e));
            cmd.getErr().flush();
            return SCHEMA_ERROR;
        }
    }

    /** The whole command tree; {@code generate-completion} is listed in the help like the others. */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        SUBCOMMANDS.forEach((name, command) -> cmd.addSubcommand(name, command.get()));
        cmd.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cmd;
    }

    /**
     * The command tree that {@code args} need: when they start with a schema command, only that
     * command (what it accepts and prints is the same either way); otherwise the whole tree.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0 && SELF_CONTAINED.contains(args[0])) {
            CommandLine cmd = new CommandLine(new Main());
            cmd.addSubcommand(args[0], SUBCOMMANDS.get(args[0]).get());
            return cmd;
        }
        return commandLine();
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/qapi4j-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"qapi4j " + p.getProperty("version", "unknown")};
        }
    }
}
