/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
/** The qapi4j Maven plugin: goal {@code qapi4j:generate}, a thin front to the generator. */
package io.github.qapi4j.maven;
