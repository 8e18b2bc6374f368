/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

/**
 * Options of the QAPI front end.
 *
 * @param lenientDocs check doc comments as QEMU 7.2 did, before the stricter rules of QEMU 9.0
 *     and later (no 70-column or two-space checks, {@code Note:}/{@code Example:} sections allowed,
 *     undocumented members allowed), so that older real schemas load
 */
public record FrontEndOptions(boolean lenientDocs) {

    /** Today's QEMU rules. */
    public static final FrontEndOptions STRICT = new FrontEndOptions(false);

    /** QEMU 7.2's doc rules. */
    public static final FrontEndOptions LENIENT = new FrontEndOptions(true);
}
