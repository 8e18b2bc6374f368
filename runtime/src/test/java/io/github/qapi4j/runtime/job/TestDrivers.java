/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import io.github.qapi4j.runtime.job.qapi.JobType;

/** Drivers shaped like the test jobs of QEMU's unit tests. */
final class TestDrivers {
    private TestDrivers() {}

    /**
     * test-blockjob.c's CancelJob: loops until completed; returns at once when force-cancelled;
     * converges to ready when told to; sleeps 100 us per loop.
     */
    static class CancelJob implements JobDriver {
        volatile boolean shouldConverge;
        volatile boolean shouldComplete;

        @Override
        public JobType type() {
            return JobType.BACKUP;
        }

        @Override
        public Step run(Job job) {
            if (shouldComplete || job.isCancelled()) {
                return Step.done();
            }
            if (shouldConverge && !job.isReady()) {
                job.transitionToReady();
            }
            return Step.sleep(100_000);
        }

        @Override
        public void complete(Job job) {
            shouldComplete = true;
        }
    }

    /**
     * test-blockjob-txn.c's TestBlockJob: runs {@code iterations} slices, stops early when
     * cancelled, then returns its configured result.
     */
    static final class CountingJob implements JobDriver {
        private int remaining;
        private final String failure;

        CountingJob(int iterations, String failure) {
            this.remaining = iterations;
            this.failure = failure;
        }

        @Override
        public JobType type() {
            return JobType.BACKUP;
        }

        @Override
        public Step run(Job job) {
            if (job.isCancelled() || remaining-- <= 0) {
                return failure == null ? Step.done() : Step.fail(failure);
            }
            return Step.CONTINUE;
        }
    }

    /** A job whose run succeeds at once. */
    static class Trivial implements JobDriver {
        private final JobType type;

        Trivial(JobType type) {
            this.type = type;
        }

        @Override
        public JobType type() {
            return type;
        }

        @Override
        public Step run(Job job) {
            return Step.done();
        }
    }
}
