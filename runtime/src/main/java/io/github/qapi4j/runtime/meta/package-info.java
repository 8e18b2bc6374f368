/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/** Annotations generated code carries so the schema's metadata survives in the Java API. */
package io.github.qapi4j.runtime.meta;
