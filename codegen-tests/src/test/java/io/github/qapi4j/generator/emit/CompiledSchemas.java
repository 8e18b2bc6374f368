/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.generator.TestData;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generates and compiles a real schema once per test JVM, shared by the tests that need it. */
final class CompiledSchemas {
    static final String PACKAGE = "qapi.gen";
    private static final Map<String, ClassLoader> CACHE = new ConcurrentHashMap<>();

    private CompiledSchemas() {}

    static Path schema(String relative) {
        return TestData.sharedTestData().resolve(relative);
    }

    /** Generates, compiles ({@code -Xlint:all -Werror}) and loads the schema's classes. */
    static synchronized ClassLoader load(String relative) throws Exception {
        ClassLoader cl = CACHE.get(relative);
        if (cl == null) {
            Map<String, String> files = EmitTestSupport.generate(schema(relative), PACKAGE, FrontEndOptions.LENIENT,
                    null);
            Path work = EmitTestSupport.workDir(relative);
            Path classes = EmitTestSupport.compile(files, work);
            cl = new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompiledSchemas.class.getClassLoader());
            CACHE.put(relative, cl);
        }
        return cl;
    }
}
