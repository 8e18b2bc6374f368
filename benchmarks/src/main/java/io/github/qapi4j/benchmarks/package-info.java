/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/** JMH benchmarks and measurement harnesses; see docs/PERFORMANCE.md for how to run them. */
package io.github.qapi4j.benchmarks;
