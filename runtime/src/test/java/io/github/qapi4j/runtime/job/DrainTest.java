/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.job.qapi.JobType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The job cases of QEMU's tests/unit/test-bdrv-drain.c (job-engine-tests.md, section C). */
class DrainTest {
    private final ManualExecutor exec = new ManualExecutor();
    private final Recorder events = new Recorder();
    private final JobEngine engine = new JobEngine(events, exec);
    private final List<String> hooks = new ArrayList<>();

    /** test-bdrv-drain's TestBlockJob: ready at once, then busy slices until completed. */
    final class DrainJob implements JobDriver {
        final boolean failRun;
        final boolean failPrepare;
        volatile boolean shouldComplete;

        DrainJob(boolean failRun, boolean failPrepare) {
            this.failRun = failRun;
            this.failPrepare = failPrepare;
        }

        @Override
        public JobType type() {
            return JobType.COMMIT;
        }

        @Override
        public Step run(Job job) {
            if (!job.isReady()) {
                job.transitionToReady();
            }
            if (shouldComplete) {
                return failRun ? Step.fail(JobException.IO_ERROR) : Step.done();
            }
            return Step.CONTINUE;
        }

        @Override
        public void complete(Job job) {
            shouldComplete = true;
        }

        @Override
        public void prepare(Job job) throws JobException {
            hooks.add("prepare");
            if (failPrepare) {
                throw new JobException(JobException.IO_ERROR);
            }
        }

        @Override
        public void commit(Job job) {
            hooks.add("commit");
        }

        @Override
        public void abort(Job job) {
            hooks.add("abort");
        }
    }

    private void drainCycle(Job job, int pausers) {
        assertThat(job.pauseCount()).isZero();
        assertThat(job.isPaused()).isFalse();
        assertThat(job.isBusy()).isTrue();
        for (int i = 0; i < pausers; i++) {
            job.pause(); // drained_begin of each node the job uses
        }
        exec.runTasks(1); // the job reaches its next pause point
        assertThat(job.pauseCount()).isEqualTo(pausers);
        assertThat(job.isPaused()).isTrue();
        assertThat(job.isBusy()).isFalse();
        assertThat(job.status()).isEqualTo(JobStatus.STANDBY);
        for (int i = 0; i < pausers; i++) {
            job.resume();
        }
        assertThat(job.pauseCount()).isZero();
        assertThat(job.isPaused()).isFalse();
        assertThat(job.isBusy()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1} pauser(s), failRun={2}, failPrepare={3}")
    @CsvSource({
        "/bdrv-drain/blockjob/drain, 1, false, false",
        "/bdrv-drain/blockjob/drain_all, 2, false, false",
        "/bdrv-drain/blockjob/error/drain (FAIL_RUN), 1, true, false",
        "/bdrv-drain/blockjob/error/drain_all (FAIL_RUN), 2, true, false",
        "/bdrv-drain/blockjob/error/drain (FAIL_PREPARE), 1, false, true",
        "/bdrv-drain/blockjob/error/drain_all (FAIL_PREPARE), 2, false, true"
    })
    @DisplayName("internal pauses are counted, nest and are separate from user pauses")
    void drain(String name, int pausers, boolean failRun, boolean failPrepare) {
        Job job = engine.create("job0", new DrainJob(failRun, failPrepare));
        job.start();
        exec.runTasks(1);
        assertThat(job.status()).isEqualTo(JobStatus.READY);
        drainCycle(job, pausers); // drain the source
        drainCycle(job, pausers); // then the target
        // a user pause is counted with the internal ones but resumed separately
        job.userPause();
        job.pause();
        exec.runTasks(1);
        assertThat(job.pauseCount()).isEqualTo(2);
        job.userResume();
        assertThat(job.isPaused()).isTrue();
        job.resume();
        assertThat(job.isBusy()).isTrue();
        job.complete(); // job_complete_sync
        exec.drain();
        boolean fails = failRun || failPrepare;
        assertThat(job.error()).isEqualTo(fails ? java.util.Optional.of(JobException.IO_ERROR) : java.util.Optional.empty());
        List<String> expected = new ArrayList<>(List.of("created", "running", "ready",
                "standby", "ready", "standby", "ready", "standby", "ready"));
        if (failRun) {
            expected.addAll(List.of("aborting", "concluded", "null"));
            assertThat(hooks).containsExactly("abort");
        } else if (failPrepare) {
            expected.addAll(List.of("waiting", "pending", "aborting", "concluded", "null"));
            assertThat(hooks).containsExactly("prepare", "abort");
        } else {
            expected.addAll(List.of("waiting", "pending", "concluded", "null"));
            assertThat(hooks).containsExactly("prepare", "commit");
        }
        assertThat(events.statuses("job0")).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("/bdrv-drain/blockjob/commit_by_drained_end: commit runs once, after the drain ends")
    void commitByDrainedEnd() {
        DrainJob driver = new DrainJob(false, false);
        Job job = engine.create("job0", driver);
        job.start();
        exec.runTasks(1);
        job.pause();
        exec.runTasks(1);
        job.complete(); // complete in standby: finishes once resumed
        exec.drain();
        assertThat(hooks).isEmpty();
        hooks.add("drained_end");
        job.resume();
        exec.drain();
        assertThat(hooks).containsExactly("drained_end", "prepare", "commit");
        assertThat(job.status()).isEqualTo(JobStatus.NULL);
    }
}
