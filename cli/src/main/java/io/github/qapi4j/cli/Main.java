/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code qapi4j} command. Exit codes: 0 success, 1 the schema has errors, 2 usage error.
 */
@Command(
        name = "qapi4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Java toolkit for QEMU's QAPI schema language.",
        subcommands = {CheckCommand.class, DumpCommand.class, GenerateCommand.class, IntrospectCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for a schema with errors. */
    static final int SCHEMA_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
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
