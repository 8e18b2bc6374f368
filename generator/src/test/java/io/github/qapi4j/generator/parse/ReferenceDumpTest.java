/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The doc part of QEMU's reference dumps of the real schemas (QMP and guest agent; member stubs
 * left out) as an oracle for section structure and text: 10.2.50 with the current rules and the
 * current harness format, 7.2.0 with lenient rules and the 7.2 harness format.
 */
class ReferenceDumpTest {

    @Test
    @DisplayName("10.2.50 dump: every doc block matches QEMU's")
    void current() throws Exception {
        List<String> misses = compare("qemu-10.2.50", false);
        assertThat(misses).isEmpty();
    }

    @Test
    @DisplayName("7.2.0 dump (lenient): every block matches except free-form blocks 7.2 split at headings")
    void legacy() throws Exception {
        List<String> misses = compare("qemu-7.2.0", true);
        // QEMU 7.2 split a free-form block at each later '= heading' line into several blocks;
        // DocParser returns one block, so those (and only those) cannot match.
        assertThat(misses).allSatisfy(m -> assertThat(m).startsWith("doc freeform\n").contains("\n= "));
        assertThat(misses).hasSizeLessThan(5);
    }

    /** Renders every block of the QMP and guest-agent schemas; returns those not in the dump. */
    static List<String> compare(String version, boolean lenient) throws Exception {
        Path root = DocParserRealSchemaTest.DATA.resolve(version);
        Map<String, Integer> expected = new HashMap<>();
        for (String dump : List.of("qapi.out", "qga.out")) {
            String out = Files.readString(root.resolve("expected-dump").resolve(dump), StandardCharsets.UTF_8);
            String docs = DocParserQemuSuiteTest.withoutStubs(out.substring(out.indexOf("\ndoc ") + 1));
            for (String b : splitDocs(docs)) {
                expected.merge(b, 1, Integer::sum);
            }
        }
        int total = 0;
        List<String> misses = new ArrayList<>();
        for (Path f : DocParserRealSchemaTest.schemaFiles(version)) {
            if (f.toString().contains("storage-daemon")) {
                continue;
            }
            for (List<DocLine> b : DocBlocks.of(f.toString(), Files.readString(f, StandardCharsets.UTF_8))) {
                String r = DocDump.render(DocParser.parse(b, lenient), lenient);
                total++;
                Integer c = expected.get(r);
                if (c != null && c > 0) {
                    expected.put(r, c - 1);
                } else {
                    misses.add(r);
                }
            }
        }
        assertThat(total).isGreaterThan(1000);
        return misses;
    }

    static List<String> splitDocs(String docs) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < docs.length()) {
            int next = docs.indexOf("\ndoc ", start);
            int end = next < 0 ? docs.length() : next + 1;
            String b = docs.substring(start, end);
            out.add(b.endsWith("\n") ? b : b + "\n");
            start = end;
        }
        return out;
    }
}
