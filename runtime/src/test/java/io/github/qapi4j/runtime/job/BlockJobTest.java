/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.runtime.job.TestDrivers.CancelJob;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.qmp.QmpError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** QEMU's tests/unit/test-blockjob.c, scenario by scenario (job-engine-tests.md, section A). */
class BlockJobTest {
    private final ManualExecutor exec = new ManualExecutor();
    private final Recorder events = new Recorder();
    private JobEngine engine;

    @BeforeEach
    void setUp() {
        engine = new JobEngine(events, exec);
    }

    private Job createSteve(CancelJob driver) {
        // test-blockjob.c creates its jobs with manual finalize and manual dismiss
        return engine.create("Steve", driver, null, false, false);
    }

    private static void assertQmpError(Runnable r, String text) {
        assertThatThrownBy(r::run).isInstanceOf(QmpError.class)
                .extracting(e -> ((QmpError) e).description()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0id", "", "   ", "123", "_id", "-id", ".id", "#id"})
    @DisplayName("/blockjob/ids: malformed ids are refused with Invalid job ID")
    void malformedIds(String id) {
        assertQmpError(() -> engine.create(id, new CancelJob()), "Invalid job ID '" + id + "'");
        assertThat(events.all()).isEmpty();
    }

    @Test
    @DisplayName("/blockjob/ids: valid, duplicate and reusable ids")
    void ids() {
        assertQmpError(() -> engine.create(null, new CancelJob()), "An explicit job ID is required");
        Job id0 = engine.create("id0", new CancelJob());
        engine.create("id1", new CancelJob());
        assertQmpError(() -> engine.create("id0", new CancelJob()), "Job ID 'id0' already in use");
        id0.earlyFail(); // created -> null frees the id
        Job again = engine.create("id0", new CancelJob());
        assertThat(again.status()).isEqualTo(JobStatus.CREATED);
        engine.create("drive1", new CancelJob());
        assertQmpError(() -> engine.create("drive1", new CancelJob()), "Job ID 'drive1' already in use");
        engine.create("id_2", new CancelJob());
        engine.create("Steve", new CancelJob());
        assertThat(events.statuses("id0")).containsExactly("created", "null", "created");
    }

    @Test
    @DisplayName("/blockjob/cancel/created: C -> X -> E -> N without dismiss")
    void cancelCreated() {
        Job job = createSteve(new CancelJob());
        job.cancel(true);
        assertThat(job.status()).isEqualTo(JobStatus.NULL);
        assertThat(events.statuses("Steve")).containsExactly("created", "aborting", "concluded", "null");
        assertThat(engine.queryJobs()).isEmpty();
    }

    @Test
    @DisplayName("/blockjob/cancel/running: R, force cancel -> E, dismiss -> N")
    void cancelRunning() {
        Job job = createSteve(new CancelJob());
        job.start();
        exec.drain();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        cancelSyncThenDismiss(job);
        assertThat(events.statuses("Steve"))
                .containsExactly("created", "running", "aborting", "concluded", "null");
    }

    @Test
    @DisplayName("/blockjob/cancel/paused: user pause -> P, cancel resumes and aborts")
    void cancelPaused() {
        Job job = createSteve(new CancelJob());
        job.start();
        exec.drain();
        job.userPause();
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED); // the sleeping job was entered at once
        job.enter(); // as in QEMU, a kick wakes the parked job, which parks again at its next pause point
        exec.drain();
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        cancelSyncThenDismiss(job);
        assertThat(events.statuses("Steve")).containsExactly(
                "created", "running", "paused", "running", "paused", "running", "aborting", "concluded", "null");
    }

    @Test
    @DisplayName("/blockjob/cancel/ready: Y, cancel without driver hook is forced")
    void cancelReady() {
        CancelJob driver = new CancelJob();
        Job job = createSteve(driver);
        job.start();
        driver.shouldConverge = true;
        exec.fireTimers();
        assertThat(job.status()).isEqualTo(JobStatus.READY);
        cancelSyncThenDismiss(job);
        assertThat(events.statuses("Steve"))
                .containsExactly("created", "running", "ready", "aborting", "concluded", "null");
    }

    @Test
    @DisplayName("/blockjob/cancel/standby: Y, user pause -> S, cancel")
    void cancelStandby() {
        CancelJob driver = new CancelJob();
        Job job = createSteve(driver);
        job.start();
        driver.shouldConverge = true;
        exec.fireTimers();
        job.userPause();
        job.enter();
        exec.drain();
        assertThat(job.status()).isEqualTo(JobStatus.STANDBY);
        cancelSyncThenDismiss(job);
        assertThat(events.statuses("Steve")).containsExactly(
                "created", "running", "ready", "standby", "ready", "standby", "ready", "aborting", "concluded",
                "null");
    }

    @Test
    @DisplayName("/blockjob/cancel/pending: Y, complete -> D (manual finalize), cancel -> X -> E")
    void cancelPending() {
        CancelJob driver = new CancelJob();
        Job job = createSteve(driver);
        job.start();
        driver.shouldConverge = true;
        exec.fireTimers();
        job.complete();
        assertThat(job.status()).isEqualTo(JobStatus.READY); // until run returns
        exec.fireTimers();
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        cancelSyncThenDismiss(job);
        assertThat(events.statuses("Steve")).containsExactly("created", "running", "ready", "waiting",
                "pending", "aborting", "concluded", "null");
    }

    @Test
    @DisplayName("/blockjob/cancel/concluded: E; internal cancel dismisses, QMP cancel is refused")
    void cancelConcluded() {
        CancelJob driver = new CancelJob();
        Job job = createSteve(driver);
        job.start();
        driver.shouldConverge = true;
        exec.fireTimers();
        job.complete();
        exec.fireTimers();
        job.finalizeJob();
        assertThat(job.status()).isEqualTo(JobStatus.CONCLUDED);
        assertQmpError(() -> engine.jobCancel("Steve"),
                "Job 'Steve' in state 'concluded' cannot accept command verb 'cancel'");
        job.cancel(true);
        assertThat(job.status()).isEqualTo(JobStatus.NULL);
        assertThat(events.statuses("Steve")).containsExactly("created", "running", "ready", "waiting",
                "pending", "concluded", "null");
        assertThat(job.error()).isEmpty();
    }

    /** QEMU's cancel_common: job_cancel_sync, then the manual dismiss. */
    private void cancelSyncThenDismiss(Job job) {
        job.cancel(true);
        for (int i = 0; i < 10 && job.status() != JobStatus.CONCLUDED; i++) {
            exec.fireTimers();
        }
        assertThat(job.status()).isEqualTo(JobStatus.CONCLUDED);
        assertThat(job.error()).contains("Operation canceled");
        job.dismiss();
        assertThat(job.status()).isEqualTo(JobStatus.NULL);
    }
}
