/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qapi4j.runtime.job.TestDrivers.CancelJob;
import io.github.qapi4j.runtime.job.TestDrivers.CountingJob;
import io.github.qapi4j.runtime.job.TestDrivers.Trivial;
import io.github.qapi4j.runtime.job.qapi.JobInfo;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.job.qapi.JobType;
import io.github.qapi4j.runtime.qmp.QmpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Verbs, error texts, events and transactions as job-engine.md describes them. */
class JobEngineTest {
    private final ManualExecutor exec = new ManualExecutor();
    private final Recorder events = new Recorder();
    private final JobEngine engine = new JobEngine(events, exec);

    private static void assertQmpError(Runnable r, String text) {
        assertThatThrownBy(r::run).isInstanceOf(QmpError.class)
                .satisfies(e -> assertThat(((QmpError) e).errorClass()).isEqualTo(QmpError.ErrorClass.GENERIC_ERROR))
                .extracting(e -> ((QmpError) e).description()).isEqualTo(text);
    }

    /** A driver that records its hooks and notifications in the event log, in event order. */
    final class Hooked implements JobDriver {
        private final String name;
        private final String failure;
        volatile boolean finish;

        Hooked(String name, String failure) {
            this.name = name;
            this.failure = failure;
        }

        @Override
        public JobType type() {
            return JobType.BACKUP;
        }

        @Override
        public Step run(Job job) {
            if (job.isCancelled()) {
                return Step.done();
            }
            if (failure != null) {
                return Step.fail(failure);
            }
            return finish ? Step.done() : Step.sleep(1_000_000);
        }

        private void note(Job job, String what) {
            job.postEvent(() -> events.note(name + ":" + what)); // in event order
        }

        @Override
        public void commit(Job job) {
            note(job, "COMMIT");
        }

        @Override
        public void abort(Job job) {
            note(job, "ABORT");
        }

        @Override
        public void clean(Job job) {
            note(job, "CLEAN");
        }

        @Override
        public void prepare(Job job) {
            note(job, "PREPARE");
        }

        @Override
        public void onCompleted(Job job) {
            note(job, "COMPLETED" + job.error().map(e -> "(" + e + ")").orElse(""));
        }

        @Override
        public void onCancelled(Job job) {
            note(job, "CANCELLED");
        }

        @Override
        public void onPending(Job job) {
            note(job, "PENDING");
        }
    }

    @Test
    @DisplayName("unknown ids: every job-* verb answers Job not found")
    void jobNotFound() {
        List<Consumer<String>> verbs = List.of(engine::jobPause, engine::jobResume, engine::jobCancel,
                engine::jobComplete, engine::jobDismiss, engine::jobFinalize);
        for (Consumer<String> verb : verbs) {
            assertQmpError(() -> verb.accept("nope"), "Job not found");
        }
    }

    @Test
    @DisplayName("pause: verb check first, then Job is already paused; resume: its own check first")
    void pauseAndResumeChecks() {
        Job job = engine.create("job0", new CancelJob());
        assertQmpError(() -> engine.jobResume("job0"), "Can't resume a job that was not paused");
        job.start();
        exec.drain();
        engine.jobPause("job0");
        assertQmpError(() -> engine.jobPause("job0"), "Job is already paused");
        engine.jobResume("job0");
        assertQmpError(() -> engine.jobResume("job0"), "Can't resume a job that was not paused");
        // an internal pause alone is not resumable by the user
        exec.drain();
        job.pause();
        assertQmpError(() -> engine.jobResume("job0"), "Can't resume a job that was not paused");
        job.resume();
        assertThat(events.statuses("job0")).containsExactly("created", "running", "paused", "running", "paused",
                "running");
    }

    @Test
    @DisplayName("resume of a pending job reports the not-paused error, not the verb error")
    void resumePrecheckBeforeVerbTable() {
        Job job = engine.create("job0", new Trivial(JobType.CREATE), null, false, false);
        job.start();
        exec.drain();
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertQmpError(() -> engine.jobResume("job0"), "Can't resume a job that was not paused");
        assertQmpError(() -> engine.jobPause("job0"), "Job 'job0' in state 'pending' cannot accept command verb 'pause'");
    }

