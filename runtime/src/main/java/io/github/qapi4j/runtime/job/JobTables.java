/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.job.qapi.JobVerb;

/**
 * QEMU's two tables: which status may follow which ({@code JobSTT}) and which verb each status
 * accepts ({@code JobVerbTable}). Indexed by ordinal but built from the constants by name, so a
 * regenerated enum with the same constants keeps working whatever its order.
 */
final class JobTables {
    private static final boolean[][] TRANSITIONS;
    private static final boolean[][] VERBS;

    static {
        int n = JobStatus.values().length;
        TRANSITIONS = new boolean[n][n];
        edges(JobStatus.UNDEFINED, JobStatus.CREATED);
        edges(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.ABORTING, JobStatus.NULL);
        edges(JobStatus.RUNNING, JobStatus.PAUSED, JobStatus.READY, JobStatus.WAITING, JobStatus.ABORTING);
        edges(JobStatus.PAUSED, JobStatus.RUNNING);
        edges(JobStatus.READY, JobStatus.STANDBY, JobStatus.WAITING, JobStatus.ABORTING);
        edges(JobStatus.STANDBY, JobStatus.READY);
        edges(JobStatus.WAITING, JobStatus.PENDING, JobStatus.ABORTING);
        edges(JobStatus.PENDING, JobStatus.ABORTING, JobStatus.CONCLUDED);
        // aborting -> aborting is a silent self-loop: a job that failed and is then finalized
        edges(JobStatus.ABORTING, JobStatus.ABORTING, JobStatus.CONCLUDED);
        edges(JobStatus.CONCLUDED, JobStatus.NULL);

        VERBS = new boolean[JobVerb.values().length][n];
        JobStatus[] live = {JobStatus.CREATED, JobStatus.RUNNING, JobStatus.PAUSED, JobStatus.READY, JobStatus.STANDBY};
        verb(JobVerb.CANCEL, live);
        verb(JobVerb.CANCEL, JobStatus.WAITING, JobStatus.PENDING);
        verb(JobVerb.PAUSE, live);
        verb(JobVerb.RESUME, live);
        verb(JobVerb.SET_SPEED, live);
        verb(JobVerb.COMPLETE, JobStatus.READY, JobStatus.STANDBY);
        verb(JobVerb.FINALIZE, JobStatus.PENDING);
        verb(JobVerb.DISMISS, JobStatus.CONCLUDED);
    }

    private JobTables() {}

    private static void edges(JobStatus from, JobStatus... to) {
        for (JobStatus t : to) {
            TRANSITIONS[from.ordinal()][t.ordinal()] = true;
        }
    }

    private static void verb(JobVerb verb, JobStatus... statuses) {
        for (JobStatus s : statuses) {
            VERBS[verb.ordinal()][s.ordinal()] = true;
        }
    }

    static boolean canTransition(JobStatus from, JobStatus to) {
        return TRANSITIONS[from.ordinal()][to.ordinal()];
    }

    static boolean accepts(JobStatus status, JobVerb verb) {
        return VERBS[verb.ordinal()][status.ordinal()];
    }

    /** waiting, pending, aborting, concluded and null: the job's run has returned. */
    static boolean isCompleted(JobStatus status) {
        switch (status) {
            case WAITING:
            case PENDING:
            case ABORTING:
            case CONCLUDED:
            case NULL:
                return true;
            default:
                return false;
        }
    }
}
