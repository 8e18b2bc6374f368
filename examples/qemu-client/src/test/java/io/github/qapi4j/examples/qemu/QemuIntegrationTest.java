/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.examples.qemu.qapi.BlockdevBackup;
import io.github.qapi4j.examples.qemu.qapi.BlockdevOptions;
import io.github.qapi4j.examples.qemu.qapi.DeviceAddArguments;
import io.github.qapi4j.examples.qemu.qapi.JobInfo;
import io.github.qapi4j.examples.qemu.qapi.JobStatus;
import io.github.qapi4j.examples.qemu.qapi.JobStatusChangeEvent;
import io.github.qapi4j.examples.qemu.qapi.JobType;
import io.github.qapi4j.examples.qemu.qapi.MirrorSyncMode;
import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommands;
import io.github.qapi4j.examples.qemu.qapi.QapiSchemaEvents;
import io.github.qapi4j.examples.qemu.qapi.VersionInfo;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.qmp.QmpClient;
import io.github.qapi4j.runtime.qmp.QmpConnectionException;
import io.github.qapi4j.runtime.qmp.QmpError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated QEMU 7.2 client against a real QEMU 7.2 ({@code qemu-system-x86_64 -machine none});
 * each test starts its own QEMU and kills it at the end.
 */
class QemuIntegrationTest {
    static final long SIZE = 1L << 30;
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    Qemu qemu;
    QmpClient qmp;
    QapiSchemaCommands cmd;
    final List<JobStatusChangeEvent> statusChanges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        qemu = Qemu.start(dir);
        qmp = QmpClient.connect(UnixDomainSocketAddress.of(qemu.socket));
        cmd = QapiSchemaCommands.client(qmp);
        // typed listener through the generated aggregate listener interface
        QapiSchemaEvents.subscribe(qmp, new QapiSchemaEvents() {
            @Override
            public void jobStatusChange(JobStatusChangeEvent event) {
                statusChanges.add(event);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (qmp != null) {
            qmp.close();
        }
        if (qemu != null) {
            qemu.close();
        }
    }

    private void addNullNodes() {
        for (String node : List.of("src", "tgt")) {
            cmd.blockdevAdd(BlockdevOptions.NullCo.builder().nodeName(node).size(SIZE).build());
        }
    }

    /** blockdev-backup of src to tgt at 1 byte/s, so the job keeps running until cancelled. */
    private void startSlowBackup(String id) {
        cmd.blockdevBackup(BlockdevBackup.builder().jobId(id).device("src").target("tgt").sync(MirrorSyncMode.FULL)
                .speed(1L).autoDismiss(false).build());
    }

    private List<JobStatus> statuses(String id) {
        List<JobStatus> out = new ArrayList<>();
        for (JobStatusChangeEvent e : statusChanges) {
            if (e.id().equals(id)) {
                out.add(e.status());
            }
        }
        return out;
    }

    private JobInfo job(String id) {
        return cmd.queryJobs().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void queryVersionIsTyped() {
        VersionInfo v = cmd.queryVersion();
        assertThat(v.qemu().major()).isEqualTo(7);
        assertThat(v.qemu().minor()).isEqualTo(2);
        assertThat(v.package_()).isNotNull();
        assertThat(qmp.capabilities()).contains("oob");
        assertThat(qmp.oobEnabled()).isTrue();
    }

    @Test
    void backupJobLifecycleWithTypedEvents() throws Exception {
        addNullNodes();
        // events QEMU sends before blockdev-backup's reply are seen by the time it returns
        startSlowBackup("job0");
        assertThat(statuses("job0")).containsExactly(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.PAUSED,
                JobStatus.RUNNING);
        JobInfo running = job("job0");
        assertThat(running.type()).isEqualTo(JobType.BACKUP);
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.totalProgress()).isEqualTo(SIZE);
        assertThat(running.currentProgress()).isLessThan(SIZE);
        assertThat(running.error()).isEmpty();

        CompletableFuture<JobStatusChangeEvent> paused =
                qmp.nextEvent(JobStatusChangeEvent.TYPE, e -> e.id().equals("job0") && e.status() == JobStatus.PAUSED);
        cmd.jobPause("job0");
        assertThat(paused.get(10, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job("job0").status()).isEqualTo(JobStatus.PAUSED);

        cmd.jobResume("job0");
        assertThat(job("job0").status()).isEqualTo(JobStatus.RUNNING);

        CompletableFuture<JobStatusChangeEvent> concluded = qmp.nextEvent(QapiSchemaEvents.JOB_STATUS_CHANGE,
                e -> e.id().equals("job0") && e.status() == JobStatus.CONCLUDED);
        cmd.jobCancel("job0");
        concluded.get(10, TimeUnit.SECONDS);
        JobInfo done = job("job0");
        assertThat(done.status()).isEqualTo(JobStatus.CONCLUDED);
        assertThat(done.error()).contains("Operation canceled");

        CompletableFuture<JobStatusChangeEvent> gone =
                qmp.nextEvent(JobStatusChangeEvent.TYPE, e -> e.id().equals("job0") && e.status() == JobStatus.NULL);
        cmd.jobDismiss("job0");
        gone.get(10, TimeUnit.SECONDS);
        assertThat(cmd.queryJobs()).isEmpty();
        assertThat(statuses("job0")).containsExactly(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.PAUSED,
                JobStatus.RUNNING, JobStatus.PAUSED, JobStatus.RUNNING, JobStatus.ABORTING, JobStatus.CONCLUDED,
                JobStatus.NULL);
    }

    @Test
    void deviceAddPassesTheDevicePropertiesTheSchemaDoesNotDeclare() throws Exception {
        // device_add is 'gen': false: QEMU takes any device property beside driver, bus and id
        try (Qemu pc = Qemu.start(dir, "pc"); QmpClient client = QmpClient.connect(UnixDomainSocketAddress.of(pc.socket))) {
            QapiSchemaCommands c = QapiSchemaCommands.client(client);
            c.deviceAdd(DeviceAddArguments.builder().driver("e1000").id("net1")
                    .additional("mac", "52:54:00:12:34:56").additional("romfile", "").build());
            assertThat(c.qomGet("/machine/peripheral/net1", "mac")).isEqualTo(new JsonValue.Str("52:54:00:12:34:56"));
            assertThatThrownBy(() -> c.deviceAdd(DeviceAddArguments.builder().driver("e1000").id("net2")
                    .additional("bogus", true).build()))
                    .isInstanceOfSatisfying(QmpError.class,
                            e -> assertThat(e.description()).isEqualTo("Property 'e1000.bogus' not found"));
        }
    }

    @Test
    void prettyPrintingMonitor() throws Exception {
        // -mon ...,pretty=on: every message spread over many lines
        try (Qemu pretty = Qemu.startPretty(dir);
                QmpClient client = QmpClient.connect(UnixDomainSocketAddress.of(pretty.socket))) {
            QapiSchemaCommands c = QapiSchemaCommands.client(client);
            assertThat(c.queryVersion().qemu().major()).isEqualTo(7);
            c.blockdevAdd(BlockdevOptions.NullCo.builder().nodeName("n0").size(SIZE).build());
            assertThat(c.queryNamedBlockNodes()).extracting(b -> b.nodeName().orElseThrow()).containsExactly("n0");
            assertThatThrownBy(() -> c.blockdevAdd(BlockdevOptions.NullCo.builder().nodeName("n0").build()))
                    .isInstanceOfSatisfying(QmpError.class,
                            e -> assertThat(e.description()).isEqualTo("Duplicate nodes with node-name='n0'"));
        }
    }

    @Test
    void refusedVerbsAreTypedErrors() {
        addNullNodes();
        startSlowBackup("job0");
        assertThatThrownBy(() -> cmd.jobResume("job0")).isInstanceOfSatisfying(QmpError.class, e -> {
            assertThat(e.errorClass()).isEqualTo(QmpError.ErrorClass.GENERIC_ERROR);
            assertThat(e.description()).isEqualTo("Can't resume a job that was not paused");
        });
        assertThatThrownBy(() -> cmd.jobDismiss("job0")).isInstanceOfSatisfying(QmpError.class, e -> {
            assertThat(e.errorClass()).isEqualTo(QmpError.ErrorClass.GENERIC_ERROR);
            assertThat(e.description()).isEqualTo("Job 'job0' in state 'running' cannot accept command verb 'dismiss'");
        });
        assertThatThrownBy(() -> cmd.jobComplete("job0")).isInstanceOfSatisfying(QmpError.class,
                e -> assertThat(e.description())
                        .isEqualTo("Job 'job0' in state 'running' cannot accept command verb 'complete'"));
        cmd.jobPause("job0");
        assertThatThrownBy(() -> cmd.jobPause("job0")).isInstanceOfSatisfying(QmpError.class,
                e -> assertThat(e.description()).isEqualTo("Job is already paused"));
        assertThatThrownBy(() -> cmd.jobPause("nope")).isInstanceOfSatisfying(QmpError.class,
                e -> assertThat(e.description()).isEqualTo("Job not found"));
        assertThatThrownBy(() -> cmd.blockdevAdd(BlockdevOptions.NullCo.builder().nodeName("tgt").build()))
                .isInstanceOfSatisfying(QmpError.class,
                        e -> assertThat(e.description()).isEqualTo("Duplicate nodes with node-name='tgt'"));
        assertThatThrownBy(() -> qmp.execute("no-such-command")).isInstanceOfSatisfying(QmpError.class, e -> {
            assertThat(e.errorClass()).isEqualTo(QmpError.ErrorClass.COMMAND_NOT_FOUND);
            assertThat(e.description()).isEqualTo("The command no-such-command has not been found");
        });
        // the connection is still usable after errors
        cmd.jobCancel("job0");
    }

    @Test
    void asyncClientAndTypedAwait() throws Exception {
        QapiSchemaCommands.Async async = QapiSchemaCommands.async(qmp);
        addNullNodes();
        CompletableFuture<Void> started = async.blockdevBackup(BlockdevBackup.builder().jobId("job1").device("src")
                .target("tgt").sync(MirrorSyncMode.FULL).speed(1L).autoDismiss(false).build());
        started.get(10, TimeUnit.SECONDS);
        CompletableFuture<List<JobInfo>> jobs = async.queryJobs();
        assertThat(jobs.get(10, TimeUnit.SECONDS)).extracting(JobInfo::id).containsExactly("job1");
        ExecutionException x = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> async.jobResume("job1").get(10, TimeUnit.SECONDS));
        assertThat(x.getCause()).isInstanceOf(QmpError.class);
        // typed await with a timeout: nothing dismisses the job yet
        assertThatThrownBy(() -> qmp.awaitEvent(JobStatusChangeEvent.TYPE,
                ev -> ev.id().equals("job1") && ev.status() == JobStatus.NULL, Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class);
        async.jobCancel("job1").get(10, TimeUnit.SECONDS);
        assertThat(job("job1").status()).isEqualTo(JobStatus.CONCLUDED);
        // until job1 reaches NULL, with a timeout; the dismissal is sent while we wait
        CompletableFuture<Void> dismiss = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            async.jobDismiss("job1").join();
        });
        JobStatusChangeEvent e = qmp.awaitEvent(JobStatusChangeEvent.TYPE,
                ev -> ev.id().equals("job1") && ev.status() == JobStatus.NULL, WAIT);
        assertThat(e.status()).isEqualTo(JobStatus.NULL);
        dismiss.get(10, TimeUnit.SECONDS);
        assertThat(async.queryJobs().get(10, TimeUnit.SECONDS)).isEmpty();
    }

    /** QEMU's monitor serves one client at a time: hand it over to the example program. */
    private void disconnect() throws Exception {
        qmp.close();
        qmp.closed().get(10, TimeUnit.SECONDS);
    }

    @Test
    void exampleProgramRunsABackupAndDismissesIt() throws Exception {
        disconnect();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new BackupProgress(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .run(new String[] {qemu.socket.toString(), "--null-nodes", "64M", "--speed", "128M"});
        String o = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(o + err).isEqualTo(BackupProgress.OK);
        assertThat(o).contains("Connected to QEMU 7.2.").contains("Started backup job backup0: src -> tgt")
                .contains("100.0% 64.0 MiB / 64.0 MiB").contains("Backup complete.")
                .contains("running -> waiting -> pending -> concluded -> null");
        qmp = QmpClient.connect(UnixDomainSocketAddress.of(qemu.socket));
        assertThat(QapiSchemaCommands.client(qmp).queryJobs()).isEmpty();
    }

    @Test
    void exampleProgramReportsARefusedCommand() throws Exception {
        disconnect();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new BackupProgress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .run(new String[] {qemu.socket.toString(), "--source", "nosuch"});
        assertThat(rc).isEqualTo(BackupProgress.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "QEMU refused the command: Cannot find device='nosuch' nor node-name='nosuch' (GenericError)");
    }

    @Test
    void vanishedQemuIsAConnectionError() throws Exception {
        addNullNodes();
        startSlowBackup("job0");
        CompletableFuture<JobStatusChangeEvent> never =
                qmp.nextEvent(JobStatusChangeEvent.TYPE, e -> e.status() == JobStatus.CONCLUDED);
        qemu.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        qmp.closed().get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> never.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(QmpConnectionException.class);
        assertThatThrownBy(() -> cmd.queryJobs()).isInstanceOf(QmpConnectionException.class);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new BackupProgress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(new String[] {qemu.socket.toString()});
        assertThat(rc).isEqualTo(BackupProgress.GONE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot connect to QEMU at " + qemu.socket);
    }
}
