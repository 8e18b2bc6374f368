/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/**
 * The checks between parsing and the model: expression checks, definition of entities
 * (implicit types included), entity checks and doc connection, in QEMU's order.
 */
package io.github.qapi4j.generator.check;
