/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.check;

import io.github.qapi4j.generator.FrontEnd;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.source.SchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: loads schema text through the whole front end. */
final class Schemas {

    private Schemas() {}

    static Schema load(String text) throws SchemaException {
        return load(text, FrontEndOptions.STRICT);
    }

    static Schema load(String text, FrontEndOptions options) throws SchemaException {
        try {
            Path dir = Files.createTempDirectory("qapi-unit");
            Files.writeString(dir.resolve("t.json"), text);
            try {
                return FrontEnd.load(dir, "t.json", options);
            } finally {
                Files.delete(dir.resolve("t.json"));
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first diagnostic, rendered; or "OK" when the schema is accepted. */
    static String error(String text) {
        return error(text, FrontEndOptions.STRICT);
    }

    static String error(String text, FrontEndOptions options) {
        try {
            load(text, options);
            return "OK";
        } catch (SchemaException e) {
            return e.first().render();
        }
    }
}
