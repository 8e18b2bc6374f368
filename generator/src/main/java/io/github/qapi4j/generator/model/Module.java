/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.model;

/**
 * A schema module: one source file, or the built-in module.
 *
 * @param name the module name: {@link #BUILTIN}, or the file's path relative to the root schema
 *     file's directory, normalised
 * @param fileName the file path as the front end built it, or null for the built-in module
 */
public record Module(String name, String fileName) {

    /** The name of the module holding the predefined types. */
    public static final String BUILTIN = "./builtin";

    public boolean isBuiltin() {
        return fileName == null;
    }
}
