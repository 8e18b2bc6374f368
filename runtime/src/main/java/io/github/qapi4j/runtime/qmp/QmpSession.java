/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import io.github.qapi4j.runtime.json.CompatPolicy;

/** One client connection as a command handler sees it. */
public interface QmpSession {
    /** A number unique within the server, in connection order, starting at 1. */
    long id();

    /** Whether the client enabled the {@code oob} capability. */
    boolean oobEnabled();

    /**
     * The server's compatibility policy: generated handlers decode arguments from
     * {@code Path.root(session.compatPolicy())}.
     */
    default CompatPolicy compatPolicy() {
        return CompatPolicy.ACCEPT_ALL;
    }
}
