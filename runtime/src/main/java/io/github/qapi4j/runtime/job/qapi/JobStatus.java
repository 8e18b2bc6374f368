/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
// Provisional hand-written stand-in for the code qapi4j generates from schema/job.json; to be replaced by generated sources.
package io.github.qapi4j.runtime.job.qapi;

public enum JobStatus {
    UNDEFINED("undefined"),
    CREATED("created"),
    RUNNING("running"),
    PAUSED("paused"),
    READY("ready"),
    STANDBY("standby"),
    WAITING("waiting"),
    PENDING("pending"),
    ABORTING("aborting"),
    CONCLUDED("concluded"),
    NULL("null");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static JobStatus fromWireName(String name) {
        for (JobStatus value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown JobStatus '" + name + "'");
    }
}
