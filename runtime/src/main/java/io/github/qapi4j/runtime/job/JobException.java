/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.job;

import java.util.Objects;

/**
 * A job's failure, thrown by {@link JobDriver#run} or {@link JobDriver#prepare}. The message is
 * the error text that {@code query-jobs} shows (QEMU's {@code err}, or the {@code strerror} text
 * of its errno when it has none; the usual ones are constants here).
 */
public class JobException extends Exception {
    private static final long serialVersionUID = 1L;

    /** {@code strerror(ECANCELED)}: the error of a force-cancelled job. Note the single "l". */
    public static final String OPERATION_CANCELED = "Operation canceled";
    /** {@code strerror(EIO)}. */
    public static final String IO_ERROR = "Input/output error";
    /** {@code strerror(ENOSPC)}. */
    public static final String NO_SPACE = "No space left on device";

    public JobException(String errorText) {
        super(Objects.requireNonNull(errorText, "errorText"), null, false, false);
    }
}
