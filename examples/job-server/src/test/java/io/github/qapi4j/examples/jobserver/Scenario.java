/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import io.github.qapi4j.runtime.json.JsonArray;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario script ({@code scenarios/<name>.json}): {@code {"description": ..., "steps": [...]}}.
 * A step is one of
 * <ul>
 *   <li>{@code {"exec": {...}}}: send the command, read until its reply;</li>
 *   <li>{@code {"send": "text"}}: send a raw line, read until a reply (return or error);</li>
 *   <li>{@code {"wait": {"event": NAME, "data": {...}}}}: read until an event with that name
 *       whose data contains those members;</li>
 *   <li>{@code {"eof": true}}: read until the peer closes the connection.</li>
 * </ul>
 * {@code "racy": true} on a step means QEMU itself does not order the events that follow its reply
 * against that reply: they may come before or after it (see the transcripts README).
 */
record Scenario(String name, String description, List<Step> steps) {

    record Step(String kind, String text, JsonObject waitFor, boolean racy) {
    }

    static Scenario load(String name) throws IOException {
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/" + name + ".json")) {
            if (in == null) {
                throw new IOException("no scenario " + name);
            }
            JsonObject o = (JsonObject) QemuJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Step> steps = new ArrayList<>();
            for (JsonValue v : ((JsonArray) o.get("steps")).items()) {
                JsonObject s = (JsonObject) v;
                boolean racy = s.has("racy") && s.get("racy").equals(JsonValue.Bool.TRUE);
                if (s.has("exec")) {
                    steps.add(new Step("exec", QemuJson.toJson(s.get("exec")), null, racy));
                } else if (s.has("send")) {
                    steps.add(new Step("send", ((JsonValue.Str) s.get("send")).value(), null, racy));
                } else if (s.has("wait")) {
                    steps.add(new Step("wait", null, (JsonObject) s.get("wait"), racy));
                } else if (s.has("eof")) {
                    steps.add(new Step("eof", null, null, racy));
                } else {
                    throw new IOException(name + ": bad step " + s);
                }
            }
            return new Scenario(name, ((JsonValue.Str) o.get("description")).value(), steps);
        }
    }
}
