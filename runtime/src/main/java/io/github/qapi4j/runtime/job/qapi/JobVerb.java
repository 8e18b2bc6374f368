/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
// Provisional hand-written stand-in for the code qapi4j generates from schema/job.json; to be replaced by generated sources.
package io.github.qapi4j.runtime.job.qapi;

public enum JobVerb {
    CANCEL("cancel"),
    PAUSE("pause"),
    RESUME("resume"),
    SET_SPEED("set-speed"),
    COMPLETE("complete"),
    DISMISS("dismiss"),
    FINALIZE("finalize");

    private final String wireName;

    JobVerb(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static JobVerb fromWireName(String name) {
        for (JobVerb value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown JobVerb '" + name + "'");
    }
}
