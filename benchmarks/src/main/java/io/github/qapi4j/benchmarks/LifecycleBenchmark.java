/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import io.github.qapi4j.runtime.job.JobEngine;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Lifecycles per second of trivial jobs, with events, on the default executor. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LifecycleBenchmark {
    static final int BATCH = 1000;
    private final AtomicLong nulls = new AtomicLong();
    private JobEngine engine;
    private long seq;

    @Setup
    public void setUp() {
        engine = new JobEngine(e -> {
            if (e.status() == JobStatus.NULL) {
                nulls.incrementAndGet();
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void lifecycles() {
        long target = nulls.get() + BATCH;
        for (int i = 0; i < BATCH; i++) {
            engine.create("j" + (seq++), TrivialJob.INSTANCE).start();
        }
        while (nulls.get() < target) {
            Thread.onSpinWait();
        }
    }
}
