/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a scenario against a live peer over a raw unix socket and returns its transcript. */
final class Replay {
    static final long TIMEOUT_MS = 30_000;

    private Replay() {
    }

    static Transcript run(Scenario scenario, Path socket) throws IOException, InterruptedException {
        List<Transcript.Entry> out = new ArrayList<>();
        try (RawQmp qmp = RawQmp.connect(socket, 10_000)) {
            List<String> greeting = new ArrayList<>();
            greeting.add(require(qmp.next(TIMEOUT_MS), scenario, "greeting"));
            out.add(new Transcript.Entry(null, false, greeting));
            int n = 0;
            List<String> unconsumed = new ArrayList<>();
            for (Scenario.Step step : scenario.steps()) {
                n++;
                List<String> got = new ArrayList<>();
                String where = scenario.name() + " step " + n;
                switch (step.kind()) {
                    case "exec":
                    case "send":
                        qmp.send(step.text());
                        while (true) {
                            String line = require(qmp.next(TIMEOUT_MS), scenario, where);
                            got.add(line);
                            if (isReply(line)) {
                                break;
                            }
                            unconsumed.add(line);
                        }
                        break;
                    case "wait":
                        // an event that came before an earlier (racy) reply satisfies the wait
                        boolean seen = false;
                        for (int k = 0; k < unconsumed.size() && !seen; k++) {
                            if (matches(unconsumed.get(k), step.waitFor())) {
                                unconsumed.remove(k);
                                seen = true;
                            }
                        }
                        while (!seen) {
                            String line = require(qmp.next(TIMEOUT_MS), scenario, where);
                            got.add(line);
                            if (matches(line, step.waitFor())) {
                                break;
                            }
                            unconsumed.add(line);
                        }
                        break;
                    case "eof":
                        while (true) {
                            String line = require(qmp.next(TIMEOUT_MS), scenario, where);
                            if (line.equals(RawQmp.EOF)) {
                                break;
                            }
                            got.add(line);
                        }
                        break;
                    default:
                        throw new IllegalStateException(step.kind());
                }
                String sent = step.text() != null ? step.text()
                        : step.waitFor() != null ? "(wait " + QemuJson.toJson(step.waitFor()) + ")" : "(eof)";
                out.add(new Transcript.Entry(sent, step.racy(), got));
            }
        }
        return new Transcript(out);
    }

    private static String require(String line, Scenario s, String where) throws IOException {
        if (line == null) {
            throw new IOException(where + ": timed out");
        }
        if (line.equals(RawQmp.EOF) && !where.endsWith("eof")) {
            return line;
        }
        return line;
    }

    static boolean isReply(String line) {
        if (line.equals(RawQmp.EOF)) {
            return true;
        }
        JsonValue v = QemuJson.parse(line);
        return v instanceof JsonObject o && (o.has("return") || o.has("error"));
    }

    private static boolean matches(String line, JsonObject wait) {
        if (line.equals(RawQmp.EOF)) {
            return true;
        }
        JsonObject o = (JsonObject) QemuJson.parse(line);
        if (!o.has("event") || !o.get("event").equals(wait.get("event"))) {
            return false;
        }
        if (!wait.has("data")) {
            return true;
        }
        JsonObject data = (JsonObject) o.get("data");
        JsonObject want = (JsonObject) wait.get("data");
        for (String k : want.names()) {
            if (!want.get(k).equals(data.get(k))) {
                return false;
            }
        }
        return true;
    }
}
