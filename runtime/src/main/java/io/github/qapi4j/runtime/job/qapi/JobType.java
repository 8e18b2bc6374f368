/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
// Provisional hand-written stand-in for the code qapi4j generates from schema/job.json; to be replaced by generated sources.
package io.github.qapi4j.runtime.job.qapi;

public enum JobType {
    COMMIT("commit"),
    STREAM("stream"),
    MIRROR("mirror"),
    BACKUP("backup"),
    CREATE("create"),
    AMEND("amend"),
    SNAPSHOT_LOAD("snapshot-load"),
    SNAPSHOT_SAVE("snapshot-save"),
    SNAPSHOT_DELETE("snapshot-delete");

    private final String wireName;

    JobType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static JobType fromWireName(String name) {
        for (JobType value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown JobType '" + name + "'");
    }
}
