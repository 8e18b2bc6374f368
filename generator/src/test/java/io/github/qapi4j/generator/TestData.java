/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared test data ({@code ../shared/qapi-testdata} beside the project). */
public final class TestData {

    private TestData() {}

    /** The {@code shared/qapi-testdata} directory, found by walking up from the working directory. */
    public static Path sharedTestData() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("qapi-testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path inside = p.resolve("shared").resolve("qapi-testdata");
            if (Files.isDirectory(inside)) {
                return inside;
            }
        }
        throw new IllegalStateException("cannot find shared/qapi-testdata beside the project (walked up from "
                + Path.of("").toAbsolutePath() + "); the real QEMU schemas are expected in ../shared");
    }
}
