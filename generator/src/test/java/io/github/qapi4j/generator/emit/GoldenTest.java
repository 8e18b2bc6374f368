/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.FrontEndOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The complete output for {@code schema/job.json} is kept under
 * {@code src/test/resources/golden/job}. Any difference fails. To accept a change, run
 * {@code mvn -B -q -pl generator -am test -Dtest=GoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dqapi4j.updateGolden=true} and review the diff with git.
 */
class GoldenTest {
    static final String PACKAGE = "io.github.qapi4j.runtime.job.qapi";

    @Test
    @DisplayName("job.json generates exactly the golden files")
    void jobJson() throws Exception {
        Path root = EmitTestSupport.projectRoot();
        Map<String, String> files = EmitTestSupport.generate(root.resolve("schema/job.json"), PACKAGE,
                FrontEndOptions.LENIENT, null);
        Path golden = root.resolve("generator/src/test/resources/golden/job");
        if (Boolean.getBoolean("qapi4j.updateGolden")) {
            if (Files.isDirectory(golden)) {
                try (Stream<Path> s = Files.walk(golden)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path f = golden.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
        }
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> s = Files.walk(golden)) {
            s.filter(Files::isRegularFile).forEach(p -> expected.add(golden.relativize(p).toString()
                    .replace('\\', '/')));
        }
        assertThat(new TreeSet<>(files.keySet())).isEqualTo(expected);
        for (String name : expected) {
            assertThat(files.get(name)).as(name)
                    .isEqualTo(Files.readString(golden.resolve(name), StandardCharsets.UTF_8));
        }
        assertThat(List.copyOf(files.keySet())).isNotEmpty();
    }
}