    @Test
    @DisplayName("complete: refused without a hook, and after any cancel request")
    void completeRefusals() {
        CancelJob driver = new CancelJob();
        engine.create("job0", new Trivial(JobType.MIRROR) {
            @Override
            public Step run(Job job) {
                job.transitionToReady();
                return Step.YIELD;
            }
        }).start();
        exec.drain();
        assertQmpError(() -> engine.jobComplete("job0"), "The active block job 'job0' cannot be completed");
        Job soft = engine.create("soft", new CancelJob() {
            @Override
            public boolean cancel(Job job, boolean force) {
                return force || !job.isReady(); // mirror: soft cancel in ready is not a cancel
            }
        });
        ((CancelJob) soft.driver()).shouldConverge = true;
        soft.start();
        exec.drain();
        soft.userCancel(false);
        assertThat(soft.isCancelRequested()).isTrue();
        assertThat(soft.isCancelled()).isFalse();
        assertQmpError(() -> engine.jobComplete("soft"), "The active block job 'soft' cannot be completed");
        assertThat(driver.shouldComplete).isFalse();
    }

    @Test
    @DisplayName("soft cancel of a ready mirror-like job succeeds (COMPLETED, not CANCELLED)")
    void softCancelInReadySucceeds() {
        Job job = engine.create("m", new CancelJob() {
            @Override
            public Step run(Job job) {
                if (job.isCancelRequested() && job.isReady()) {
                    return Step.done(); // finish the sync without switching over
                }
                return super.run(job);
            }

            @Override
            public boolean cancel(Job job, boolean force) {
                return force || !job.isReady();
            }
        });
        ((CancelJob) job.driver()).shouldConverge = true;
        job.start();
        exec.fireTimers();
        job.userCancel(false);
        exec.fireTimers();
        assertThat(job.error()).isEmpty();
        assertThat(events.statuses("m")).containsExactly("created", "running", "ready", "waiting", "pending",
                "concluded", "null");
    }

    @Test
    @DisplayName("job-cancel always forces: a ready job aborts with Operation canceled in query-jobs")
    void cancelReadyForces() {
        CancelJob driver = new CancelJob();
        Job job = engine.create("job0", driver, null, true, false);
        driver.shouldConverge = true;
        job.start();
        exec.fireTimers();
        engine.jobCancel("job0");
        exec.drain();
        assertThat(engine.queryJobs()).containsExactly(
                new JobInfo("job0", JobType.BACKUP, JobStatus.CONCLUDED, 0, 0, Optional.of("Operation canceled")));
        assertQmpError(() -> engine.jobCancel("job0"),
                "Job 'job0' in state 'concluded' cannot accept command verb 'cancel'");
        engine.jobDismiss("job0");
        assertThat(engine.queryJobs()).isEmpty();
    }

    @Test
    @DisplayName("a paused job is cancelled: running is emitted inside the cancel call")
    void cancelUserPausedEmitsRunningSynchronously() {
        Job job = engine.create("job0", new CancelJob());
        job.start();
        exec.drain();
        engine.jobPause("job0");
        events.take();
        engine.jobCancel("job0");
        assertThat(events.take()).containsExactly("job0:running");
        exec.drain();
        assertThat(events.take()).containsExactly("job0:aborting", "job0:concluded", "job0:null");
    }

    @Test
    @DisplayName("failure in run: error is visible from aborting on, and COMPLETED carries it")
    void failureInRun() {
        Job job = engine.create("job0", new Hooked("job0", "Input/output error"), null, true, false);
        job.start();
        exec.drain();
        assertThat(events.all()).containsExactly("job0:created", "job0:running", "job0:aborting", "job0:ABORT",
                "job0:CLEAN", "job0:COMPLETED(Input/output error)", "job0:concluded");
        assertThat(engine.queryJobs().get(0).error()).contains("Input/output error");
    }

    @Test
    @DisplayName("a job that never started: cancel goes C -> X -> E -> N with no block events")
    void neverStartedHasNoBlockEvents() {
        engine.create("job0", new Hooked("job0", null), null, false, false);
        engine.jobCancel("job0");
        assertThat(events.all()).containsExactly("job0:created", "job0:aborting", "job0:ABORT", "job0:CLEAN",
                "job0:concluded", "job0:null");
    }

