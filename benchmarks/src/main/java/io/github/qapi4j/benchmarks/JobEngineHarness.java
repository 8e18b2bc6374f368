/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import io.github.qapi4j.runtime.job.Job;
import io.github.qapi4j.runtime.job.JobEngine;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job engine's numbers for docs/PERFORMANCE.md: lifecycles per second of trivial jobs,
 * heap per paused job and query-jobs latency over 10,000 paused jobs, and verb latency.
 */
public final class JobEngineHarness {
    private JobEngineHarness() {}

    public static void main(String[] args) throws Exception {
        lifecycles();
        pausedJobs(10_000);
    }

    private static void lifecycles() {
        AtomicLong nulls = new AtomicLong();
        JobEngine engine = new JobEngine(e -> {
            if (e.status() == JobStatus.NULL) {
                nulls.incrementAndGet();
            }
        });
        long seq = 0;
        for (int round = 0; round < 8; round++) {
            int n = 200_000;
            long start = System.nanoTime();
            long target = nulls.get() + n;
            for (int i = 0; i < n; i++) {
                engine.create("j" + (seq++), TrivialJob.INSTANCE).start();
            }
            while (nulls.get() < target) {
                Thread.onSpinWait();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("lifecycles round %d: %,.0f/s (6 events each)%n", round, n / secs);
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void pausedJobs(int n) throws Exception {
        AtomicLong events = new AtomicLong();
        JobEngine engine = new JobEngine(e -> events.incrementAndGet());
        long before = usedHeap();
        List<Job> jobs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Job job = engine.create("job" + i, ParkedJob.INSTANCE);
            job.start();
            jobs.add(job);
        }
        while (jobs.stream().anyMatch(Job::isBusy)) {
            Thread.sleep(10);
        }
        for (int i = 0; i < n; i++) {
            engine.jobPause("job" + i);
        }
        long paused = jobs.stream().filter(j -> j.status() == JobStatus.PAUSED).count();
        long after = usedHeap();
        System.out.printf("%,d jobs paused (%,d in status paused): heap %,d bytes per job%n",
                n, paused, (after - before) / n);

        long[] query = new long[200];
        for (int i = 0; i < query.length + 50; i++) {
            long t = System.nanoTime();
            int size = engine.queryJobs().size();
            long d = System.nanoTime() - t;
            if (size != n) {
                throw new AssertionError(size);
            }
            if (i >= 50) {
                query[i - 50] = d;
            }
        }
        report("query-jobs over " + n + " paused jobs", query);

        int samples = 200_000;
        long[] verbs = new long[samples];
        for (int i = 0; i < samples; i++) {
            String id = "job" + (i % n);
            long t = System.nanoTime();
            engine.jobResume(id);
            long mid = System.nanoTime();
            engine.jobPause(id);
            verbs[i] = (mid - t + System.nanoTime() - mid) / 2;
        }
        report("verb latency (job-resume / job-pause of a paused job, with events)", verbs);
        for (int i = 0; i < n; i++) {
            engine.jobCancel("job" + i);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%s: p50 %.1f us, p99 %.1f us, max %.1f us (%d samples)%n", what,
                s[s.length / 2] / 1e3, s[(int) (s.length * 0.99)] / 1e3, s[s.length - 1] / 1e3, s.length);
    }
}
