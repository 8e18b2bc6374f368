/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.runtime.job.qapi.JobInfo;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.job.qapi.JobStatusChangeEvent;
import io.github.qapi4j.runtime.job.qapi.JobType;
import io.github.qapi4j.runtime.job.qapi.JobVerb;
import io.github.qapi4j.runtime.qmp.QmpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model-based concurrency test: many jobs on the real thread pool, random verbs from several
 * threads at once, checked against the tables of job-engine.md (an independent copy here).
 */
class JobEngineModelTest {
    private static final Pattern REFUSED =
            Pattern.compile("Job '(.+)' in state '(.+)' cannot accept command verb '(.+)'");

    /** job-engine.md section 2, written out again so the engine's table is not checked against itself. */
    private static final Map<String, List<String>> EDGES = Map.ofEntries(
            Map.entry("undefined", List.of("created")),
            Map.entry("created", List.of("running", "aborting", "null")),
            Map.entry("running", List.of("paused", "ready", "waiting", "aborting")),
            Map.entry("paused", List.of("running")),
            Map.entry("ready", List.of("standby", "waiting", "aborting")),
            Map.entry("standby", List.of("ready")),
            Map.entry("waiting", List.of("pending", "aborting")),
            Map.entry("pending", List.of("aborting", "concluded")),
            Map.entry("aborting", List.of("concluded")),
            Map.entry("concluded", List.of("null")),
            Map.entry("null", List.of()));
    private static final Map<String, List<String>> VERBS = Map.of(
            "cancel", List.of("created", "running", "paused", "ready", "standby", "waiting", "pending"),
            "pause", List.of("created", "running", "paused", "ready", "standby"),
            "resume", List.of("created", "running", "paused", "ready", "standby"),
            "complete", List.of("ready", "standby"),
            "finalize", List.of("pending"),
            "dismiss", List.of("concluded"));

    record Action(JobVerb verb, int job) {}

    /** Runs a while, may become ready, completes when told, stops when force-cancelled. */
    static final class RandomJob implements JobDriver {
        private final boolean converges;
        private int slices;
        private volatile boolean shouldComplete;

        RandomJob(boolean converges, int slices) {
            this.converges = converges;
            this.slices = slices;
        }

        @Override
        public JobType type() {
            return converges ? JobType.MIRROR : JobType.BACKUP;
        }

        @Override
        public Step run(Job job) {
            if (job.isCancelled()) {
                return Step.done();
            }
            if (slices-- > 0) {
                job.progressWorkDone(1);
                return (slices & 1) == 0 ? Step.sleep(20_000) : Step.CONTINUE;
            }
            if (!converges || shouldComplete || job.isCancelRequested()) {
                return Step.done();
            }
            if (!job.isReady()) {
                job.transitionToReady();
            }
            return Step.sleep(50_000);
        }

        @Override
        public boolean cancel(Job job, boolean force) {
            return force || !job.isReady();
        }

        @Override
        public void complete(Job job) {
            shouldComplete = true;
            job.enter();
        }
    }

    @Provide
    Arbitrary<List<List<Action>>> scripts() {
        Arbitrary<Action> action = Combinators.combine(
                        Arbitraries.of(JobVerb.CANCEL, JobVerb.PAUSE, JobVerb.RESUME, JobVerb.COMPLETE,
                                JobVerb.FINALIZE, JobVerb.DISMISS, JobVerb.SET_SPEED),
                        Arbitraries.integers().between(0, 11))
                .as(Action::new);
        return action.list().ofMinSize(5).ofMaxSize(60).list().ofSize(4);
    }

