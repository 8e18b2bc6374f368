/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

/**
 * The QMP connection failed or ended: the peer vanished, the client was closed, a reply could not
 * be decoded, or a synchronous call timed out. Every pending call fails with it when the
 * connection ends.
 */
public class QmpConnectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QmpConnectionException(String message) {
        super(message);
    }

    public QmpConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
