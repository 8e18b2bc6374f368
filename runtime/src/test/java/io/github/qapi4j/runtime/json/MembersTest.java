/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link Members#next} as generated readers use it. With {@link QemuJsonParser} it takes a fused
 * fast path (the predicted name compared in place, any other plain name looked up by its bytes,
 * then the value's token); with any other parser, the general {@code nextFieldName}/
 * {@code nextToken} path. Both must see the same members, tokens and texts, and reject the same
 * inputs; Jackson's parser stands in for "any other parser".
 */
class MembersTest {

    /**
     * Reads {@code json} the way a generated reader does, with {@code m} for every object, and
     * returns what it saw (member index, token, name, text, offset, pointer), or "REJECTED".
     */
    static String trace(boolean ours, byte[] json, Members m) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = ours ? QemuJson.parser(json, 0, json.length)
                : QemuJson.FACTORY.copy().createParser(json, 0, json.length)) {
            if (p.nextToken() != null) {
                value(p, m, out);
            }
            // Texts are asked for: Jackson only checks a string's content when it is read.
            JsonToken after = p.nextToken();
            out.add("after " + after + (after == null ? "" : " " + p.getText()));
        } catch (IOException e) {
            return "REJECTED";
        }
        return String.join("\n", out);
    }

    private static void value(JsonParser p, Members m, List<String> out) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            for (int k = 0, f; (f = m.next(p, k)) != Members.END; k = f < 0 ? k : f + 1) {
                out.add(f + " " + p.currentToken() + " name=" + p.currentName() + " at="
                        + p.currentTokenLocation().getByteOffset() + " ptr="
                        + p.getParsingContext().pathAsPointer());
                if (f == Members.UNKNOWN) {
                    out.add("  skipped " + p.getText());
                    p.skipChildren();
                } else {
                    value(p, m, out);
                }
            }
            out.add("end " + p.currentToken() + " at=" + p.currentTokenLocation().getByteOffset());
        } else if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, m, out);
            }
            out.add("]");
        } else {
            out.add("  " + t + " " + p.getText());
        }
    }

    /** Every member name in {@code v}, in order of first appearance. */
    static void names(JsonValue v, Set<String> into) {
        if (v instanceof JsonObject o) {
            for (int i = 0; i < o.size(); i++) {
                into.add(o.name(i));
                names(o.value(i), into);
            }
        } else if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                names(a.get(i), into);
            }
        }
    }

    /**
     * A "schema" for {@code v}: its names, rotated by {@code shift} (so predictions fail in
     * places) with every {@code drop}-th left out (unknown members) and a name the input never
     * has added (an absent optional member).
     */
    static Members members(JsonValue v, int shift, int drop) {
        Set<String> all = new LinkedHashSet<>();
        names(v, all);
        // Schema names are ASCII; here any name that has a UTF-8 form will do.
        List<String> list = all.stream().filter(n -> StandardCharsets.UTF_8.newEncoder().canEncode(n)).toList();
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (drop == 0 || i % drop != drop - 1) {
                chosen.add(list.get((i + shift) % list.size()));
            }
        }
        chosen.add(chosen.size() / 2, "never-sent");
        return Members.of(chosen.toArray(String[]::new));
    }

    static String same(byte[] json, Members m) {
        String expected = trace(false, json, m);
        assertThat(trace(true, json, m)).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(expected);
        return expected;
    }

    @Test
    void predictedOtherOrderUnknownAndEscaped() {
        Members m = Members.of("alpha", "beta", "gamma", "delta");
        String t = same(("{\"alpha\": 1, \"gamma\" : {\"alpha\": [true, {\"beta\":null}]} ,\"b\\u0065ta\": \"x\","
                + " \"zeta\": [1, {\"a\": 2}], \"delta\":-1.5e3,\"alpha\":\"again\"}").getBytes(StandardCharsets.UTF_8), m);
        assertThat(t).contains("0 VALUE_NUMBER_INT name=alpha", "2 START_OBJECT name=gamma",
                "1 VALUE_STRING name=beta", "-1 START_ARRAY name=zeta", "3 VALUE_NUMBER_FLOAT name=delta",
                "0 VALUE_STRING name=alpha");
        assertThat(same("{}".getBytes(StandardCharsets.UTF_8), m)).startsWith("end END_OBJECT at=1");
    }

    @Test
    void malformedIsRejectedAlike() {
        Members m = Members.of("alpha", "beta");
        for (String j : List.of("{\"alpha\" 1}", "{\"alpha\":1 \"beta\":2}", "{\"alpha\":1,,\"beta\":2}", "{\"alpha\"",
                "{\"alpha", "{\"alpha\":1,}", "{\"alpha\":}", "{\"alpha\": ]", "{\"alpha\":1]", "{,\"alpha\":1}",
                "{\"alpha\":1, \"beta\": tru}", "{\"alpha\":\"\u0001\"}", "{\"al\u0001pha\":1}", "{\"alpha\":1")) {
            assertThat(same(j.getBytes(StandardCharsets.UTF_8), m)).as(j).isEqualTo("REJECTED");
        }
    }

    @Property(tries = 500)
    void randomObjectsReadTheSame(@ForAll("trees") JsonValue v, @ForAll @IntRange(max = 7) int shift,
            @ForAll @IntRange(max = 4) int drop) {
        Members m = members(v, shift, drop);
        same(QemuJson.encode(Codecs.ANY, v), m);
        same(QemuJson.toJson(v).replace(", ", ",").replace(": ", ":").getBytes(StandardCharsets.UTF_8), m);
    }

    @Property(tries = 2000)
    void mutationsAreAcceptedOrRejectedAlike(@ForAll("trees") JsonValue v, @ForAll @IntRange(max = 7) int shift,
            @ForAll("mutations") List<int[]> edits) {
        Members m = members(v, shift, 3);
        byte[] b = QemuJsonParserTest.mutate(QemuJson.encode(Codecs.ANY, v), edits);
        QemuJsonParserTest.assumeComparable(b);
        same(b, m);
    }

    @Provide
    Arbitrary<JsonValue> trees() {
        return JsonTrees.trees(4).filter(v -> v instanceof JsonObject || v instanceof JsonArray);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        return QemuJsonParserTest.mutations();
    }
}
