/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import io.github.qapi4j.runtime.job.Job;
import io.github.qapi4j.runtime.job.JobDriver;
import io.github.qapi4j.runtime.job.Step;
import io.github.qapi4j.runtime.job.qapi.JobType;

/** A job that waits for a kick forever and stops when cancelled. */
final class ParkedJob implements JobDriver {
    static final ParkedJob INSTANCE = new ParkedJob();

    @Override
    public JobType type() {
        return JobType.BACKUP;
    }

    @Override
    public Step run(Job job) {
        return job.isCancelled() ? Step.done() : Step.YIELD;
    }
}
