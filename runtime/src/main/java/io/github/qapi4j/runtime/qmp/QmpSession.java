/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import io.github.qapi4j.runtime.json.CompatPolicy;
import io.github.qapi4j.runtime.json.Path;

/** One client connection as a command handler sees it. */
public interface QmpSession {
    /** A number unique within the server, in connection order, starting at 1. */
    long id();

    /** Whether the client enabled the {@code oob} capability. */
    boolean oobEnabled();

    /**
     * The server's compatibility policy: generated handlers decode arguments from
     * {@link #argumentsPath(QmpSession)}.
     */
    default CompatPolicy compatPolicy() {
        return CompatPolicy.ACCEPT_ALL;
    }

    /**
     * Where strict decoding of a command's {@code arguments} starts (what generated handlers use):
     * the root path under the session's compatibility policy, or under QEMU's default when
     * {@code session} is null (a handler called outside a server).
     */
    static Path argumentsPath(QmpSession session) {
        return session == null ? Path.ROOT : Path.root(session.compatPolicy());
    }
}
