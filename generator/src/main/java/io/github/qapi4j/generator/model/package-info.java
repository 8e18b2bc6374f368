/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/** The checked, immutable QAPI schema model that the emitters and the dump consume. */
package io.github.qapi4j.generator.model;