    @Property(tries = 40)
    void randomVerbsFromManyThreadsFollowTheTables(@ForAll("scripts") List<List<Action>> scripts,
            @ForAll boolean reentrantListener) throws Exception {
        int jobs = 12;
        Map<String, List<String>> history = new ConcurrentHashMap<>();
        List<String> violations = new CopyOnWriteArrayList<>();
        JobEngine[] self = new JobEngine[1];
        JobEngine engine = new JobEngine((JobStatusChangeEvent e) -> {
            List<String> h = history.computeIfAbsent(e.id(), k -> new CopyOnWriteArrayList<>());
            String prev = h.isEmpty() ? "undefined" : h.get(h.size() - 1);
            if (!EDGES.get(prev).contains(e.status().wireName())) {
                violations.add(e.id() + ": " + prev + " -> " + e.status().wireName() + " after " + h);
            }
            h.add(e.status().wireName());
            if (reentrantListener && e.status() == JobStatus.CONCLUDED) {
                try {
                    self[0].jobDismiss(e.id()); // may race with a dismiss from a verb thread
                } catch (QmpError ignored) {
                    // refused or not found: fine
                }
                self[0].queryJobs();
            }
        });
        self[0] = engine;
        JobTxn shared = engine.newTransaction();
        for (int i = 0; i < jobs; i++) {
            boolean inTxn = i >= 8; // jobs 8..11 complete as a group
            Job job = engine.create("job" + i, new RandomJob(i % 3 == 0, 3 + i), inTxn ? shared : null,
                    i % 2 == 0, i % 4 != 1);
            if (!inTxn) {
                job.start();
            }
        }
        for (int i = 8; i < jobs; i++) {
            engine.find("job" + i).orElseThrow().start();
        }
        ExecutorService threads = Executors.newFixedThreadPool(scripts.size() + 1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<Action> script : scripts) {
                futures.add(threads.submit(() -> {
                    for (Action a : script) {
                        apply(engine, a, violations);
                        if (ThreadLocalRandom.current().nextInt(4) == 0) {
                            checkQuery(engine.queryJobs(), history, violations);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(20, TimeUnit.SECONDS); // a deadlock fails here
            }
            // drive every job to its end; none may be lost
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<JobInfo> left;
            while (!(left = engine.queryJobs()).isEmpty()) {
                assertThat(System.nanoTime()).as("jobs stuck: %s", left).isLessThan(deadline);
                for (JobInfo info : left) {
                    JobVerb v = switch (info.status()) {
                        case CONCLUDED -> JobVerb.DISMISS;
                        case PENDING -> JobVerb.FINALIZE;
                        case ABORTING, NULL, UNDEFINED, WAITING -> null;
                        default -> JobVerb.CANCEL;
                    };
                    if (v != null) {
                        apply(engine, new Action(v, Integer.parseInt(info.id().substring(3))), violations);
                    }
                }
                Thread.sleep(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(violations).isEmpty();
        for (int i = 0; i < jobs; i++) {
            List<String> h = history.get("job" + i);
            assertThat(h).as("job%d", i).startsWith("created").endsWith("null");
            assertThat(h.stream().filter("null"::equals).count()).isEqualTo(1);
        }
    }

    private static void apply(JobEngine engine, Action a, List<String> violations) {
        String id = "job" + a.job();
        try {
            switch (a.verb()) {
                case CANCEL -> engine.jobCancel(id);
                case PAUSE -> engine.jobPause(id);
                case RESUME -> engine.jobResume(id);
                case COMPLETE -> engine.jobComplete(id);
                case FINALIZE -> engine.jobFinalize(id);
                case DISMISS -> engine.jobDismiss(id);
                case SET_SPEED -> engine.find(id).ifPresent(j -> j.setSpeed(ThreadLocalRandom.current().nextInt(3)));
            }
        } catch (QmpError e) {
            String text = e.description();
            Matcher m = REFUSED.matcher(text);
            if (m.matches()) {
                List<String> allowed = VERBS.get(m.group(3));
                if (!m.group(1).equals(id) || (allowed != null && allowed.contains(m.group(2)))) {
                    violations.add("refused wrongly: " + text);
                }
            } else if (!text.equals("Job not found") && !text.equals("Job is already paused")
                    && !text.equals("Can't resume a job that was not paused")
                    && !text.equals("The active block job '" + id + "' cannot be completed")) {
                violations.add("unexpected error: " + text);
            }
        } catch (RuntimeException e) {
            violations.add("exception: " + e);
        }
    }

    /** Events precede the return of the verb that caused them: every status listed was announced. */
    private static void checkQuery(List<JobInfo> infos, Map<String, List<String>> history, List<String> violations) {
        for (JobInfo info : infos) {
            List<String> h = history.get(info.id());
            if (h == null || !h.contains(info.status().wireName())) {
                violations.add("query-jobs shows " + info.id() + " " + info.status().wireName() + " before its event: " + h);
            }
            if (info.currentProgress() < 0) {
                violations.add("negative progress " + info);
            }
        }
    }
}
