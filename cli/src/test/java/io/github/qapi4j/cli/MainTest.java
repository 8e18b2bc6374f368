/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, where output goes, QEMU's error texts. */
class MainTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private String schema(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void checkAcceptsAValidSchema() throws Exception {
        String f = schema("ok.json", "{ 'enum': 'Status', 'data': [ 'good', 'bad' ] }\n");
        Run r = run("check", f);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void checkPrintsQemusErrorAndExitsOne() throws Exception {
        String f = schema("bad.json", "{ 'struct': 'Bar', 'data': { 'string': 'str'}, 'bogus': { } }\n");
        Run r = run("check", f);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(f + ": In struct 'Bar':\n" + f + ":1: struct has unknown key 'bogus'\n"
                + "Valid keys are 'base', 'data', 'features', 'if', 'struct'.\n");
    }

    @Test
    void lenientDocsAcceptsQemu72StyleDocs() throws Exception {
        String f = schema("old.json", "##\n# @Status:\n#\n# Note: a 7.2-era note section.\n##\n"
                + "{ 'enum': 'Status', 'data': [ 'good' ] }\n");
        assertThat(run("check", f).exit()).isEqualTo(1);
        assertThat(run("check", "--lenient-docs", f).exit()).isZero();
    }

    @Test
    void dumpPrintsTheHarnessOutput() throws Exception {
        String f = schema("d.json", "{ 'command': 'eins' }\n");
        Run r = run("dump", f);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).endsWith("module d.json\ncommand eins None -> None\n"
                + "    gen=True success_response=True boxed=False oob=False preconfig=False\n");
        assertThat(r.out()).startsWith("module ./builtin\nobject q_empty\nenum QType\n");
    }

    @Test
    void dumpOfABadSchemaPrintsNothingOnStdout() throws Exception {
        String f = schema("e.json", "{ 'command': 'eins', 'data': 'Nope' }\n");
        Run r = run("dump", f);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("command's 'data' uses unknown type 'Nope'");
    }

    @Test
    void missingFileIsASchemaErrorWithoutLocation() {
        Run r = run("check", dir.resolve("none.json").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(
                "can't read schema file '" + dir.resolve("none.json") + "': No such file or directory\n");
    }

    @Test
    void aPackageNameJavaRejectsIsAUsageErrorAndWritesNothing() throws Exception {
        String good = schema("pkg.json", "{ 'struct': 'Foo', 'data': { 'a': 'str' } }\n");
        for (String pkg : new String[] {"a..b", "class", "java.qmp"}) {
            Path out = dir.resolve("out");
            Run r = run("generate", "--package", pkg, "-o", out.toString(), good);
            assertThat(r.exit()).as(pkg).isEqualTo(2);
            assertThat(r.err()).as(pkg).startsWith("Invalid value for option '--package': '" + pkg + "' is ");
            assertThat(out).doesNotExist();
        }
        assertThat(run("generate", "--package", "record.x", "-o", dir.resolve("ok").toString(), good).exit())
                .isZero();
    }

    @Test
    void anUnwritableOutputIsOneLineNamingTheFile() throws Exception {
        String good = schema("out.json", "{ 'struct': 'Foo', 'data': { 'a': 'str' } }\n");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Run r = run("generate", "-o", file.toString(), good);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("qapi4j: " + file.resolve("qapi") + ": Not a directory\n");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("check").exit()).isEqualTo(2);
        assertThat(run("frobnicate").exit()).isEqualTo(2);
        assertThat(run("check", "--no-such-option", "x.json").exit()).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("check", "dump");
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("qapi4j ");
    }

    @Test
    void docRuleSwitchesAreSharedAndExclusive() throws Exception {
        String f = schema("old2.json", "##\n# @Status:\n#\n# Note: a 7.2-era note section.\n##\n"
                + "{ 'enum': 'Status', 'data': [ 'good' ] }\n");
        assertThat(run("dump", "--lenient-docs", f).exit()).isZero();
        assertThat(run("check", "--strict-docs", f).exit()).isEqualTo(1);
        Run both = run("check", "--strict-docs", "--lenient-docs", f);
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void allErrorsPrintsEveryDiagnostic() throws Exception {
        String f = schema("two.json", "{ 'struct': 'Point', 'data': {}, 'x': true }\n");
        Run r = run("check", "--all-errors", f);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(":1: struct has unknown key 'x'");
    }

    @Test
    void generateCompletionPrintsABashScript() {
        Run r = run("generate-completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F", "check", "dump");
        assertThat(run("--help").out()).contains("generate-completion");
    }

    @Test
    void noColourWhenNotATerminal() {
        Run r = run("--help");
        assertThat(r.out()).doesNotContain("\u001b[");
        assertThat(r.out()).contains("Exit codes:", "1   the schema has errors", "2   usage error");
    }

    @Test
    void everySchemaCommandHasTheSameExitCodes() throws Exception {
        String bad = schema("bad3.json", "{ 'command': 'eins', 'data': 'Nope' }\n");
        String out = dir.resolve("gen").toString();
        for (String command : new String[] {"check", "dump", "introspect", "generate"}) {
            String[] args = command.equals("generate")
                    ? new String[] {command, "-o", out, bad}
                    : new String[] {command, bad};
            assertThat(run(args).exit()).as(command + " on a bad schema").isEqualTo(1);
            assertThat(run(command, "--strict-docs", "--lenient-docs", bad).exit()).as(command + " usage").isEqualTo(2);
            assertThat(run(command).exit()).as(command + " without FILE").isEqualTo(2);
        }
    }

    @Test
    void aSchemaCommandBehavesTheSameWhetherTheWholeTreeIsBuiltOrNot() throws Exception {
        String good = schema("good4.json", "{ 'enum': 'Colour', 'data': [ 'red' ] }\n");
        String bad = schema("bad4.json", "{ 'command': 'eins', 'data': 'Nope' }\n");
        String[][] cases = {
            {"check", good}, {"check", bad}, {"check"}, {"check", "--help"}, {"check", "--frob", good},
            {"dump", good}, {"dump", "--strict-docs", "--lenient-docs", good}, {"introspect", "--pretty", good},
            {"generate", "--help"}, {"introspect", "-h"}, {"dump", good, "extra"},
        };
        for (String[] args : cases) {
            assertThat(Main.commandLine(args).getSubcommands()).hasSize(1);
            assertThat(runWith(Main.commandLine(args), args)).as(String.join(" ", args))
                    .isEqualTo(runWith(Main.commandLine(), args));
        }
        assertThat(Main.commandLine("--help").getSubcommands().keySet()).containsExactly(
                "check", "dump", "generate", "introspect", "help", "generate-completion");
    }

    private static Run runWith(picocli.CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
