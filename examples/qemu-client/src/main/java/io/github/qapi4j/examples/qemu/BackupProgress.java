/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.qemu;

import io.github.qapi4j.examples.qemu.qapi.BlockdevBackup;
import io.github.qapi4j.examples.qemu.qapi.BlockdevOptions;
import io.github.qapi4j.examples.qemu.qapi.JobInfo;
import io.github.qapi4j.examples.qemu.qapi.JobStatus;
import io.github.qapi4j.examples.qemu.qapi.JobStatusChangeEvent;
import io.github.qapi4j.examples.qemu.qapi.MirrorSyncMode;
import io.github.qapi4j.examples.qemu.qapi.QapiSchemaCommands;
import io.github.qapi4j.examples.qemu.qapi.VersionInfo;
import io.github.qapi4j.runtime.qmp.QmpClient;
import io.github.qapi4j.runtime.qmp.QmpConnectionException;
import io.github.qapi4j.runtime.qmp.QmpError;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Connects to a QEMU 7.2's QMP socket with the generated client, backs up one block node to
 * another ({@code blockdev-backup}), shows a live progress bar from {@code query-jobs} and the
 * typed {@code JOB_STATUS_CHANGE} events, and dismisses the job at the end.
 *
 * <pre>
 * java -jar qemu-client.jar SOCKET [--source NODE] [--target NODE] [--job ID]
 *                                  [--speed BYTES_PER_SECOND] [--null-nodes SIZE]
 * </pre>
 *
 * {@code --null-nodes SIZE} first adds two {@code null-co} nodes of that size named as source
 * and target (a demo that needs no disk images). Exit status: 0 done, 1 usage, 2 QEMU refused a
 * command, 3 QEMU could not be reached or went away, 4 the job ended with an error.
 */
public final class BackupProgress {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int REFUSED = 2;
    static final int GONE = 3;
    static final int JOB_FAILED = 4;

    record Options(Path socket, String source, String target, String jobId, long speed, long nullNodes) {}

    private final PrintStream out;
    private final PrintStream err;
    private final boolean tty;

    BackupProgress(PrintStream out, PrintStream err, boolean tty) {
        this.out = out;
        this.err = err;
        this.tty = tty;
    }

    public static void main(String[] args) {
        System.exit(new BackupProgress(System.out, System.err, System.console() != null).run(args));
    }

    static Options parse(String[] args) {
        Path socket = null;
        String source = "src";
        String target = "tgt";
        String job = "backup0";
        long speed = 0;
        long nullNodes = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--source" -> source = v;
                    case "--target" -> target = v;
                    case "--job" -> job = v;
                    case "--speed" -> speed = size(v);
                    case "--null-nodes" -> nullNodes = size(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } else if (socket == null) {
                socket = Path.of(a);
            } else {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
        }
        if (socket == null) {
            throw new IllegalArgumentException("missing the QMP socket path");
        }
        return new Options(socket, source, target, job, speed, nullNodes);
    }

    /** {@code 123}, {@code 64K}, {@code 100M}, {@code 2G} (binary units). */
    static long size(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        int shift = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        try {
            return Long.parseLong(shift == 0 ? t : t.substring(0, t.length() - 1)) << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: " + s);
        }
    }

