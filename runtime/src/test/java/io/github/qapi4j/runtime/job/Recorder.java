/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import io.github.qapi4j.runtime.job.qapi.JobEvents;
import io.github.qapi4j.runtime.job.qapi.JobStatusChangeEvent;
import java.util.ArrayList;
import java.util.List;

/** Records JOB_STATUS_CHANGE events and driver notifications as "id:status" / "id:EVENT" lines. */
final class Recorder implements JobEvents {
    private final List<String> log = new ArrayList<>();

    @Override
    public synchronized void jobStatusChange(JobStatusChangeEvent event) {
        log.add(event.id() + ":" + event.status().wireName());
    }

    synchronized void note(String line) {
        log.add(line);
    }

    synchronized List<String> all() {
        return List.copyOf(log);
    }

    /** The statuses one job went through, in order. */
    synchronized List<String> statuses(String id) {
        List<String> out = new ArrayList<>();
        for (String line : log) {
            if (line.startsWith(id + ":") && Character.isLowerCase(line.charAt(id.length() + 1))) {
                out.add(line.substring(id.length() + 1));
            }
        }
        return out;
    }

    /** Everything recorded since the last call. */
    synchronized List<String> take() {
        List<String> out = List.copyOf(log);
        log.clear();
        return out;
    }
}