    @Test
    @DisplayName("7.11: transaction A, B, C where B fails, A waiting and C running")
    void transactionFailureOrder() {
        JobTxn txn = engine.newTransaction();
        Hooked a = new Hooked("A", null);
        a.finish = true;
        engine.create("A", a, txn, true, true).start();
        engine.create("B", new Hooked("B", JobException.IO_ERROR), txn, true, true);
        engine.create("C", new Hooked("C", null), txn, true, true).start();
        exec.drain(); // A waits, C sleeps
        events.take();
        engine.find("B").orElseThrow().start();
        exec.drain();
        exec.fireTimers();
        assertThat(events.take()).containsExactly("B:running", "B:aborting", "C:aborting", "C:ABORT", "C:CLEAN",
                "C:CANCELLED", "C:concluded", "C:null", "B:ABORT", "B:CLEAN", "B:COMPLETED(Input/output error)",
                "B:concluded", "B:null", "A:aborting", "A:ABORT", "A:CLEAN", "A:CANCELLED", "A:concluded", "A:null");
    }

    @Test
    @DisplayName("7.12: transaction of three that succeeds, with one manual member")
    void transactionSuccessManual() {
        JobTxn txn = engine.newTransaction();
        List<Job> jobs = new ArrayList<>();
        for (String id : List.of("A", "B", "C")) {
            Hooked h = new Hooked(id, null);
            h.finish = true;
            jobs.add(engine.create(id, h, txn, !id.equals("B"), true));
        }
        jobs.forEach(Job::start);
        events.take();
        exec.drain();
        assertThat(events.take()).containsExactly("A:waiting", "B:waiting", "C:waiting", "C:pending", "B:pending",
                "B:PENDING", "A:pending");
        assertQmpError(() -> engine.jobFinalize("nope"), "Job not found");
        engine.jobFinalize("A"); // finalizing any member finalizes all
        assertThat(events.take()).containsExactly("C:PREPARE", "B:PREPARE", "A:PREPARE",
                "C:COMMIT", "C:CLEAN", "C:COMPLETED", "C:concluded", "C:null",
                "B:COMMIT", "B:CLEAN", "B:COMPLETED", "B:concluded", "B:null",
                "A:COMMIT", "A:CLEAN", "A:COMPLETED", "A:concluded", "A:null");
    }

    @Test
    @DisplayName("force cancel of a pending member aborts the whole transaction")
    void cancelPendingAbortsTransaction() {
        JobTxn txn = engine.newTransaction();
        engine.create("A", new CountingJob(0, null), txn, false, true).start();
        engine.create("B", new CountingJob(0, null), txn, false, true).start();
        exec.drain();
        events.take();
        engine.jobCancel("A");
        assertThat(events.take()).containsExactly("B:aborting", "B:concluded", "B:null", "A:aborting",
                "A:concluded", "A:null");
    }

    @Test
    @DisplayName("query-jobs lists newest first, skips internal jobs and keeps concluded ones")
    void queryOrder() {
        engine.create("old", new CountingJob(0, null), null, true, false).start();
        engine.createInternal(new CancelJob(), null).start();
        engine.create("new", new CancelJob());
        exec.drain();
        assertThat(engine.queryJobs()).extracting(JobInfo::id, JobInfo::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("new", JobStatus.CREATED),
                org.assertj.core.groups.Tuple.tuple("old", JobStatus.CONCLUDED));
        assertThat(events.all()).noneMatch(e -> e.startsWith("null:"));
    }

    @Test
    @DisplayName("set-speed: verb check, then the non-negative check")
    void setSpeed() {
        Job job = engine.create("job0", new CancelJob(), null, false, false);
        assertQmpError(() -> job.setSpeed(-1), "Parameter 'speed' expects a non-negative value");
        job.setSpeed(65536);
        assertThat(job.speed()).isEqualTo(65536);
        job.start();
        exec.drain();
        job.cancel(true);
        exec.drain();
        assertQmpError(() -> job.setSpeed(1), "Job 'job0' in state 'concluded' cannot accept command verb 'set-speed'");
    }

