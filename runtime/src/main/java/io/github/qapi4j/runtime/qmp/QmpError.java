/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import java.util.Objects;

/**
 * A QMP error: what a command implementation throws to make the server reply
 * {@code {"error": {"class": ..., "desc": ...}}}, and what the client throws when a reply is an
 * error. The description is QEMU's human-readable text, exactly as QEMU would send it.
 */
public class QmpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorClass errorClass;
    private final String description;

    public QmpError(ErrorClass errorClass, String description) {
        super(errorClass.wireName() + ": " + description, null, false, false);
        this.errorClass = Objects.requireNonNull(errorClass, "errorClass");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** A {@link ErrorClass#GENERIC_ERROR}, the class of nearly every QEMU error. */
    public static QmpError generic(String description) {
        return new QmpError(ErrorClass.GENERIC_ERROR, description);
    }

    /**
     * The error a QMP server replies for a failed command: a {@code QmpError} as is, a strict
     * decoding failure ({@link io.github.qapi4j.runtime.json.JsonInputException}) as a
     * GenericError with QEMU's text, and any other exception as a GenericError with its message
     * (or its class name when it has none).
     */
    public static QmpError of(Throwable t) {
        if (t instanceof QmpError e) {
            return e;
        }
        String msg = t.getMessage();
        return generic(msg != null ? msg : t.getClass().getName());
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    /** QEMU's {@code desc} text. */
    public String description() {
        return description;
    }

    /** QMP's error classes ({@code QapiErrorClass} in QEMU). */
    public enum ErrorClass {
        GENERIC_ERROR("GenericError"),
        COMMAND_NOT_FOUND("CommandNotFound"),
        DEVICE_NOT_ACTIVE("DeviceNotActive"),
        DEVICE_NOT_FOUND("DeviceNotFound"),
        KVM_MISSING_CAP("KVMMissingCap");

        private final String wireName;

        ErrorClass(String wireName) {
            this.wireName = wireName;
        }

        /** The class name as it appears on the wire. */
        public String wireName() {
            return wireName;
        }

        /** The class for a wire name; unknown names (from a newer QEMU) map to GenericError. */
        public static ErrorClass fromWireName(String name) {
            for (ErrorClass c : values()) {
                if (c.wireName.equals(name)) {
                    return c;
                }
            }
            return GENERIC_ERROR;
        }
    }
}
