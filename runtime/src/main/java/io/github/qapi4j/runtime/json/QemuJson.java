/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON as QEMU writes it: compact, ASCII only (other characters as {@code \}{@code uXXXX}), with
 * {@code ": "} after a key and {@code ", "} between members and elements, so output matches QEMU
 * transcripts byte for byte. Also the shared {@link JsonFactory} for reading.
 */
public final class QemuJson {
    /** The one factory: thread-safe, and it pools symbol tables and buffers across parsers. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private static final PrettyPrinter QEMU_STYLE = new QemuStyle();

    private QemuJson() {
    }

    /**
     * A generator writing QEMU-style JSON to {@code out}: a {@link QemuJsonGenerator}, whose bytes
     * are those of {@link #FACTORY}'s generator with {@link #qemuStyle()}.
     */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return new QemuJsonGenerator(out);
    }

    /**
     * QEMU's separators as a Jackson {@link PrettyPrinter} (stateless, shareable), for writers
     * that are not generated codecs, e.g. a databind {@code ObjectWriter} producing the same text.
     */
    public static PrettyPrinter qemuStyle() {
        return QEMU_STYLE;
    }

    /**
     * A parser over a byte range (UTF-8 JSON): a {@link QemuJsonParser}, whose tokens are those of
     * {@link #FACTORY}'s parser over the same bytes.
     */
    public static JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
        return new QemuJsonParser(bytes, offset, length);
    }

    /** Encodes a value with a codec to QEMU-style UTF-8 bytes. */
    public static <T> byte[] encode(JsonCodec<T> codec, T value) {
        QemuJsonGenerator g = QemuJsonGenerator.buffered(); // no stream: the thread's reused buffer
        try (g) {
            codec.write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g.finish();
    }

    /** Decodes UTF-8 JSON bytes with a codec's forward-compatible reader. */
    public static <T> T decode(JsonCodec<T> codec, byte[] bytes) throws IOException {
        try (JsonParser p = parser(bytes, 0, bytes.length)) {
            p.nextToken();
            return codec.read(p);
        }
    }

    /** A value as QEMU would print it. */
    public static String toJson(JsonValue v) {
        return new String(encode(Codecs.ANY, v), StandardCharsets.UTF_8);
    }

    /** Parses one JSON text into a tree (standard JSON, through Jackson). */
    public static JsonValue parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return JsonValue.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** QEMU's separators; stateless, so one instance serves every generator. */
    private static final class QemuStyle implements PrettyPrinter {
        // Pre-encoded: writeRaw(SerializableString) copies bytes, writeRaw(String) re-encodes.
        private static final SerializableString COMMA = new SerializedString(", ");
        private static final SerializableString COLON = new SerializedString(": ");

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(' ');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(COMMA);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(COLON);
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(COMMA);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
        }
    }
}
