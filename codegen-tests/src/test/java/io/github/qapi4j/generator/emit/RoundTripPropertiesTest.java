/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.Path;
import io.github.qapi4j.runtime.json.QemuJson;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random values of generated job.json types survive write → read and write → strict decode, and
 * the generated reader takes their members in any order and spacing, among unknown and repeated
 * members.
 */
class RoundTripPropertiesTest {
    /** A package of its own, so that the runtime's job bindings on the class path never shadow these. */
    static final String PACKAGE = "io.github.qapi4j.test.roundtrip";

    private static ClassLoader loader;

    static synchronized ClassLoader loader() throws Exception {
        if (loader == null) {
            Map<String, String> files = EmitTestSupport.generate(
                    EmitTestSupport.projectRoot().resolve("schema/job.json"), PACKAGE,
                    FrontEndOptions.LENIENT, null);
            java.nio.file.Path classes = EmitTestSupport.compile(files, EmitTestSupport.workDir("roundtrip"));
            loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, RoundTripPropertiesTest.class.getClassLoader());
        }
        return loader;
    }

    static Class<?> type(String simple) throws Exception {
        return Class.forName(PACKAGE + "." + simple, true, loader());
    }

    @SuppressWarnings("unchecked")
    static JsonCodec<Object> codec(Class<?> c) throws Exception {
        return (JsonCodec<Object>) c.getField("CODEC").get(null);
    }

    @Property(tries = 200)
    void jobInfoRoundTrips(@ForAll String id, @ForAll @IntRange(min = 0, max = 8) int type,
            @ForAll @IntRange(min = 0, max = 10) int status, @ForAll long current, @ForAll long total,
            @ForAll boolean hasError, @ForAll String error) throws Exception {
        Class<?> info = type("JobInfo");
        Object value = jobInfo(id, type, status, current, total, hasError ? error : null);
        JsonCodec<Object> codec = codec(info);
        byte[] bytes = QemuJson.encode(codec, value);
        assertThat(QemuJson.decode(codec, bytes)).isEqualTo(value);
        assertThat(codec.decode(QemuJson.parse(new String(bytes, StandardCharsets.UTF_8)), Path.ROOT))
                .isEqualTo(value);
    }

    /**
     * The generated reader takes a struct's members in any order, with unknown members (of any
     * JSON kind) anywhere among them, duplicates (the last one counts) and any spacing, through
     * our parser (whose fast path predicts schema order and QEMU's spacing) and through Jackson's
     * (the general path) alike.
     */
    @Property(tries = 300)
    void readerTakesMembersInAnyOrder(@ForAll("jobInfos") Object value, @ForAll long seed) throws Exception {
        JsonCodec<Object> codec = codec(type("JobInfo"));
        JsonObject o = (JsonObject) QemuJson.parse(new String(QemuJson.encode(codec, value), StandardCharsets.UTF_8));
        Random r = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < o.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order.subList(0, r.nextInt(order.size() + 1)), r);
        List<String> parts = new ArrayList<>();
        for (int i : order) {
            String name = o.name(i);
            if (r.nextInt(5) == 0 && !name.equals("type") && !name.equals("status")) {
                // A duplicate with another value first: the last one counts.
                parts.add("\"" + name + "\": " + (o.value(i).kind().equals("string") ? "\"x\"" : "7"));
            }
            parts.add("\"" + name + "\": " + QemuJson.toJson(o.value(i)));
        }
        String[] unknown = {"\"new\": 1", "\"new-object\": {\"id\": \"x\", \"type\": [1, {}]}",
                "\"new-list\": [\"status\", null]", "\"n\": null", "\"new-bool\": true"};
        for (int k = r.nextInt(4); k > 0; k--) {
            parts.add(r.nextInt(parts.size() + 1), unknown[r.nextInt(unknown.length)]);
        }
        String sep = r.nextBoolean() ? ", " : r.nextBoolean() ? "," : " ,\n ";
        String json = "{" + (r.nextBoolean() ? "" : " ") + String.join(sep, parts) + "}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(QemuJson.decode(codec, bytes)).as(json).isEqualTo(value);
        try (JsonParser jackson = new JsonFactory().createParser(bytes)) {
            jackson.nextToken();
            assertThat(codec.read(jackson)).as(json).isEqualTo(value);
        }
    }

    @Provide
    Arbitrary<Object> jobInfos() {
        return Combinators.combine(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 10),
                Arbitraries.longs(), Arbitraries.longs(),
                Arbitraries.strings().ofMaxLength(12).injectNull(0.5))
                .as((id, type, status, current, total, error) -> {
                    try {
                        return jobInfo(id, type, status, current, total, error);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    static Object jobInfo(String id, int type, int status, long current, long total, String error) throws Exception {
        Class<?> info = type("JobInfo");
        Object b = info.getMethod("builder").invoke(null);
        Class<?> bc = b.getClass();
        bc.getMethod("id", String.class).invoke(b, id);
        Class<?> jt = type("JobType");
        Class<?> js = type("JobStatus");
        bc.getMethod("type", jt).invoke(b, jt.getEnumConstants()[type]);
        bc.getMethod("status", js).invoke(b, js.getEnumConstants()[status]);
        bc.getMethod("currentProgress", long.class).invoke(b, current);
        bc.getMethod("totalProgress", long.class).invoke(b, total);
        bc.getMethod("error", String.class).invoke(b, error);
        return bc.getMethod("build").invoke(b);
    }

    @Property(tries = 100)
    void eventRoundTrips(@ForAll String id, @ForAll @IntRange(min = 0, max = 10) int status) throws Exception {
        Class<?> ev = type("JobStatusChangeEvent");
        Class<?> js = type("JobStatus");
        Object value = ev.getConstructor(String.class, js).newInstance(id, js.getEnumConstants()[status]);
        JsonCodec<Object> codec = codec(ev);
        assertThat(QemuJson.decode(codec, QemuJson.encode(codec, value))).isEqualTo(value);
        Method wire = js.getMethod("wireName");
        Object constant = js.getEnumConstants()[status];
        assertThat(js.getMethod("fromWireName", String.class).invoke(null, wire.invoke(constant))).isEqualTo(constant);
    }
}
