/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.qemu.qmp.BlockDeviceIoStatus;
import org.qemu.qmp.BlockInfo;
import org.qemu.qmp.BlockdevDetectZeroesOptions;
import org.qemu.qmp.Qcow2CompressionType;

/**
 * A {@code query-block} reply from QEMU 10.2.50's schema: 500 {@code BlockInfo}, each with its
 * {@code BlockDeviceInfo}, an {@code ImageInfo} chain three images deep (snapshots, a qcow2
 * {@code ImageInfoSpecific} union value with its nested struct), children and dirty bitmaps. The
 * generated codec against jackson-databind on equivalent plain records (explicit wire names,
 * NON_NULL, the union as {@code @JsonTypeInfo} on the discriminator; enums as strings, which
 * favours databind). Both read and write the same JSON text. {@code *DatabindTyped} maps records of
 * the same Java types as the generated ones instead: the generated enums (by wire name, through a
 * {@code @JsonValue} mix-in on {@code wireName()}) and {@code Optional} for optional members
 * (jackson-datatype-jdk8).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockInfoBenchmark {
    static final JsonCodec<List<BlockInfo>> CODEC = Codecs.list(BlockInfo.CODEC);

    // ---- databind's records, one per QAPI struct
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PBlockInfo(String device, String qdev, String type, boolean removable, boolean locked,
            PBlockDeviceInfo inserted, @JsonProperty("tray_open") Boolean trayOpen,
            @JsonProperty("io-status") String ioStatus) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PBlockDeviceInfo(String file, @JsonProperty("node-name") String nodeName, boolean ro, String drv,
            @JsonProperty("backing_file") String backingFile,
            @JsonProperty("backing_file_depth") long backingFileDepth, List<PBlockdevChild> children,
            boolean active, boolean encrypted, @JsonProperty("detect_zeroes") String detectZeroes, long bps,
            @JsonProperty("bps_rd") long bpsRd, @JsonProperty("bps_wr") long bpsWr, long iops,
            @JsonProperty("iops_rd") long iopsRd, @JsonProperty("iops_wr") long iopsWr, PImageInfo image,
            @JsonProperty("bps_max") Long bpsMax, @JsonProperty("iops_max") Long iopsMax, String group,
            PBlockdevCacheInfo cache, @JsonProperty("write_threshold") long writeThreshold,
            @JsonProperty("dirty-bitmaps") List<PBlockDirtyInfo> dirtyBitmaps) {}

    public record PBlockdevChild(String child, @JsonProperty("node-name") String nodeName) {}

    public record PBlockdevCacheInfo(boolean writeback, boolean direct, @JsonProperty("no-flush") boolean noFlush) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PBlockDirtyInfo(String name, long count, long granularity, boolean recording, boolean busy,
            boolean persistent, Boolean inconsistent) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PImageInfo(String filename, String format, @JsonProperty("dirty-flag") Boolean dirtyFlag,
            @JsonProperty("actual-size") Long actualSize, @JsonProperty("virtual-size") long virtualSize,
            @JsonProperty("cluster-size") Long clusterSize, Boolean encrypted, Boolean compressed,
            @JsonProperty("backing-filename") String backingFilename,
            @JsonProperty("full-backing-filename") String fullBackingFilename,
            @JsonProperty("backing-filename-format") String backingFilenameFormat, List<PSnapshotInfo> snapshots,
            @JsonProperty("format-specific") PImageInfoSpecific formatSpecific,
            @JsonProperty("backing-image") PImageInfo backingImage) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PSnapshotInfo(String id, String name, @JsonProperty("vm-state-size") long vmStateSize,
            @JsonProperty("date-sec") long dateSec, @JsonProperty("date-nsec") long dateNsec,
            @JsonProperty("vm-clock-sec") long vmClockSec, @JsonProperty("vm-clock-nsec") long vmClockNsec,
            Long icount) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = PQcow2.class, name = "qcow2")})
    public sealed interface PImageInfoSpecific permits PQcow2 {}

    public record PQcow2(PImageInfoSpecificQCow2 data) implements PImageInfoSpecific {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PImageInfoSpecificQCow2(String compat, @JsonProperty("data-file") String dataFile,
            @JsonProperty("extended-l2") Boolean extendedL2, @JsonProperty("lazy-refcounts") Boolean lazyRefcounts,
            Boolean corrupt, @JsonProperty("refcount-bits") long refcountBits,
            @JsonProperty("compression-type") String compressionType) {}

    // ---- the same, with the generated records' Java types
    public record TBlockInfo(String device, Optional<String> qdev, String type, boolean removable, boolean locked,
            Optional<TBlockDeviceInfo> inserted, @JsonProperty("tray_open") Optional<Boolean> trayOpen,
            @JsonProperty("io-status") Optional<BlockDeviceIoStatus> ioStatus) {}

    public record TBlockDeviceInfo(String file, @JsonProperty("node-name") String nodeName, boolean ro, String drv,
            @JsonProperty("backing_file") Optional<String> backingFile,
            @JsonProperty("backing_file_depth") long backingFileDepth, List<TBlockdevChild> children,
            boolean active, boolean encrypted, @JsonProperty("detect_zeroes") BlockdevDetectZeroesOptions detectZeroes,
            long bps, @JsonProperty("bps_rd") long bpsRd, @JsonProperty("bps_wr") long bpsWr, long iops,
            @JsonProperty("iops_rd") long iopsRd, @JsonProperty("iops_wr") long iopsWr, TImageInfo image,
            @JsonProperty("bps_max") Optional<Long> bpsMax, @JsonProperty("iops_max") Optional<Long> iopsMax,
            Optional<String> group, TBlockdevCacheInfo cache, @JsonProperty("write_threshold") long writeThreshold,
            @JsonProperty("dirty-bitmaps") Optional<List<TBlockDirtyInfo>> dirtyBitmaps) {}

    public record TBlockdevChild(String child, @JsonProperty("node-name") String nodeName) {}

    public record TBlockdevCacheInfo(boolean writeback, boolean direct, @JsonProperty("no-flush") boolean noFlush) {}

    public record TBlockDirtyInfo(Optional<String> name, long count, long granularity, boolean recording, boolean busy,
            boolean persistent, Optional<Boolean> inconsistent) {}

    public record TImageInfo(String filename, String format, @JsonProperty("dirty-flag") Optional<Boolean> dirtyFlag,
            @JsonProperty("actual-size") Optional<Long> actualSize, @JsonProperty("virtual-size") long virtualSize,
            @JsonProperty("cluster-size") Optional<Long> clusterSize, Optional<Boolean> encrypted,
            Optional<Boolean> compressed, @JsonProperty("backing-filename") Optional<String> backingFilename,
            @JsonProperty("full-backing-filename") Optional<String> fullBackingFilename,
            @JsonProperty("backing-filename-format") Optional<String> backingFilenameFormat,
            Optional<List<TSnapshotInfo>> snapshots,
            @JsonProperty("format-specific") Optional<TImageInfoSpecific> formatSpecific,
            @JsonProperty("backing-image") Optional<TImageInfo> backingImage) {}

    public record TSnapshotInfo(String id, String name, @JsonProperty("vm-state-size") long vmStateSize,
            @JsonProperty("date-sec") long dateSec, @JsonProperty("date-nsec") long dateNsec,
            @JsonProperty("vm-clock-sec") long vmClockSec, @JsonProperty("vm-clock-nsec") long vmClockNsec,
            Optional<Long> icount) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = TQcow2.class, name = "qcow2")})
    public sealed interface TImageInfoSpecific permits TQcow2 {}

    public record TQcow2(TImageInfoSpecificQCow2 data) implements TImageInfoSpecific {}

    public record TImageInfoSpecificQCow2(String compat, @JsonProperty("data-file") Optional<String> dataFile,
            @JsonProperty("extended-l2") Optional<Boolean> extendedL2,
            @JsonProperty("lazy-refcounts") Optional<Boolean> lazyRefcounts, Optional<Boolean> corrupt,
            @JsonProperty("refcount-bits") long refcountBits,
            @JsonProperty("compression-type") Qcow2CompressionType compressionType) {}

    List<BlockInfo> generated;
    List<PBlockInfo> plain;
    byte[] json;
    ObjectMapper mapper;
    /** Writes the same text as the generated codec: QEMU's separators, non-ASCII escaped. */
    ObjectWriter writer;
    final TypeReference<List<PBlockInfo>> plainList = new TypeReference<>() {};
    List<TBlockInfo> typed;
    ObjectMapper typedMapper;
    ObjectWriter typedWriter;
    final TypeReference<List<TBlockInfo>> typedList = new TypeReference<>() {};

    static String image(int i, int depth) {
        String name = "/var/lib/images/disk" + i + "-" + depth + ".qcow2";
        String backing = depth > 0 ? "/var/lib/images/disk" + i + "-" + (depth - 1) + ".qcow2" : null;
        StringBuilder b = new StringBuilder("{\"filename\": \"" + name + "\", \"format\": \"qcow2\", "
                + "\"dirty-flag\": false, \"actual-size\": " + (200704 + i) + ", \"virtual-size\": 10737418240, "
                + "\"cluster-size\": 65536, \"encrypted\": false");
        if (backing != null) {
            b.append(", \"backing-filename\": \"" + backing + "\", \"full-backing-filename\": \"" + backing
                    + "\", \"backing-filename-format\": \"qcow2\"");
        }
        b.append(", \"snapshots\": [");
        for (int s = 0; s < 2; s++) {
            b.append(s == 0 ? "" : ", ").append("{\"id\": \"" + (s + 1) + "\", \"name\": \"snap" + s
                    + "\", \"vm-state-size\": 0, \"date-sec\": " + (1700000000 + i) + ", \"date-nsec\": 1234, "
                    + "\"vm-clock-sec\": 0, \"vm-clock-nsec\": 0, \"icount\": " + i + "}");
        }
        b.append("], \"format-specific\": {\"type\": \"qcow2\", \"data\": {\"compat\": \"1.1\", "
                + "\"extended-l2\": false, \"lazy-refcounts\": false, \"corrupt\": false, \"refcount-bits\": 16, "
                + "\"compression-type\": \"zlib\"}}");
        if (backing != null) {
            b.append(", \"backing-image\": ").append(image(i, depth - 1));
        }
        return b.append('}').toString();
    }

    static String blockInfo(int i) {
        return "{\"device\": \"drive" + i + "\", \"qdev\": \"/machine/peripheral/virtio" + i
                + "/virtio-backend\", \"type\": \"unknown\", \"removable\": false, \"locked\": false, "
                + "\"inserted\": {\"file\": \"/var/lib/images/disk" + i + "-2.qcow2\", \"node-name\": \"#block" + i
                + "\", \"ro\": false, \"drv\": \"qcow2\", \"backing_file\": \"/var/lib/images/disk" + i
                + "-1.qcow2\", \"backing_file_depth\": 2, \"children\": [{\"child\": \"file\", \"node-name\": "
                + "\"#file" + i + "\"}], \"active\": true, \"encrypted\": false, \"detect_zeroes\": \"off\", "
                + "\"bps\": 0, \"bps_rd\": 0, \"bps_wr\": 0, \"iops\": 0, \"iops_rd\": 0, \"iops_wr\": 0, "
                + "\"image\": " + image(i, 2) + ", \"bps_max\": 0, \"iops_max\": 0, \"group\": \"group" + (i % 4)
                + "\", \"cache\": {\"writeback\": true, \"direct\": false, \"no-flush\": false}, "
                + "\"write_threshold\": 0, \"dirty-bitmaps\": [{\"name\": \"bitmap0\", \"count\": " + i
                + ", \"granularity\": 65536, \"recording\": true, \"busy\": false, \"persistent\": true}]}, "
                + "\"io-status\": \"ok\"}";
    }

    @Setup
    public void setUp() throws IOException {
        StringBuilder all = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            all.append(i == 0 ? "" : ", ").append(blockInfo(i));
        }
        byte[] text = all.append(']').toString().getBytes(StandardCharsets.UTF_8);
        generated = QemuJson.decode(CODEC, text);
        json = QemuJson.encode(CODEC, generated); // QEMU's member order and separators
        mapper = new ObjectMapper(QemuJson.FACTORY).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        writer = mapper.writer(QemuJson.qemuStyle());
        plain = mapper.readValue(json, plainList);
        // Same text both ways: databind's records cover every member, in the same order.
        if (!java.util.Arrays.equals(writer.writeValueAsBytes(plain), json)) {
            throw new IllegalStateException("databind does not write the same text");
        }
        typedMapper = new ObjectMapper(QemuJson.FACTORY).registerModule(new Jdk8Module())
                .addMixIn(BlockDeviceIoStatus.class, WireNameMixin.class)
                .addMixIn(BlockdevDetectZeroesOptions.class, WireNameMixin.class)
                .addMixIn(Qcow2CompressionType.class, WireNameMixin.class)
                .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        typedWriter = typedMapper.writer(QemuJson.qemuStyle());
        typed = typedMapper.readValue(json, typedList);
        if (!java.util.Arrays.equals(typedWriter.writeValueAsBytes(typed), json)) {
            throw new IllegalStateException("databind (typed) does not write the same text");
        }
    }

    @Benchmark
    public List<BlockInfo> decodeGenerated() throws IOException {
        return QemuJson.decode(CODEC, json);
    }

    @Benchmark
    public List<PBlockInfo> decodeDatabind() throws IOException {
        return mapper.readValue(json, plainList);
    }

    @Benchmark
    public List<TBlockInfo> decodeDatabindTyped() throws IOException {
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
