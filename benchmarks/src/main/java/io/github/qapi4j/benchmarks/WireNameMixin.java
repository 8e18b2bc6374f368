/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A databind mix-in for generated enums: read and written by their wire name, as the generated
 * codecs do (for the benchmarks' like-for-like databind records).
 */
abstract class WireNameMixin {
    @JsonValue
    abstract String wireName();
}
