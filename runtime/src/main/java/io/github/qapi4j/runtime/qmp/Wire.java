/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.github.qapi4j.runtime.json.CompatPolicy;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import io.github.qapi4j.runtime.json.QemuJsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The server's messages, each one line ending in CR LF ({@link #pretty} spreads one over lines, and
 * a guest agent connection ends lines in LF alone), members in QEMU's QDict order (success:
 * return, id; error: id, error; error body: class, desc; event: timestamp, event, data).
 */
final class Wire {
    private Wire() {
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] line(Body body) throws IOException {
        return line(body, CompatPolicy.ACCEPT_ALL);
    }

    /** One message line, written under a compatibility policy (what generated writers hide). */
    static byte[] line(Body body, CompatPolicy policy) throws IOException {
        ByteArrayBuilder out = new ByteArrayBuilder(128);
        try (JsonGenerator g = QemuJson.generator(out)) {
            ((QemuJsonGenerator) g).compatPolicy(policy);
            body.write(g);
            g.writeRaw("\r\n");
        }
        return out.toByteArray();
    }

    static byte[] success(QmpHandler.Result result, JsonValue id, CompatPolicy policy) throws IOException {
        return line(g -> {
            g.writeStartObject();
            g.writeFieldName("return");
            if (result == null) {
                g.writeStartObject();
                g.writeEndObject();
            } else {
                result.write(g);
            }
            if (id != null) {
                g.writeFieldName("id");
                id.write(g);
            }
            g.writeEndObject();
        }, policy);
    }

    static byte[] error(QmpError e, JsonValue id) {
        try {
            return line(g -> {
                g.writeStartObject();
                if (id != null) {
                    g.writeFieldName("id");
                    id.write(g);
                }
                g.writeObjectFieldStart("error");
                g.writeStringField("class", e.errorClass().wireName());
                g.writeStringField("desc", e.description());
                g.writeEndObject();
                g.writeEndObject();
            });
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    static byte[] event(String name, Instant when, Body data, CompatPolicy policy) throws IOException {
        return line(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("timestamp");
            g.writeNumberField("seconds", when.getEpochSecond());
            g.writeNumberField("microseconds", when.getNano() / 1000);
            g.writeEndObject();
            g.writeStringField("event", name);
            if (data != null) {
                g.writeFieldName("data");
                data.write(g);
            }
            g.writeEndObject();
        }, policy);
    }

    /**
     * A message line as QEMU's {@code pretty=on} monitor prints it: every member and element on a
     * line of its own, four spaces per level, an empty object or array as {@code {}} split over two
     * lines, and every line ending in CR LF (QEMU's monitor turns each {@code \n} into
     * {@code \r\n}). {@code line} is one compact message as the other methods make it; strings
     * in it never hold a raw line break, since they are written escaped.
     */
    static byte[] pretty(byte[] line) {
        int n = line.length;
        if (n >= 2 && line[n - 2] == '\r' && line[n - 1] == '\n') {
            n -= 2;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n * 2);
        int depth = 0;
        JsonStrings strings = new JsonStrings();
        for (int i = 0; i < n; i++) {
            byte c = line[i];
            if (strings.step(c)) {
                out.write(c);
                continue;
            }
            switch (c) {
                case '{', '[' -> {
                    out.write(c);
                    depth++;
                    boolean empty = i + 1 < n && (line[i + 1] == '}' || line[i + 1] == ']');
                    newline(out, empty ? depth - 1 : depth);
                }
                case '}', ']' -> {
                    depth--;
                    if (line[i - 1] != '{' && line[i - 1] != '[') {
                        newline(out, depth);
                    }
                    out.write(c);
                }
                case ',' -> {
                    out.write(c);
                    newline(out, depth);
                    if (i + 1 < n && line[i + 1] == ' ') {
                        i++; // the compact form's space after the comma
                    }
                }
                default -> out.write(c);
            }
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    private static void newline(ByteArrayOutputStream out, int depth) {
        out.write('\r');
        out.write('\n');
        for (int k = 0; k < 4 * depth; k++) {
            out.write(' ');
        }
    }

    static byte[] greeting(int major, int minor, int micro, String pkg, boolean oob) throws IOException {
        return line(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("QMP");
            g.writeObjectFieldStart("version");
            g.writeObjectFieldStart("qemu");
            g.writeNumberField("micro", micro);
            g.writeNumberField("minor", minor);
            g.writeNumberField("major", major);
            g.writeEndObject();
            g.writeStringField("package", pkg);
            g.writeEndObject();
            g.writeArrayFieldStart("capabilities");
            if (oob) {
                g.writeString("oob");
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
