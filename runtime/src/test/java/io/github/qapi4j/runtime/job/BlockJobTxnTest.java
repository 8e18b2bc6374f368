/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.runtime.job.TestDrivers.CountingJob;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** QEMU's tests/unit/test-blockjob-txn.c (job-engine-tests.md, section B). */
class BlockJobTxnTest {
    private static final String EIO = JobException.IO_ERROR;
    private static final String ECANCELED = JobException.OPERATION_CANCELED;

    private final ManualExecutor exec = new ManualExecutor();
    private final Recorder events = new Recorder();
    private final JobEngine engine = new JobEngine(events, exec);

    private static Optional<String> result(Job job) {
        assertThat(job.finished()).isDone();
        return job.error();
    }

    @Test
    @DisplayName("/single/success")
    void singleSuccess() {
        Job job = engine.create("job0", new CountingJob(1, null), engine.newTransaction(), true, true);
        job.start();
        exec.drain();
        assertThat(result(job)).isEmpty();
        assertThat(events.statuses("job0"))
                .containsExactly("created", "running", "waiting", "pending", "concluded", "null");
    }

    @Test
    @DisplayName("/single/failure")
    void singleFailure() {
        Job job = engine.create("job0", new CountingJob(1, EIO), engine.newTransaction(), true, true);
        job.start();
        exec.drain();
        assertThat(result(job)).contains(EIO);
        assertThat(events.statuses("job0")).containsExactly("created", "running", "aborting", "concluded", "null");
    }

    @Test
    @DisplayName("/single/cancel: a soft cancel without a driver hook counts as forced")
    void singleCancel() {
        Job job = engine.create("job0", new CountingJob(10, null), engine.newTransaction(), true, true);
        job.start();
        job.cancel(false);
        exec.drain();
        assertThat(result(job)).contains(ECANCELED);
        assertThat(events.statuses("job0")).containsExactly("created", "running", "aborting", "concluded", "null");
    }

    @Test
    @DisplayName("/pair/success")
    void pairSuccess() {
        JobTxn txn = engine.newTransaction();
        Job job1 = engine.create("job1", new CountingJob(1, null), txn, true, true);
        Job job2 = engine.create("job2", new CountingJob(2, null), txn, true, true);
        job1.start();
        job2.start();
        exec.drain();
        assertThat(result(job1)).isEmpty();
        assertThat(result(job2)).isEmpty();
        // job1 finishes first and waits; job2's completion moves the group (newest first)
        assertThat(events.all()).containsExactly("job1:created", "job2:created", "job1:running", "job2:running",
                "job1:waiting", "job2:waiting", "job2:pending", "job1:pending", "job2:concluded", "job2:null",
                "job1:concluded", "job1:null");
    }

    @ParameterizedTest(name = "/pair/failure ({0}, {1})")
    @CsvSource({"EIO, OK", "OK, EIO"})
    @DisplayName("/pair/failure: the failing job gets EIO, the other ECANCELED")
    void pairFailure(String r1, String r2) {
        JobTxn txn = engine.newTransaction();
        Job job1 = engine.create("job1", new CountingJob(1, r1.equals("EIO") ? EIO : null), txn, true, true);
        Job job2 = engine.create("job2", new CountingJob(2, r2.equals("EIO") ? EIO : null), txn, true, true);
        job1.start();
        job2.start();
        exec.drain();
        assertThat(result(job1)).contains(r1.equals("EIO") ? EIO : ECANCELED);
        assertThat(result(job2)).contains(r2.equals("EIO") ? EIO : ECANCELED);
        assertThat(events.statuses("job1")).endsWith("aborting", "concluded", "null");
        assertThat(events.statuses("job2")).endsWith("aborting", "concluded", "null");
    }

    @ParameterizedTest(name = "/pair/cancel (cancel job{0})")
    @CsvSource({"1", "2"})
    @DisplayName("/pair/cancel: cancelling one member cancels both")
    void pairCancel(int which) {
        JobTxn txn = engine.newTransaction();
        Job job1 = engine.create("job1", new CountingJob(1, null), txn, true, true);
        Job job2 = engine.create("job2", new CountingJob(2, null), txn, true, true);
        job1.start();
        job2.start();
        (which == 1 ? job1 : job2).cancel(false);
        exec.drain();
        assertThat(result(job1)).contains(ECANCELED);
        assertThat(result(job2)).contains(ECANCELED);
    }

    @Test
    @DisplayName("/pair/fail-cancel-race: a member that already finished is still cancelled with the group")
    void pairFailCancelRace() {
        JobTxn txn = engine.newTransaction();
        Job job1 = engine.create("job1", new CountingJob(1, null), txn, true, true);
        Job job2 = engine.create("job2", new CountingJob(0, null), txn, true, true);
        job2.start(); // job2's slice is queued first, so it completes before job1 is woken
        job1.start();
        job1.cancel(false);
        exec.runTasks(1);
        assertThat(job2.status()).isEqualTo(JobStatus.WAITING);
        exec.drain();
        assertThat(result(job1)).contains(ECANCELED);
        assertThat(result(job2)).contains(ECANCELED);
        assertThat(events.all()).containsExactly("job1:created", "job2:created", "job2:running", "job1:running",
                "job2:waiting", "job1:aborting", "job2:aborting", "job2:concluded", "job2:null",
                "job1:concluded", "job1:null");
    }
}
