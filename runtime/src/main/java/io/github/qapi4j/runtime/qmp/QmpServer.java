/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import io.github.qapi4j.runtime.json.CompatPolicy;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A QMP server that behaves like QEMU's QMP monitor: greeting, capabilities negotiation, request
 * validation and error texts, in-band queueing (one request in flight without OOB, eight with
 * it), {@code exec-oob}, and events broadcast to every client in command mode.
 *
 * <pre>{@code
 * QmpRegistry registry = new QmpRegistry();
 * registry.register(QmpCommand.typed("query-status", Codecs.EMPTY_OBJECT, StatusInfoCodec.INSTANCE,
 *         a -> new StatusInfo(...)));
 * try (QmpServer server = QmpServer.builder(registry).version(10, 2, 0, "").build()) {
 *     server.listenUnix(Path.of("/run/my.qmp"));
 *     ...
 *     server.emitEvent(SomethingEvent.TYPE, data); // a generated event type (or: name, codec, data)
 * }
 * }</pre>
 *
 * <p>Threads: one acceptor per listener, a reader and a writer per connection, and one
 * dispatcher shared by all connections that runs in-band commands one at a time, round-robin
 * across connections (QEMU runs them in its main loop the same way, so handlers need not be
 * thread-safe against each other). OOB commands run on the connection's reader thread.
 */
public final class QmpServer implements AutoCloseable {
    private static final Set<PosixFilePermission> MODE_0600 = PosixFilePermissions.fromString("rw-------");

    final QmpRegistry registry;
    final Executor dispatcher;
    final long maxOutputBytes;
    final byte[] greeting;
    final boolean offerOob;
    /** Speaks QEMU's guest agent protocol (see {@link Builder#guestAgent}). */
    final boolean guestAgent;
    /** Messages as QEMU's {@code pretty=on} monitor prints them (see {@link Builder#pretty}). */
    final boolean pretty;
    /** QEMU's {@code -compat} policy (see {@link Builder#compatPolicy}). */
    final CompatPolicy compatPolicy;
    /** In QEMU's preconfig phase (see {@link Builder#preconfig}). */
    volatile boolean preconfig;
    /** QEMU's rate limit for guest-triggered events; null when no event kind is limited. */
    private final EventThrottle throttle;
    private final ExecutorService ownDispatcher;
    private final Set<PosixFilePermission> socketMode;
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final List<ServerSocketChannel> listeners = new CopyOnWriteArrayList<>();
    private final List<Path> socketFiles = new CopyOnWriteArrayList<>();
    private final AtomicLong sessionIds = new AtomicLong();
    private final Object eventLock = new Object();
    private volatile boolean closed;

