/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.TestData;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated code compiles with {@code javac --release 17 -Xlint:all -Werror}. */
class CompileTest {

    @Test
    @DisplayName("schema/job.json output compiles")
    void jobJson() throws Exception {
        Map<String, String> files = EmitTestSupport.generate(EmitTestSupport.projectRoot().resolve("schema/job.json"),
                GoldenTest.PACKAGE, FrontEndOptions.LENIENT, null);
        EmitTestSupport.compile(files, EmitTestSupport.workDir("job"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "qemu-10.2.50/qapi/qapi-schema.json",
        "qemu-10.2.50/qga/qapi-schema.json",
        "qemu-7.2.0/qapi/qapi-schema.json",
        "qemu-7.2.0/storage-daemon/qapi/qapi-schema.json"
    })
    @DisplayName("QEMU schemas' output compiles")
    void qemuSchema(String schema) throws Exception {
        assertThat(CompiledSchemas.load(schema)).isNotNull();
    }

    /**
     * With {@code --if}, what is false is left out, and what is left must still compile: every
     * reference into a left-out element has to be left out with it. Configurations as QEMU builds
     * them: nothing defined, a Linux host with the usual options, Windows, macOS; for 7.2, one
     * target each (its schema still had per-target conditions).
     */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
        "qemu-10.2.50/qapi/qapi-schema.json | NOTHING_DEFINED",
        "qemu-10.2.50/qapi/qapi-schema.json | CONFIG_LINUX CONFIG_POSIX CONFIG_SPICE CONFIG_SPICE_PROTOCOL CONFIG_VNC"
                + " CONFIG_TPM CONFIG_REPLICATION CONFIG_BLKIO HAVE_HOST_BLOCK_DEVICE CONFIG_VHOST_CRYPTO"
                + " CONFIG_SECRET_KEYRING CONFIG_FUSE CONFIG_EBPF HAVE_CHARDEV_SERIAL HAVE_CHARDEV_PARALLEL CONFIG_ZSTD"
                + " CONFIG_VHOST_USER_BLK_SERVER CONFIG_VDUSE_BLK_EXPORT CONFIG_SDL CONFIG_OPENGL CONFIG_GTK CONFIG_CURSES"
                + " CONFIG_AUDIO_PA CONFIG_AUDIO_ALSA CONFIG_AUDIO_PIPEWIRE HAVE_TCP_KEEPINTVL HAVE_TCP_KEEPIDLE"
                + " HAVE_TCP_KEEPCNT HAVE_IPPROTO_MPTCP CONFIG_TCG CONFIG_PIXMAN CONFIG_LINUX_IO_URING CONFIG_FDT"
                + " CONFIG_DBUS_DISPLAY CONFIG_PASST CONFIG_IGVM CONFIG_AF_XDP CONFIG_LIBPMEM",
        "qemu-10.2.50/qapi/qapi-schema.json | CONFIG_WIN32 CONFIG_AUDIO_DSOUND CONFIG_TCG CONFIG_SDL",
        "qemu-10.2.50/qapi/qapi-schema.json | CONFIG_COCOA CONFIG_AUDIO_COREAUDIO CONFIG_VMNET CONFIG_POSIX CONFIG_TCG",
        "qemu-7.2.0/qapi/qapi-schema.json | TARGET_I386 CONFIG_LINUX CONFIG_POSIX CONFIG_SPICE CONFIG_VNC CONFIG_TPM",
        "qemu-7.2.0/qapi/qapi-schema.json | TARGET_S390X CONFIG_LINUX CONFIG_POSIX",
        "qemu-7.2.0/qapi/qapi-schema.json | TARGET_ARM CONFIG_POSIX CONFIG_FDT",
    })
    @DisplayName("output with --if configurations compiles")
    void withConditions(String schema, String symbols) throws Exception {
        Set<String> defined = Set.of(symbols.trim().split(" +"));
        Map<String, String> all = EmitTestSupport.generate(CompiledSchemas.schema(schema), CompiledSchemas.PACKAGE,
                FrontEndOptions.LENIENT, null);
        Map<String, String> files = EmitTestSupport.generate(CompiledSchemas.schema(schema), CompiledSchemas.PACKAGE,
                FrontEndOptions.LENIENT, defined);
        assertThat(files.size()).as("conditional types left out").isLessThan(all.size());
        EmitTestSupport.compile(files, EmitTestSupport.workDir("if-" + schema + "-" + Math.abs(symbols.hashCode())));
    }

    /** The cases of QEMU's own front-end test suite that QEMU accepts ("positive" in the MANIFEST). */
    static Stream<String> qemuTestSuiteSchemas() throws Exception {
        return Files.readAllLines(TestData.sharedTestData().resolve("qapi-schema-tests/MANIFEST")).stream()
                .map(l -> l.split("\t"))
                .filter(c -> c.length > 2 && c[0].equals("case") && c[2].equals("positive"))
                .map(c -> c[1]);
    }

    @ParameterizedTest
    @MethodSource("qemuTestSuiteSchemas")
    @DisplayName("output for QEMU's accepted test-suite schemas compiles (qapi-schema-test.json: every construct)")
    void qemuTestSuite(String name) throws Exception {
        Map<String, String> files = EmitTestSupport.generate(
                TestData.sharedTestData().resolve("qapi-schema-tests/" + name + ".json"),
                "qemu.suite." + name.replace('-', '_'), FrontEndOptions.LENIENT, null);
        assertThat(files).isNotEmpty();
        EmitTestSupport.compile(files, EmitTestSupport.workDir("suite-" + name));
    }
}
