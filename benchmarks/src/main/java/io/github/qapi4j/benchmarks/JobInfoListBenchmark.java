/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.github.qapi4j.runtime.job.qapi.JobInfo;
import io.github.qapi4j.runtime.job.qapi.JobStatus;
import io.github.qapi4j.runtime.job.qapi.JobType;
import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code query-jobs} reply of 10,000 {@link JobInfo}: the generated streaming codec against
 * jackson-databind, twice. {@code *Databind} maps a plain record of strings and a nullable
 * {@code error} (the enums as strings: the strict comparison, as it spares databind the enum
 * lookups and {@code Optional}s the generated codec makes). {@code *DatabindTyped} maps a record
 * of the same Java types as {@link JobInfo}: the generated {@link JobType} and {@link JobStatus}
 * (by wire name, through {@code @JsonValue} on {@code wireName()}) and {@code Optional<String>}
 * (jackson-datatype-jdk8).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JobInfoListBenchmark {

    /** The plain record databind maps (kebab-case names, like the wire). */
    public record PlainJobInfo(String id, String type, String status, long currentProgress, long totalProgress,
            String error) {}

    /** The same types as {@link JobInfo}, for databind. */
    public record TypedJobInfo(String id, JobType type, JobStatus status, long currentProgress, long totalProgress,
            Optional<String> error) {}

    static final JsonCodec<List<JobInfo>> CODEC = Codecs.list(JobInfo.CODEC);

    List<JobInfo> generated;
    List<PlainJobInfo> plain;
    List<TypedJobInfo> typed;
    ObjectMapper typedMapper;
    ObjectWriter typedWriter;
    TypeReference<List<TypedJobInfo>> typedList = new TypeReference<>() {};
    byte[] json;
    ObjectMapper mapper;
    /** Writes the same text as the generated codec: QEMU's separators, non-ASCII escaped. */
    ObjectWriter writer;
    TypeReference<List<PlainJobInfo>> plainList = new TypeReference<>() {};

    @Setup
    public void setUp() throws IOException {
        generated = new ArrayList<>();
        plain = new ArrayList<>();
        typed = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            JobType t = JobType.values()[i % 9];
            JobStatus s = JobStatus.values()[i % 11];
            String err = i % 3 == 0 ? "error " + i : null;
            generated.add(JobInfo.builder().id("job" + i).type(t).status(s).currentProgress(i * 1000L)
                    .totalProgress(10_000_000L).error(err).build());
            plain.add(new PlainJobInfo("job" + i, t.wireName(), s.wireName(), i * 1000L, 10_000_000L, err));
            typed.add(new TypedJobInfo("job" + i, t, s, i * 1000L, 10_000_000L, Optional.ofNullable(err)));
        }
        json = QemuJson.encode(CODEC, generated);
        mapper = new ObjectMapper(QemuJson.FACTORY).setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        writer = mapper.writer(QemuJson.qemuStyle());
        if (!java.util.Arrays.equals(writer.writeValueAsBytes(plain), json)) {
            throw new IllegalStateException("databind does not write the same text");
        }
        typedMapper = new ObjectMapper(QemuJson.FACTORY).registerModule(new Jdk8Module())
                .addMixIn(JobType.class, WireNameMixin.class).addMixIn(JobStatus.class, WireNameMixin.class)
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        typedWriter = typedMapper.writer(QemuJson.qemuStyle());
        if (!java.util.Arrays.equals(typedWriter.writeValueAsBytes(typed), json)) {
            throw new IllegalStateException("databind (typed) does not write the same text");
        }
        if (!typedMapper.readValue(json, typedList).equals(typed)) {
            throw new IllegalStateException("databind (typed) does not read the same values");
        }
    }

    @Benchmark
    public List<JobInfo> decodeGenerated() throws IOException {
        return QemuJson.decode(CODEC, json);
    }

    @Benchmark
    public List<PlainJobInfo> decodeDatabind() throws IOException {
        return mapper.readValue(json, plainList);
    }

    @Benchmark
    public List<TypedJobInfo> decodeDatabindTyped() throws IOException {
        return typedMapper.readValue(json, typedList);
    }

    @Benchmark
    public byte[] encodeDatabindTyped() throws IOException {
        return typedWriter.writeValueAsBytes(typed);
    }

    @Benchmark
    public byte[] encodeGenerated() {
        return QemuJson.encode(CODEC, generated);
    }

    @Benchmark
    public byte[] encodeDatabind() throws IOException {
        return writer.writeValueAsBytes(plain);
    }
}
