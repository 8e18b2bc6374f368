/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

import io.github.qapi4j.generator.source.SourceInfo;

/**
 * An {@code include} directive, recorded each time it occurs.
 *
 * @param includedModule the module name of the included file
 * @param module the module name of the file containing the directive
 * @param info the directive's location
 */
public record Include(String includedModule, String module, SourceInfo info) implements Entity {}
