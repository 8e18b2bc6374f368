/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import io.github.qapi4j.runtime.json.JsonArray;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The only differences between two peers that a comparison forgives. Each rule is documented in
 * {@code src/test/resources/transcripts/README.md}; member order is never touched (it is part of
 * what a client sees).
 */
final class Normaliser {
    static final JsonValue PARTIAL = JsonValue.of("<partial>");

    private Normaliser() {
    }

    static String normalise(String line) {
        if (line.equals(RawQmp.EOF)) {
            return line;
        }
        JsonValue v;
        try {
            v = QemuJson.parse(line);
        } catch (RuntimeException e) {
            return line;
        }
        if (!(v instanceof JsonObject o)) {
            return line;
        }
        JsonObject.Builder b = JsonObject.builder();
        for (String k : o.names()) {
            JsonValue m = o.get(k);
            switch (k) {
                case "timestamp":
                    // Rule 1: event timestamps
                    m = JsonObject.of("seconds", JsonValue.of(0), "microseconds", JsonValue.of(0));
                    break;
                case "QMP":
                    m = version((JsonObject) m, "version");
                    break;
                case "return":
                    m = ret(m);
                    break;
                case "data":
                    m = progress(m, "offset", "len");
                    break;
                default:
                    break;
            }
            b.put(k, m);
        }
        return QemuJson.toJson(b.build());
    }

    /** Rule 2: the {@code package} string of VersionInfo (greeting and query-version). */
    private static JsonObject version(JsonObject qmp, String member) {
        return replace(qmp, member, versionInfo((JsonObject) qmp.get(member)));
    }

    private static JsonObject versionInfo(JsonObject vi) {
        return vi.has("package") ? replace(vi, "package", JsonValue.of("<package>")) : vi;
    }

    private static JsonValue ret(JsonValue r) {
        if (r instanceof JsonObject o && o.has("qemu") && o.has("package")) {
            return versionInfo(o);
        }
        if (r instanceof JsonArray a) {
            List<JsonValue> items = new ArrayList<>();
            for (JsonValue item : a.items()) {
                item = progress(item, "offset", "len");
                item = progress(item, "current-progress", "total-progress");
                items.add(item);
            }
            return JsonArray.of(items);
        }
        return r;
    }

    /**
     * Rule 3: progress of an unfinished job. A progress value that is not equal to its total
     * becomes {@code "<partial>"}: how far a job got when a reply or event was made depends on
     * timing and on the chunk size. A value equal to the total is kept.
     * Rule 4: {@code busy} of a running job in query-block-jobs (whether the job is inside a
     * chunk or between two is timing).
     */
    private static JsonValue progress(JsonValue v, String done, String total) {
        if (!(v instanceof JsonObject o) || !o.has(done) || !o.has(total)) {
            return v;
        }
        if (!o.get(done).equals(o.get(total))) {
            o = replace(o, done, PARTIAL);
        }
        if (o.has("busy") && o.has("status") && o.get("status").equals(JsonValue.of("running"))) {
            o = replace(o, "busy", JsonValue.of("<busy>"));
        }
        return o;
    }

    private static JsonObject replace(JsonObject o, String name, JsonValue value) {
        JsonObject.Builder b = JsonObject.builder();
        for (String k : o.names()) {
            b.put(k, k.equals(name) ? value : o.get(k));
        }
        return b.build();
    }

    private static java.util.Map<String, List<String>> perJob(List<String> lines) {
        java.util.Map<String, List<String>> m = new java.util.TreeMap<>();
        for (String l : lines) {
            if (!isEvent(l)) {
                continue;
            }
            JsonObject data = (JsonObject) ((JsonObject) QemuJson.parse(l)).get("data");
            String key = "";
            if (data != null) {
                JsonValue k = data.has("id") ? data.get("id") : data.get("device");
                key = k == null ? "" : QemuJson.toJson(k);
            }
            m.computeIfAbsent(key, x -> new ArrayList<>()).add(l);
        }
        return m;
    }

    static boolean isEvent(String normalised) {
        return normalised.startsWith("{\"timestamp\"");
    }

    /**
     * Compares two transcripts of one scenario. Returns a list of differences (empty when equal).
     * Steps are compared message by message. Rule 5: a step marked racy is fused with the next
     * step: its replies must be equal in order, and the events of each job must be equal in order,
     * but they may fall before or after the racy step's reply, and the events of different jobs
     * may interleave differently (QEMU's jobs run while the command is being answered, and two
     * jobs run concurrently).
     */
    static List<String> compare(Transcript expected, Transcript actual) {
        List<String> diffs = new ArrayList<>();
        if (expected.steps().size() != actual.steps().size()) {
            diffs.add("step count " + expected.steps().size() + " vs " + actual.steps().size());
            return diffs;
        }
        int i = 0;
        while (i < expected.steps().size()) {
            int j = i;
            while (j + 1 < expected.steps().size() && expected.steps().get(j).racy()) {
                j++;
            }
            List<String> e = new ArrayList<>();
            List<String> a = new ArrayList<>();
            for (int k = i; k <= j; k++) {
                expected.steps().get(k).received().forEach(l -> e.add(normalise(l)));
                actual.steps().get(k).received().forEach(l -> a.add(normalise(l)));
            }
            String label = "step " + i + (j > i ? ".." + j : "") + " (" + expected.steps().get(i).sent() + ")";
            if (j == i) {
                if (!e.equals(a)) {
                    diffs.add(label + "\n  expected: " + String.join("\n            ", e)
                            + "\n  actual:   " + String.join("\n            ", a));
                }
            } else {
                java.util.Map<String, List<String>> ee = perJob(e);
                java.util.Map<String, List<String>> ae = perJob(a);
                List<String> er = e.stream().filter(l -> !isEvent(l)).toList();
                List<String> ar = a.stream().filter(l -> !isEvent(l)).toList();
                if (!ee.equals(ae) || !er.equals(ar)) {
                    diffs.add(label + " (racy)\n  expected: " + String.join("\n            ", e)
                            + "\n  actual:   " + String.join("\n            ", a));
                }
            }
            i = j + 1;
        }
        return diffs;
    }
}
