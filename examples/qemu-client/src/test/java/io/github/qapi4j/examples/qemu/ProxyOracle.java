/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QDictOrder;
import io.github.qapi4j.runtime.json.QemuJson;
import io.github.qapi4j.runtime.qmp.QmpClient;
import io.github.qapi4j.runtime.qmp.QmpError;
import io.github.qapi4j.runtime.qmp.StandardCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For the oracle tests where a configured QEMU and a qapi4j server (forwarding to a plain QEMU)
 * get the same requests: what each answered, and where they differ.
 */
final class ProxyOracle {
    private ProxyOracle() {}

    /** What {@code StandardCommands} should report for a QEMU's {@code query-version} reply. */
    static StandardCommands.Version version(JsonObject reply) {
        JsonObject qemu = (JsonObject) reply.get("qemu");
        return new StandardCommands.Version((int) ((JsonValue.Int) qemu.get("major")).value(),
                (int) ((JsonValue.Int) qemu.get("minor")).value(), (int) ((JsonValue.Int) qemu.get("micro")).value(),
                ((JsonValue.Str) reply.get("package")).value());
    }

    /** The reply's return value (in QDict order) or its error class and text. */
    static String outcome(QmpClient qmp, String command, JsonObject args) throws Exception {
        try {
            return "return " + QDictOrder.reorder(qmp.execute(command, args));
        } catch (QmpError e) {
            return "error " + e.errorClass().wireName() + ": " + e.description();
        }
    }

    /**
     * Sends each request ({command, arguments}), in order, to the peer and to ours; returns the
     * differences. Requests whose peer answer contains {@code marker} are added to {@code marked};
     * for a difference, both whole answers go to {@code target/<label>-<command>-{qemu,qapi4j}.txt}.
     */
    static List<String> mismatches(String label, String[][] requests, QmpClient peer, QmpClient ours, String marker,
            List<String> marked) throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String[] r : requests) {
            JsonObject args = (JsonObject) QemuJson.parse(r[1]);
            String theirs = outcome(peer, r[0], args);
            String mine = outcome(ours, r[0], args);
            if (theirs.contains(marker)) {
                marked.add(r[0]);
            }
            if (!mine.equals(theirs)) {
                save(label + "-" + r[0] + "-qemu.txt", theirs);
                save(label + "-" + r[0] + "-qapi4j.txt", mine);
                mismatches.add(r[0] + " " + r[1] + "\n    QEMU:   " + abbreviate(theirs) + "\n    qapi4j: " + abbreviate(mine));
            }
        }
        return mismatches;
    }

    private static void save(String name, String text) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve(name), text);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