    private QmpServer(Builder b) {
        this.registry = b.registry;
        this.offerOob = b.offerOob;
        this.guestAgent = b.guestAgent;
        this.pretty = b.pretty;
        this.compatPolicy = b.compatPolicy;
        this.preconfig = b.preconfig;
        this.throttle = b.eventRates.values().stream().anyMatch(r -> !r.isZero())
                ? new EventThrottle(b.eventRates, this::broadcast, eventLock) : null;
        this.maxOutputBytes = b.maxOutputBytes;
        this.socketMode = b.socketMode;
        if (b.dispatcher != null) {
            this.dispatcher = b.dispatcher;
            this.ownDispatcher = null;
        } else {
            this.ownDispatcher = Executors.newSingleThreadExecutor(r -> daemon(r, "qmp-dispatcher"));
            this.dispatcher = ownDispatcher;
        }
        try {
            this.greeting = Wire.greeting(b.major, b.minor, b.micro, b.pkg, b.offerOob);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Builder builder(QmpRegistry registry) {
        return new Builder(registry);
    }

    /**
     * Listens on a unix domain socket; the socket file gets mode 0600 (see
     * {@link Builder#socketMode}). A stale socket file at {@code path} is replaced.
     *
     * <p>The socket is bound inside a fresh private (0700) directory next to {@code path}, given
     * its mode there, then renamed into place, so it is never reachable with looser permissions.
     * (When that directory's path would be too long for a socket address, it is bound in place
     * and its mode set right after.)
     */
    public UnixDomainSocketAddress listenUnix(Path path) throws IOException {
        Path target = path.toAbsolutePath();
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            Files.delete(target);
        }
        ServerSocketChannel ssc = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Path privateDir = Files.createTempDirectory(target.getParent(), ".qmp-");
        Path staged = privateDir.resolve("s");
        try {
            if (staged.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 100) {
                ssc.bind(UnixDomainSocketAddress.of(staged));
                Files.setPosixFilePermissions(staged, socketMode);
                Files.move(staged, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                ssc.bind(UnixDomainSocketAddress.of(target));
                Files.setPosixFilePermissions(target, socketMode);
            }
        } catch (IOException | RuntimeException e) {
            ssc.close();
            throw e;
        } finally {
            Files.deleteIfExists(staged);
            Files.deleteIfExists(privateDir);
        }
        socketFiles.add(target);
        startAcceptor(ssc, "unix:" + path);
        return UnixDomainSocketAddress.of(path);
    }

    /** Listens on TCP on the loopback interface; port 0 picks a free port. */
    public InetSocketAddress listenTcp(int port) throws IOException {
        return listenTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Listens on TCP at an explicit address (think twice before leaving loopback). */
    public InetSocketAddress listenTcp(InetSocketAddress address) throws IOException {
        ServerSocketChannel ssc = ServerSocketChannel.open();
        ssc.bind(address);
        InetSocketAddress bound = (InetSocketAddress) ssc.getLocalAddress();
        startAcceptor(ssc, "tcp:" + bound);
        return bound;
    }

    private void startAcceptor(ServerSocketChannel ssc, String label) {
        listeners.add(ssc);
        daemon(() -> {
            while (!closed) {
                SocketChannel ch;
                try {
                    ch = ssc.accept();
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    if (!ssc.isOpen()) {
                        return;
                    }
                    continue;
                }
                accept(ch);
            }
        }, "qmp-accept-" + label).start();
    }

    private void accept(SocketChannel ch) {
        try {
            if (ch.getRemoteAddress() instanceof InetSocketAddress) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
        } catch (IOException e) {
            // not fatal
        }
        ServerConnection c = new ServerConnection(this, ch, sessionIds.incrementAndGet());
        connections.add(c);
        if (closed) {
            c.close();
            return;
        }
        c.start();
    }

    void removed(ServerConnection c) {
        connections.remove(c);
    }

    /**
     * Broadcasts an event whose data a codec writes. Events a guest can trigger at will
     * ({@code RTC_CHANGE}, {@code VSERPORT_CHANGE}, ...) are rate-limited as QEMU limits them,
     * unless configured otherwise ({@link Builder#eventRate}).
     */
    public <T> void emitEvent(String name, JsonCodec<T> codec, T data) {
        Objects.requireNonNull(codec, "codec");
        emit(name, data == null ? null : g -> codec.write(g, data), () -> data == null ? null
                : (JsonObject) QemuJson.parse(new String(QemuJson.encode(codec, data), StandardCharsets.UTF_8)));
    }

    /**
     * Broadcasts a typed event (generated {@code XxxEvent.TYPE}); {@code data} may be null for an
     * event without data. An event with the special feature {@code deprecated} or {@code unstable}
     * is not sent where the compatibility policy hides that output, as QEMU's generated
     * {@code qapi_event_send_*} does not.
     */
    public <T> void emitEvent(QmpEventType<T> type, T data) {
        if (compatPolicy.hides(type.specialFeatures())) {
            return;
        }
        emitEvent(type.name(), type.codec(), data);
    }

    /** Broadcasts an event with untyped data ({@code null}: no {@code data} member). */
    public void emitEvent(String name, JsonObject data) {
        emit(name, data == null ? null : data::write, () -> data);
    }

    /** Broadcasts an event without data. */
    public void emitEvent(String name) {
        emit(name, null, () -> null);
    }

    private void emit(String name, Wire.Body data, Supplier<JsonObject> tree) {
        synchronized (eventLock) {
            // Encoded once for all clients, stamped now even if held back; the lock keeps every
            // client's event order the same.
            byte[] msg;
            try {
                msg = Wire.event(name, Instant.now(), data, compatPolicy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (throttle != null && throttle.limits(name)) {
                throttle.submit(name, tree, msg);
            } else {
                broadcast(msg);
            }
        }
    }

    /** Sends an encoded event to every client in command mode; called with the event lock held. */
    private void broadcast(byte[] msg) {
        for (ServerConnection c : connections) {
            if (c.inCommandMode()) {
                c.send(msg);
            }
        }
    }

    /**
     * Ends the preconfig phase, as QEMU's {@code x-exit-preconfig} does: call it from that
     * command's implementation.
     *
     * @throws QmpError {@code The command is permitted only before machine initialization} when the
     *     server is not (or no longer) in the preconfig phase, QEMU's answer to a second
     *     {@code x-exit-preconfig}
     */
    public synchronized void exitPreconfig() {
        if (!preconfig) {
            throw QmpError.generic("The command is permitted only before machine initialization");
        }
        preconfig = false;
    }

    /** Whether the server is in the preconfig phase. */
    public boolean inPreconfig() {
        return preconfig;
    }

    /** Clients currently connected. */
    public int sessionCount() {
        return connections.size();
    }

    /**
     * Stops listening, removes socket files, and closes every connection after writing what was
     * already queued for it (waiting at most a second per connection).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServerSocketChannel ssc : listeners) {
            try {
                ssc.close();
            } catch (IOException e) {
                // ignore
            }
        }
        for (Path p : socketFiles) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // ignore
            }
        }
        if (throttle != null) {
            throttle.close(); // held-back events are dropped with their clients
        }
        List<ServerConnection> all = new ArrayList<>(connections);
        for (ServerConnection c : all) {
            c.close();
        }
        for (ServerConnection c : all) {
            c.awaitClosed(1000);
        }
        if (ownDispatcher != null) {
            ownDispatcher.shutdown();
            try {
                ownDispatcher.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(null, r, name, 4 << 20);
        t.setDaemon(true);
        return t;
    }

    /** Server settings. */
    public static final class Builder {
        private final QmpRegistry registry;
        private int major;
        private int minor = 1;
        private int micro;
        private String pkg = "qapi4j";
        private boolean offerOob = true;
        private boolean guestAgent;
        private boolean pretty;
        private CompatPolicy compatPolicy = CompatPolicy.ACCEPT_ALL;
        private boolean preconfig;
        private Map<String, Duration> eventRates = EventThrottle.QEMU_RATES;
        private Executor dispatcher;
        private long maxOutputBytes = 64L << 20;
        private Set<PosixFilePermission> socketMode = MODE_0600;

        private Builder(QmpRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The version in the greeting ({@code VersionInfo}). Default 0.1.0, package "qapi4j". */
        public Builder version(int major, int minor, int micro, String pkg) {
            this.major = major;
            this.minor = minor;
            this.micro = micro;
            this.pkg = Objects.requireNonNull(pkg, "pkg");
            return this;
        }

        /** Whether to offer the {@code oob} capability (default yes, as QEMU on a socket). */
        public Builder offerOob(boolean offerOob) {
            this.offerOob = offerOob;
            return this;
        }

        /**
         * Serve QEMU's guest agent protocol, as {@code qemu-ga} does, instead of a QMP monitor's:
         * no greeting and no capabilities negotiation (commands are available at once, and
         * {@code qmp_capabilities} is an unknown command unless registered), no out-of-band
         * execution, lines ending in {@code \n} alone, and a {@code 0xFF} byte before a successful
         * reply to {@code guest-sync-delimited}. A {@code 0xFF} in the input makes the request
         * being read a parse error, as it does for the agent. {@link StandardCommands#registerGuestAgent}
         * provides the agent's protocol commands. Default: off.
         */
        public Builder guestAgent(boolean guestAgent) {
            this.guestAgent = guestAgent;
            return this;
        }

        /**
         * The rate limit of an event kind: at most one such event per {@code rate}, the last one
         * held back sent when it has passed (QEMU's event throttling). By default the kinds QEMU
         * limits, one a second each: RTC_CHANGE, BLOCK_IO_ERROR (not with action stop),
         * WATCHDOG, BALLOON_CHANGE, QUORUM_REPORT_BAD (per node-name), QUORUM_FAILURE,
         * VSERPORT_CHANGE (per id), MEMORY_DEVICE_SIZE_CHANGE (per qom-path) and
         * HV_BALLOON_STATUS_REPORT. {@link Duration#ZERO} lifts the limit.
         */
        public Builder eventRate(String event, Duration rate) {
            Map<String, Duration> m = new HashMap<>(eventRates);
            m.put(Objects.requireNonNull(event, "event"), Objects.requireNonNull(rate, "rate"));
            this.eventRates = Map.copyOf(m);
            return this;
        }

        /** No event is rate-limited (see {@link #eventRate}). */
        public Builder noEventThrottling() {
            this.eventRates = Map.of();
            return this;
        }

        /**
         * Starts in QEMU's preconfig phase ({@code --preconfig}): until {@link QmpServer#exitPreconfig()},
         * only commands registered with {@link QmpCommand.Flag#ALLOW_PRECONFIG} run (generated
         * bindings carry the schema's {@code 'allow-preconfig'}); others are answered
         * {@code The command 'x' is permitted only after machine initialization has completed}.
         */
        public Builder preconfig(boolean preconfig) {
            this.preconfig = preconfig;
            return this;
        }

        /**
         * QEMU's {@code -compat} policy for deprecated and unstable commands, members, enum values and
         * events (default: accept everything). Input {@code reject}: {@code Deprecated command
         * drive-backup disabled by policy} (class {@code CommandNotFound}), {@code Deprecated
         * parameter device disabled by policy}, {@code Deprecated value drive-backup disabled by
         * policy}; output {@code hide}: such members are left out of replies and events, such
         * events ({@link #emitEvent(QmpEventType, Object)}) are not sent, and
         * {@link StandardCommands}' {@code query-qmp-schema} leaves out what is deprecated. Input
         * {@code crash}: the client's connection is closed without a reply (QEMU aborts).
         * Generated bindings carry the special features this needs.
         */
        public Builder compatPolicy(CompatPolicy policy) {
            this.compatPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Print messages as a QEMU monitor with {@code pretty=on} does ({@code -mon
         * chardev=...,mode=control,pretty=on}): each member and element on its own line, four
         * spaces per level, CR LF line ends. Default: off, one message per line.
         */
        public Builder pretty(boolean pretty) {
            this.pretty = pretty;
            return this;
        }

        /**
         * Where in-band commands run. Default: one thread owned by the server. Each connection
         * still runs its own commands one at a time and in order.
         */
        public Builder dispatcher(Executor dispatcher) {
            this.dispatcher = dispatcher;
            return this;
        }

        /** A client whose unsent output exceeds this is disconnected (default 64 MiB). */
        public Builder maxOutputBytes(long maxOutputBytes) {
            this.maxOutputBytes = maxOutputBytes;
            return this;
        }

        /** Permissions of unix socket files (default {@code rw-------}). */
        public Builder socketMode(Set<PosixFilePermission> mode) {
            this.socketMode = Set.copyOf(mode);
            return this;
        }

        public QmpServer build() {
            return new QmpServer(this);
        }
    }
}
