/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import io.github.qapi4j.runtime.job.Job;
import io.github.qapi4j.runtime.job.JobDriver;
import io.github.qapi4j.runtime.job.Step;
import io.github.qapi4j.runtime.job.qapi.JobType;

/** A job whose run succeeds at once: created, running, waiting, pending, concluded, null. */
final class TrivialJob implements JobDriver {
    static final TrivialJob INSTANCE = new TrivialJob();

    @Override
    public JobType type() {
        return JobType.CREATE;
    }

    @Override
    public Step run(Job job) {
        return Step.done();
    }
}
