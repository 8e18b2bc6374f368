/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/**
 * A job engine that behaves like QEMU's {@code job.c}: the status and verb tables, user and
 * internal pauses, cancel, complete, finalize, dismiss, transactions with grouped completion,
 * {@code JOB_STATUS_CHANGE} events and {@code query-jobs}. Drivers implement {@link
 * io.github.qapi4j.runtime.job.JobDriver}; {@link io.github.qapi4j.runtime.job.JobEngine} runs
 * them cooperatively on a {@link io.github.qapi4j.runtime.job.JobExecutor}. See
 * docs/job-engine.md.
 */
package io.github.qapi4j.runtime.job;
