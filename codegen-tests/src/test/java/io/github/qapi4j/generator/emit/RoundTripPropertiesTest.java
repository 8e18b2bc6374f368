/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qapi4j.generator.FrontEndOptions;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.Path;
import io.github.qapi4j.runtime.json.QemuJson;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random values of generated job.json types survive write → read and write → strict decode. */
class RoundTripPropertiesTest {
    /** A package of its own, so that the runtime's job bindings on the class path never shadow these. */
    static final String PACKAGE = "io.github.qapi4j.test.roundtrip";

    private static ClassLoader loader;

    static synchronized ClassLoader loader() throws Exception {
        if (loader == null) {
            Map<String, String> files = EmitTestSupport.generate(
                    EmitTestSupport.projectRoot().resolve("schema/job.json"), PACKAGE,
                    FrontEndOptions.LENIENT, null);
            java.nio.file.Path classes = EmitTestSupport.compile(files, Files.createTempDirectory("qapi4j-rt"));
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
        Object b = info.getMethod("builder").invoke(null);
        Class<?> bc = b.getClass();
        bc.getMethod("id", String.class).invoke(b, id);
        Class<?> jt = type("JobType");
        Class<?> js = type("JobStatus");
        bc.getMethod("type", jt).invoke(b, jt.getEnumConstants()[type]);
        bc.getMethod("status", js).invoke(b, js.getEnumConstants()[status]);
        bc.getMethod("currentProgress", long.class).invoke(b, current);
        bc.getMethod("totalProgress", long.class).invoke(b, total);
        bc.getMethod("error", String.class).invoke(b, hasError ? error : null);
        Object value = bc.getMethod("build").invoke(b);
        JsonCodec<Object> codec = codec(info);
        byte[] bytes = QemuJson.encode(codec, value);
        assertThat(QemuJson.decode(codec, bytes)).isEqualTo(value);
        assertThat(codec.decode(QemuJson.parse(new String(bytes, StandardCharsets.UTF_8)), Path.ROOT))
                .isEqualTo(value);
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
