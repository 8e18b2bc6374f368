/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Naming tables: wire name → Java name. */
class JavaNamesTest {

    @ParameterizedTest(name = "type {0} -> {1}")
    @CsvSource({
        "JobInfo, JobInfo",
        "BlockdevOptionsQcow2, BlockdevOptionsQcow2",
        "__com.redhat_SomeType, ComRedhatSomeType",
        "x-foo-bar, XFooBar",
        "String, String_",
        "Object, Object_",
        "Record, Record_",
        "Override, Override_",
        "Deprecated, Deprecated_",
        "QCryptoBlockInfoLUKS, QCryptoBlockInfoLUKS",
        "1stThing, T1stThing",
    })
    @DisplayName("type names")
    void typeNames(String wire, String java) {
        assertThat(JavaNames.typeName(wire)).isEqualTo(java);
    }

    @ParameterizedTest(name = "constant {0} -> {1}")
    @CsvSource({
        "set-speed, SET_SPEED",
        "snapshot-load, SNAPSHOT_LOAD",
        "null, NULL",
        "x-foo, X_FOO",
        "__com.redhat_bar, COM_REDHAT_BAR",
        "1g, _1G",
        "virtio-net-pci, VIRTIO_NET_PCI",
        "qcow2, QCOW2",
        "fooBar, FOO_BAR",
    })
    @DisplayName("enum constants")
    void constants(String wire, String java) {
        assertThat(JavaNames.constantName(wire)).isEqualTo(java);
    }

    @ParameterizedTest(name = "member {0} -> {1}")
    @CsvSource({
        "current-progress, currentProgress",
        "query-jobs, queryJobs",
        "id, id",
        "x-perf, xPerf",
        "wr_highest_offset, wrHighestOffset",
        "__com.redhat_foo, comRedhatFoo",
        "class, class_",
        "default, default_",
        "int, int_",
        "wait, wait_",
        "notify, notify_",
        "hashCode, hashCode_",
        "toString, toString_",
        "getClass, getClass_",
        "equals, equals_",
        "clone, clone_",
        "finalize, finalize_",
        "builder, builder_",
        "record, record_",
        "2d, _2d",
    })
    @DisplayName("members and methods (keywords and Object/record methods get a trailing _)")
    void members(String wire, String java) {
        assertThat(JavaNames.memberName(wire)).isEqualTo(java);
    }

    @ParameterizedTest(name = "event {0} -> {1}, {2}")
    @CsvSource({
        "JOB_STATUS_CHANGE, JobStatusChangeEvent, jobStatusChange",
        "BLOCK_JOB_COMPLETED, BlockJobCompletedEvent, blockJobCompleted",
        "SHUTDOWN, ShutdownEvent, shutdown",
    })
    @DisplayName("events")
    void events(String wire, String record, String method) {
        assertThat(JavaNames.eventTypeName(wire)).isEqualTo(record);
        assertThat(JavaNames.eventMethodName(wire)).isEqualTo(method);
    }

    @ParameterizedTest(name = "module {0} -> {1}")
    @CsvSource({"job.json, Job", "block-core.json, BlockCore", "qapi/block-core.json, BlockCore",
        "qapi-schema.json, QapiSchema"})
    @DisplayName("modules")
    void modules(String wire, String java) {
        assertThat(JavaNames.moduleName(wire)).isEqualTo(java);
    }

    @ParameterizedTest(name = "arguments of {0} -> {1}")
    @CsvSource({"job-pause, JobPauseArguments", "query-jobs, QueryJobsArguments",
        "x-blockdev-change, XBlockdevChangeArguments"})
    @DisplayName("implicit argument types")
    void arguments(String wire, String java) {
        assertThat(JavaNames.argumentsTypeName(wire)).isEqualTo(java);
    }

    @ParameterizedTest(name = "package {0}")
    @CsvSource(delimiter = '|', value = {
        "a..b | 'a..b' is not a valid Java package name",
        "class | 'class' is not a valid Java package name",
        "com.example.enum | 'com.example.enum' is not a valid Java package name",
        "com._ | 'com._' is not a valid Java package name",
        "1a | '1a' is not a valid Java package name",
        "a-b | 'a-b' is not a valid Java package name",
        ".a | '.a' is not a valid Java package name",
        "a. | 'a.' is not a valid Java package name",
        "java | 'java' is a prohibited package name",
        "java.qmp | 'java.qmp' is a prohibited package name",
    })
    @DisplayName("package names that generated code cannot have")
    void badPackages(String pkg, String problem) {
        assertThat(JavaNames.packageNameProblem(pkg)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "package {0}")
    @CsvSource({"qapi", "com.example.qmp", "org.qemu.qmp", "record.var.yield", "javax.qmp", "_a.b$c", "''"})
    @DisplayName("package names that generated code can have (contextual keywords too; '' is the unnamed package)")
    void goodPackages(String pkg) {
        assertThat(JavaNames.packageNameProblem(pkg)).isNull();
    }
}
