/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import io.github.qapi4j.generator.check.SchemaChecker;
import io.github.qapi4j.generator.model.Schema;
import io.github.qapi4j.generator.parse.ParsedSchema;
import io.github.qapi4j.generator.parse.SchemaParser;
import io.github.qapi4j.generator.source.Diagnostic;
import io.github.qapi4j.generator.source.SchemaException;
import java.nio.file.Path;

/** The QAPI front end: parse, check expressions, define and check entities, connect docs. */
public final class FrontEnd {

    private FrontEnd() {}

    /**
     * Reads and checks a schema.
     *
     * @param baseDir the directory file names are relative to
     * @param fileName the root schema file, as it should appear in messages
     * @param options front-end options
     * @return the checked schema
     * @throws SchemaException if the schema is rejected; its first diagnostic is QEMU's error
     */
    public static Schema load(Path baseDir, String fileName, FrontEndOptions options) throws SchemaException {
        try {
            ParsedSchema parsed = SchemaParser.parse(baseDir, fileName, options.lenientDocs());
            return SchemaChecker.check(parsed, options.lenientDocs());
        } catch (RuntimeException | StackOverflowError e) {
            // Last line of defence: no input may crash the front end.
            throw new SchemaException(Diagnostic.unlocated(fileName + ": internal error: " + e));
        }
    }
}
