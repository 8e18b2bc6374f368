/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a peer sent back, step by step. Step 0 is the greeting. The text form has a header line
 * {@code ## <step> [racy]} per step, then {@code > } for what was sent and {@code < } for each line
 * received, verbatim.
 */
record Transcript(List<Entry> steps) {

    record Entry(String sent, boolean racy, List<String> received) {
    }

    String format(String header) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(header).append('\n');
        for (int i = 0; i < steps.size(); i++) {
            Entry e = steps.get(i);
            sb.append("## ").append(i).append(e.racy ? " racy" : "").append('\n');
            if (e.sent != null) {
                sb.append("> ").append(e.sent).append('\n');
            }
            for (String r : e.received) {
                sb.append("< ").append(r).append('\n');
            }
        }
        return sb.toString();
    }

    static Transcript parse(String text) {
        List<Entry> steps = new ArrayList<>();
        String sent = null;
        boolean racy = false;
        List<String> received = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (received != null) {
                    steps.add(new Entry(sent, racy, received));
                }
                sent = null;
                racy = line.endsWith(" racy");
                received = new ArrayList<>();
            } else if (line.startsWith("> ")) {
                sent = line.substring(2);
            } else if (line.startsWith("< ")) {
                received.add(line.substring(2));
            }
        }
        if (received != null) {
            steps.add(new Entry(sent, racy, received));
        }
        return new Transcript(steps);
    }

    static Transcript read(Path p) throws IOException {
        return parse(Files.readString(p, StandardCharsets.UTF_8));
    }
}
