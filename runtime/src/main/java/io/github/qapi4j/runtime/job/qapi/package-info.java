/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
// Provisional hand-written stand-in for the code qapi4j generates from schema/job.json; to be replaced by generated sources.
/**
 * Provisional hand-written stand-ins for the bindings qapi4j generates from schema/job.json
 * (enums, JobInfo, the JOB_STATUS_CHANGE event and the job command interface); to be replaced by
 * generated sources.
 */
package io.github.qapi4j.runtime.job.qapi;
