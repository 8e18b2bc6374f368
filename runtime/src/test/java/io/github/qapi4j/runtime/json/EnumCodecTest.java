/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EnumCodec#read} looks values up without making a String: from {@link QemuJsonParser}'s
 * bytes (a word at a time) and from any other parser's characters. Names around the eight-byte
 * word boundary, near misses, escapes and values at the very end of the input must all come out
 * as a lookup by String would.
 */
class EnumCodecTest {
    enum Tricky implements QapiEnum {
        A("a"), AB("ab"), SEVEN("abcdefg"), EIGHT("abcdefgh"), NINE("abcdefghi"), LONG("abcdefgh-x"),
        DELETE("snapshot-delete"), LOAD("snapshot-load"), SAVE("snapshot-save"), EMPTY_LIKE("_"), UNKNOWN("");

        private final String wire;

        Tricky(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireName() {
            return wire;
        }
    }

    static final EnumCodec<Tricky> CODEC = EnumCodec.withFallback(Tricky.class, Tricky.UNKNOWN);
    static final EnumCodec<Tricky> STRICT = EnumCodec.of(Tricky.class);

    /** Reads {@code "value"} alone (the value ends the buffer) and inside an array, with both parsers. */
    static List<Tricky> readAll(String value) throws IOException {
        List<Tricky> out = new ArrayList<>();
        for (String json : List.of("\"" + value + "\"", "[\"" + value + "\", 1]")) {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            for (boolean ours : new boolean[] {true, false}) {
                try (JsonParser p = ours ? QemuJson.parser(b, 0, b.length) : QemuJson.FACTORY.createParser(b)) {
                    p.nextToken();
                    if (json.startsWith("[")) {
                        p.nextToken();
                    }
                    out.add(CODEC.read(p));
                }
            }
        }
        return out;
    }

    @Test
    void everyValueAndNearMisses() throws IOException {
        for (Tricky t : Tricky.values()) {
            if (t == Tricky.UNKNOWN) {
                continue;
            }
            assertThat(readAll(t.wireName())).as(t.wireName()).containsOnly(t);
            String w = t.wireName();
            for (String miss : List.of(w + "j", w.substring(0, w.length() - 1), "X" + w.substring(1),
                    w.substring(0, w.length() - 1) + "X", w.toUpperCase(), w + "\u00e9")) {
                if (!miss.isEmpty() && STRICT.lookup(miss) == null) {
                    assertThat(readAll(miss)).as(miss).containsOnly(Tricky.UNKNOWN);
                }
            }
        }
        assertThat(readAll("")).containsOnly(Tricky.UNKNOWN);
        assertThat(readAll("snapshot-\\u006coad")).as("escaped").containsOnly(Tricky.LOAD);
    }

    @Test
    void strictReadRejectsUnknownValues() {
        byte[] b = "\"abcdefgh-y\"".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> {
            try (JsonParser p = QemuJson.parser(b, 0, b.length)) {
                p.nextToken();
                STRICT.read(p);
            }
        }).isInstanceOf(JsonDecodeException.class).hasMessageContaining("unknown value 'abcdefgh-y'");
    }
}
