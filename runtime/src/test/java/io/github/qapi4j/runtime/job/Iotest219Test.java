/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.runtime.job.qapi.JobInfo;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.job.qapi.JobType;
import io.github.qapi4j.runtime.qmp.QmpError;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * qemu-iotests 219's sequences (job-engine-tests.md, section D): job-* and block-job-* verbs
 * (here: the JobCommands and the Job calls the block layer would use) on a 4 MiB job that copies
 * 64 KiB chunks at 262144 B/s.
 */
class Iotest219Test {
    private static final long LEN = 4 * 1024 * 1024;
    private static final long CHUNK = 64 * 1024;

    private final ManualExecutor exec = new ManualExecutor();
    private final Recorder events = new Recorder();
    private final JobEngine engine = new JobEngine(events, exec);

    /** A mirror- or backup-like job: one chunk per slice, then a rate-limit sleep. */
    static final class CopyJob implements JobDriver {
        private final JobType type;
        private volatile boolean shouldComplete;

        CopyJob(JobType type) {
            this.type = type;
        }

        @Override
        public JobType type() {
            return type;
        }

        @Override
        public Step run(Job job) {
            if (job.isCancelled()) {
                return Step.done();
            }
            if (job.progressTotal() == 0) {
                job.progressSetRemaining(LEN);
            }
            if (job.progressCurrent() < LEN) {
                job.progressWorkDone(CHUNK);
                long delay = job.rateLimitDelay(CHUNK);
                return delay > 0 ? Step.sleep(delay) : Step.CONTINUE;
            }
            if (type != JobType.MIRROR || shouldComplete) {
                return Step.done();
            }
            if (!job.isReady()) {
                job.transitionToReady();
            }
            return Step.sleep(100_000_000L);
        }

        @Override
        public void complete(Job job) {
            if (type != JobType.MIRROR) {
                throw new UnsupportedOperationException();
            }
            shouldComplete = true;
            job.enter();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void refused(String verb, String status, Runnable... attempts) {
        for (Runnable r : attempts) {
            assertThatThrownBy(r::run).isInstanceOf(QmpError.class)
                    .extracting(e -> ((QmpError) e).description())
                    .isEqualTo("Job 'job0' in state '" + status + "' cannot accept command verb '" + verb + "'");
        }
    }

    private JobInfo query() {
        List<JobInfo> jobs = engine.queryJobs();
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    private void pauseResumeCycles(Job job, String pausedStatus, String liveStatus, boolean advances) {
        List<Consumer<Job>> pauses = List.of(j -> j.userPause(), j -> engine.jobPause("job0"));
        List<Consumer<Job>> resumes = List.of(j -> j.userResume(), j -> engine.jobResume("job0"));
        for (Consumer<Job> pause : pauses) {
            for (Consumer<Job> resume : resumes) {
                pause.accept(job);
                exec.drain();
                assertThat(events.take()).containsExactly("job0:" + pausedStatus);
                JobInfo paused = query();
                assertThat(paused.status().wireName()).isEqualTo(pausedStatus);
                assertThat(paused.totalProgress()).isEqualTo(LEN);
                long p = paused.currentProgress();
                resume.accept(job);
                assertThat(events.take()).containsExactly("job0:" + liveStatus);
                exec.drain();
                JobInfo live = query();
                assertThat(live.status().wireName()).isEqualTo(liveStatus);
                assertThat(live.currentProgress()).isEqualTo(advances ? p + CHUNK : p);
            }
        }
    }

    private Job startJob(JobType type, boolean autoFinalize, boolean autoDismiss) {
        Job job = engine.create("job0", new CopyJob(type), null, autoFinalize, autoDismiss);
        job.setSpeed(262144);
        job.start();
        exec.drain();
        if (type == JobType.BACKUP) {
            // backup's setup runs in a drained section: an internal pause/resume pair at start
            job.pause();
            job.resume();
            exec.drain();
            assertThat(events.take()).containsExactly("job0:created", "job0:running", "job0:paused", "job0:running");
        } else {
            assertThat(events.take()).containsExactly("job0:created", "job0:running");
        }
        assertThat(query().status()).isEqualTo(JobStatus.RUNNING);
        return job;
    }

    private void commonChecksInRunning(Job job) {
        pauseResumeCycles(job, "paused", "running", true);
        refused("complete", "running", () -> engine.jobComplete("job0"), job::complete);
        refused("finalize", "running", () -> engine.jobFinalize("job0"), job::finalizeJob);
        refused("dismiss", "running", () -> engine.jobDismiss("job0"), job::dismiss);
        job.setSpeed(0);
    }

    @Test
    @DisplayName("iotest 219: drive-mirror (auto-finalize, auto-dismiss), through ready and complete")
    void mirror() {
        Job job = startJob(JobType.MIRROR, true, true);
        commonChecksInRunning(job);
        exec.drain();
        assertThat(events.take()).containsExactly("job0:ready");
        JobInfo ready = query();
        assertThat(ready.status()).isEqualTo(JobStatus.READY);
        assertThat(ready.currentProgress()).isEqualTo(LEN);
        assertThat(ready.totalProgress()).isEqualTo(LEN);
        pauseResumeCycles(job, "standby", "ready", false);
        refused("finalize", "ready", () -> engine.jobFinalize("job0"), job::finalizeJob);
        refused("dismiss", "ready", () -> engine.jobDismiss("job0"), job::dismiss);
        engine.jobComplete("job0");
        exec.drain();
        assertThat(events.take()).containsExactly("job0:waiting", "job0:pending", "job0:concluded", "job0:null");
        assertThat(engine.queryJobs()).isEmpty();
    }

    @ParameterizedTest(name = "drive-backup auto-finalize={0} auto-dismiss={1}")
    @CsvSource({"true, true", "true, false", "false, true", "false, false"})
    @DisplayName("iotest 219: drive-backup with each auto-finalize/auto-dismiss combination")
    void backup(boolean autoFinalize, boolean autoDismiss) {
        Job job = startJob(JobType.BACKUP, autoFinalize, autoDismiss);
        commonChecksInRunning(job);
        exec.drain();
        List<String> tail = autoDismiss ? List.of("job0:concluded", "job0:null") : List.of("job0:concluded");
        if (autoFinalize) {
            assertThat(events.take()).containsExactlyElementsOf(
                    concat(List.of("job0:waiting", "job0:pending"), tail));
        } else {
            assertThat(events.take()).containsExactly("job0:waiting", "job0:pending");
            assertThat(query().status()).isEqualTo(JobStatus.PENDING);
            refused("pause", "pending", () -> engine.jobPause("job0"), job::userPause);
            refused("complete", "pending", () -> engine.jobComplete("job0"), job::complete);
            refused("dismiss", "pending", () -> engine.jobDismiss("job0"), job::dismiss);
            engine.jobFinalize("job0");
            assertThat(events.take()).containsExactlyElementsOf(tail);
        }
        if (!autoDismiss) {
            JobInfo concluded = query();
            assertThat(concluded).isEqualTo(new JobInfo("job0", JobType.BACKUP, JobStatus.CONCLUDED, LEN, LEN,
                    Optional.empty()));
            refused("pause", "concluded", () -> engine.jobPause("job0"), job::userPause);
            refused("complete", "concluded", () -> engine.jobComplete("job0"), job::complete);
            refused("finalize", "concluded", () -> engine.jobFinalize("job0"), job::finalizeJob);
            engine.jobDismiss("job0");
            assertThat(events.take()).containsExactly("job0:null");
        }
        assertThat(job.status()).isEqualTo(JobStatus.NULL);
        assertThat(engine.queryJobs()).isEmpty();
    }
}
