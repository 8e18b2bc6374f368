/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import java.util.ArrayList;
import java.util.List;

/**
 * A transaction: jobs that complete as a group (QEMU's {@code JobTxn}, the {@code grouped}
 * completion mode). Members are kept newest first, and every pass over them (pending,
 * prepare, finalize, abort) goes in that order. A job created without a transaction gets a
 * private one. Guarded by the engine lock.
 */
public final class JobTxn {
    Job head;
    boolean aborting;
    boolean abortLoopActive;

    JobTxn() {}

    void addFirst(Job job) {
        job.txn = this;
        job.txnNext = head;
        if (head != null) {
            head.txnPrev = job;
        }
        head = job;
    }

    void remove(Job job) {
        if (job.txn != this) {
            return;
        }
        if (job.txnPrev != null) {
            job.txnPrev.txnNext = job.txnNext;
        } else {
            head = job.txnNext;
        }
        if (job.txnNext != null) {
            job.txnNext.txnPrev = job.txnPrev;
        }
        job.txnPrev = null;
        job.txnNext = null;
        job.txn = null;
    }

    Job[] members() {
        if (head != null && head.txnNext == null) {
            return new Job[] {head};
        }
        List<Job> all = new ArrayList<>();
        for (Job j = head; j != null; j = j.txnNext) {
            all.add(j);
        }
        return all.toArray(new Job[0]);
    }
}
