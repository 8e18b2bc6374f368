/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

/**
 * Strict input decoding failed; {@link #getMessage()} is QEMU's exact text, for example
 * {@code Parameter 'id' is missing}. The QMP server turns it into a GenericError reply (see
 * {@code QmpError.of(Throwable)}); this package does not depend on {@code runtime.qmp}.
 */
public class JsonInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonInputException(String description) {
        super(description, null, false, false);
    }
}