    @Test
    @DisplayName("set-speed during a slice: the slice's delay, computed at the old speed, is not slept")
    void setSpeedDuringSlice() {
        int[] runs = {0};
        Job[] self = {null};
        Job job = engine.create("job0", new JobDriver() {
            @Override
            public JobType type() {
                return JobType.BACKUP;
            }

            @Override
            public Step run(Job j) {
                runs[0]++;
                if (runs[0] == 1) {
                    long delay = j.rateLimitDelay(1 << 20); // at the old speed
                    self[0].setSpeed(0); // a concurrent set-speed lands before the slice ends
                    return Step.sleep(delay);
                }
                return Step.done();
            }
        }, null, true, true);
        self[0] = job;
        job.setSpeed(1024);
        job.start();
        exec.drain();
        assertThat(runs[0]).isEqualTo(2);
        assertThat(exec.pendingTimers()).isZero();
        assertThat(job.status()).isEqualTo(JobStatus.NULL);
    }

    @Test
    @DisplayName("progress: current only grows, total follows set-remaining")
    void progress() {
        Job job = engine.create("job0", new CancelJob());
        job.progressSetRemaining(10);
        job.progressWorkDone(4);
        job.progressSetRemaining(3);
        job.progressIncreaseRemaining(2);
        assertThat(job.progressCurrent()).isEqualTo(4);
        assertThat(job.progressTotal()).isEqualTo(9);
        assertThatThrownBy(() -> job.progressWorkDone(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a listener that calls back into the engine: no deadlock, events stay in order")
    void reentrantListener() {
        List<String> seen = new ArrayList<>();
        JobEngine[] self = new JobEngine[1];
        JobEngine reentrant = new JobEngine(e -> {
            seen.add(e.id() + ":" + e.status().wireName());
            if (e.status() == JobStatus.CONCLUDED) {
                self[0].jobDismiss(e.id()); // null must follow concluded, after this listener returns
                seen.add("dismissed " + self[0].queryJobs().size());
            }
        }, exec);
        self[0] = reentrant;
        reentrant.create("job0", new CountingJob(0, null), null, true, false).start();
        exec.drain();
        assertThat(seen).containsExactly("job0:created", "job0:running", "job0:waiting", "job0:pending",
                "job0:concluded", "dismissed 0", "job0:null");
    }

    /** The schema's statuses: the generated enum adds UNRECOGNIZED for values of a newer QEMU. */
    private static final List<JobStatus> KNOWN_STATUSES =
            java.util.Arrays.stream(JobStatus.values()).filter(s -> s.wireName() != null).toList();

    @Test
    @DisplayName("the status and verb tables match job-engine.md, cell by cell")
    void tables() {
        String[] rows = {
            "undefined: created", "created: running aborting null", "running: paused ready waiting aborting",
            "paused: running", "ready: standby waiting aborting", "standby: ready", "waiting: pending aborting",
            "pending: aborting concluded", "aborting: aborting concluded", "concluded: null", "null:"};
        for (String row : rows) {
            JobStatus from = JobStatus.fromWireName(row.substring(0, row.indexOf(':')));
            List<String> to = List.of(row.substring(row.indexOf(':') + 1).trim().split(" "));
            for (JobStatus s : KNOWN_STATUSES) {
                assertThat(JobTables.canTransition(from, s)).as(from + "->" + s).isEqualTo(to.contains(s.wireName()));
            }
        }
        String[] verbs = {"cancel: created running paused ready standby waiting pending",
            "pause: created running paused ready standby", "resume: created running paused ready standby",
            "set-speed: created running paused ready standby", "complete: ready standby", "finalize: pending",
            "dismiss: concluded"};
        for (String row : verbs) {
            var verb = io.github.qapi4j.runtime.job.qapi.JobVerb.fromWireName(row.substring(0, row.indexOf(':')));
            List<String> ok = List.of(row.substring(row.indexOf(':') + 1).trim().split(" "));
            for (JobStatus s : KNOWN_STATUSES) {
                assertThat(JobTables.accepts(s, verb)).as(verb + " in " + s).isEqualTo(ok.contains(s.wireName()));
            }
        }
    }
}