    int run(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("qemu-client: " + e.getMessage());
            err.println("usage: qemu-client SOCKET [--source NODE] [--target NODE] [--job ID]"
                    + " [--speed BYTES_PER_S] [--null-nodes SIZE]");
            return USAGE;
        }
        QmpClient qmp;
        try {
            qmp = QmpClient.connect(UnixDomainSocketAddress.of(o.socket()),
                    QmpClient.Options.defaults().withTimeout(Duration.ofSeconds(30)));
        } catch (IOException | QmpConnectionException e) {
            err.println("qemu-client: cannot connect to QEMU at " + o.socket() + ": " + e.getMessage());
            return GONE;
        }
        try (qmp) {
            return backup(qmp, o);
        } catch (QmpError e) {
            err.println();
            err.println("qemu-client: QEMU refused the command: " + e.description() + " ("
                    + e.errorClass().wireName() + ")");
            return REFUSED;
        } catch (QmpConnectionException e) {
            err.println();
            err.println("qemu-client: lost the connection to QEMU: " + e.getMessage());
            return GONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GONE;
        }
    }

    private int backup(QmpClient qmp, Options o) throws InterruptedException {
        QapiSchemaCommands qemu = QapiSchemaCommands.client(qmp);
        VersionInfo v = qemu.queryVersion();
        out.printf("Connected to QEMU %d.%d.%d (%s)%n", v.qemu().major(), v.qemu().minor(), v.qemu().micro(),
                v.package_());
        if (o.nullNodes() >= 0) {
            for (String node : new String[] {o.source(), o.target()}) {
                qemu.blockdevAdd(BlockdevOptions.NullCo.builder().nodeName(node).size(o.nullNodes()).build());
            }
            out.printf("Added null-co nodes %s and %s (%s each)%n", o.source(), o.target(), human(o.nullNodes()));
        }
        // Typed events: status changes of our job, printed as they come (before the command's
        // reply too: QEMU sends created/running/paused/running before blockdev-backup returns).
        String id = o.jobId();
        Status status = new Status();
        try (QmpClient.Subscription s = qmp.onEvent(JobStatusChangeEvent.TYPE, e -> {
            if (e.id().equals(id)) {
                status.set(e.status());
            }
        })) {
            CompletableFuture<JobStatusChangeEvent> concluded =
                    qmp.nextEvent(JobStatusChangeEvent.TYPE, e -> e.id().equals(id) && e.status() == JobStatus.CONCLUDED);
            BlockdevBackup.Builder b = BlockdevBackup.builder().jobId(id).device(o.source()).target(o.target())
                    .sync(MirrorSyncMode.FULL).autoDismiss(false);
            if (o.speed() > 0) {
                b.speed(o.speed());
            }
            qemu.blockdevBackup(b.build());
            out.printf("Started backup job %s: %s -> %s%s%n", id, o.source(), o.target(),
                    o.speed() > 0 ? " at " + human(o.speed()) + "/s" : "");
            JobInfo last = null;
            while (!concluded.isDone()) {
                Optional<JobInfo> info = qemu.queryJobs().stream().filter(j -> j.id().equals(id)).findFirst();
                if (info.isEmpty()) {
                    break;
                }
                last = info.get();
                bar(last, status.get());
                try {
                    concluded.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // next refresh
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof QmpConnectionException q ? q
                            : new QmpConnectionException(e.getCause().toString(), e.getCause());
                }
            }
            Optional<JobInfo> fin = qemu.queryJobs().stream().filter(j -> j.id().equals(id)).findFirst();
            if (fin.isPresent()) {
                last = fin.get();
            }
            if (last != null) {
                bar(last, JobStatus.CONCLUDED);
            }
            out.println();
            CompletableFuture<JobStatusChangeEvent> gone =
                    qmp.nextEvent(JobStatusChangeEvent.TYPE, e -> e.id().equals(id) && e.status() == JobStatus.NULL);
            qemu.jobDismiss(id);
            try {
                gone.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // dismissed anyway: the command succeeded
            }
            out.printf("Job %s dismissed (statuses seen: %s)%n", id, status.history());
            if (last != null && last.error().isPresent()) {
                err.println("qemu-client: the backup failed: " + last.error().get());
                return JOB_FAILED;
            }
            out.println("Backup complete.");
            return OK;
        }
    }

    /** The job's latest status from events, and every status seen. */
    private static final class Status {
        private final StringBuilder history = new StringBuilder();
        private JobStatus current = JobStatus.UNDEFINED;

        synchronized void set(JobStatus s) {
            current = s;
            history.append(history.length() == 0 ? "" : " -> ").append(s.wireName());
        }

        synchronized JobStatus get() {
            return current;
        }

        synchronized String history() {
            return history.toString();
        }
    }

    private void bar(JobInfo j, JobStatus event) {
        long total = j.totalProgress();
        long cur = j.currentProgress();
        double f = total <= 0 ? 0 : Math.min(1.0, (double) cur / total);
        int width = 40;
        int full = (int) Math.round(f * width);
        String line = String.format(Locale.ROOT, "[%s%s] %5.1f%% %s / %s  %s", "#".repeat(full),
                ".".repeat(width - full), f * 100, human(cur), human(total), event.wireName());
        if (tty) {
            out.print("\r" + line + "\u001b[K");
            out.flush();
        } else {
            out.println(line);
        }
    }

    static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
