/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/** QEMU's test-harness dump of a checked schema ({@code tests/qapi-schema/*.out}). */
package io.github.qapi4j.generator.dump;
