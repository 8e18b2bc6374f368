/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * A hand-written example of what the emitter should generate for a struct (QEMU's JobInfo) and
 * an enum: the reference the codec tests, the QMP tests and the benchmark use.
 */
public final class JobInfoExample {
    private JobInfoExample() {
    }

    /** A generated enum: wire names, plus a reserved constant for values from a newer QEMU. */
    public enum JobStatus implements QapiEnum {
        UNDEFINED("undefined"), CREATED("created"), RUNNING("running"), PAUSED("paused"),
        READY("ready"), STANDBY("standby"), WAITING("waiting"), PENDING("pending"),
        ABORTING("aborting"), CONCLUDED("concluded"), NULL("null"),
        /** Not a QAPI value: what the forward-compatible reader maps unknown values to. */
        UNKNOWN_VALUE_("");

        public static final EnumCodec<JobStatus> CODEC = EnumCodec.withFallback(JobStatus.class, UNKNOWN_VALUE_);

        private final String wireName;

        JobStatus(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** A generated struct: a record; optional members are boxed and nullable. */
    public record JobInfo(String id, String type, JobStatus status, long currentProgress,
            long totalProgress, String error) {
    }

    /** The generated codec: a stateless singleton. */
    public static final class JobInfoCodec implements JsonCodec<JobInfo> {
        public static final JobInfoCodec INSTANCE = new JobInfoCodec();

        @Override
        public JobInfo read(JsonParser p) throws IOException {
            Reading.startObject(p);
            String id = null;
            String type = null;
            JobStatus status = null;
            long currentProgress = 0;
            long totalProgress = 0;
            boolean hasCurrent = false;
            boolean hasTotal = false;
            String error = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "id" -> id = Codecs.readStr(p);
                    case "type" -> type = Codecs.readStr(p);
                    case "status" -> status = JobStatus.CODEC.read(p);
                    case "current-progress" -> {
                        currentProgress = Codecs.readInt64(p);
                        hasCurrent = true;
                    }
                    case "total-progress" -> {
                        totalProgress = Codecs.readInt64(p);
                        hasTotal = true;
                    }
                    case "error" -> error = Codecs.readStr(p);
                    default -> p.skipChildren(); // a member from a newer QEMU
                }
            }
            if (!hasCurrent) {
                throw Reading.missing(p, "current-progress");
            }
            if (!hasTotal) {
                throw Reading.missing(p, "total-progress");
            }
            return new JobInfo(Reading.require(p, id, "id"), Reading.require(p, type, "type"),
                    Reading.require(p, status, "status"), currentProgress, totalProgress, error);
        }

        @Override
        public JobInfo decode(JsonValue value, Path path) {
            // Schema order; the first problem wins; then leftovers.
            InputObject in = InputObject.of(value, path);
            String id = in.requiredStr("id");
            String type = in.requiredStr("type");
            JobStatus status = in.required("status", JobStatus.CODEC);
            long current = in.requiredInt64("current-progress");
            long total = in.requiredInt64("total-progress");
            String error = in.optional("error", Codecs.STR);
            in.end();
            return new JobInfo(id, type, status, current, total, error);
        }

        @Override
        public void write(JsonGenerator g, JobInfo v) throws IOException {
            // QEMU's wire order for JobInfo (QDictOrder.sort of the schema order).
            g.writeStartObject();
            g.writeNumberField("current-progress", v.currentProgress());
            g.writeFieldName("status");
            JobStatus.CODEC.write(g, v.status());
            g.writeNumberField("total-progress", v.totalProgress());
            g.writeStringField("type", v.type());
            g.writeStringField("id", v.id());
            if (v.error() != null) {
                g.writeStringField("error", v.error());
            }
            g.writeEndObject();
        }
    }
}
