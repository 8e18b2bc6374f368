/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

/** Implemented by generated enums: the QAPI spelling of a constant. */
public interface QapiEnum {
    /** The value as it appears on the wire, for example {@code "aborting"}. */
    String wireName();
}
