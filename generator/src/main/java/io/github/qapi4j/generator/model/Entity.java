/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;

/**
 * Anything QEMU's front end records in its global, creation-ordered entity list: definitions
 * (including built-in and implicit ones) and {@code include} directives.
 */
public sealed interface Entity permits Definition, Include {

    /** Where it was written, or null for built-in entities. */
    SourceInfo info();

    /** The name of the module ({@link Module#name()}) the entity belongs to. */
    String module();
}
