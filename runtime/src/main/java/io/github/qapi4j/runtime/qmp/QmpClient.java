/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.github.qapi4j.runtime.json.Codecs;
import io.github.qapi4j.runtime.json.JsonArray;
import io.github.qapi4j.runtime.json.JsonCodec;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.QemuJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A QMP client for a unix socket or TCP: reads the greeting, negotiates, executes commands
 * synchronously or as futures (numbered ids, any number in flight), and delivers events.
 *
 * <p>With {@link Options#forGuestAgent()} it speaks to QEMU's guest agent ({@code qemu-ga}, through
 * the socket of QEMU's {@code virtserialport} chardev or the agent's own {@code unix-listen}
 * socket) instead: no greeting and no negotiation; on connecting, and on {@link #sync()}, the
 * client sends a {@code 0xFF} byte (the agent drops any partial request it holds) and
 * {@code guest-sync-delimited}, and ignores everything the agent sends before the {@code 0xFF}
 * that precedes that command's reply (replies meant for an earlier client, the agent's complaint
 * about the {@code 0xFF}).
 *
 * <p>Ordering: events and replies are handed over on one delivery thread in the order they
 * arrived, so a listener has seen every event that preceded a reply by the time that reply's
 * future completes. Listeners and future callbacks therefore must not block on this client;
 * a synchronous call from the delivery thread is refused with {@link IllegalStateException}.
 *
 * <p>Generated typed clients wrap {@link #execute(String, JsonCodec, Object, JsonCodec)}:
 * <pre>{@code
 * public List<JobInfo> queryJobs() {
 *     return qmp.execute("query-jobs", Codecs.EMPTY_OBJECT, null, Codecs.list(JobInfoCodec.INSTANCE));
 * }
 * }</pre>
 */
public final class QmpClient implements AutoCloseable {

    /**
     * Connection settings.
     *
     * @param negotiate send {@code qmp_capabilities} during {@link #connect}
     * @param enableOob ask for {@code oob} when the server offers it
     * @param timeout how long synchronous calls and the greeting wait
     * @param listeners event listeners registered before the greeting is read
     * @param guestAgent the peer is QEMU's guest agent: no greeting, no negotiation, a
     *     {@code guest-sync-delimited} handshake instead (see the class comment)
     */
    public record Options(boolean negotiate, boolean enableOob, Duration timeout,
            List<Consumer<QmpEvent>> listeners, boolean guestAgent) {
        public Options {
            Objects.requireNonNull(timeout, "timeout");
            listeners = List.copyOf(listeners);
        }

        /** Options for a QMP peer (a QEMU monitor, a qapi4j server). */
        public Options(boolean negotiate, boolean enableOob, Duration timeout, List<Consumer<QmpEvent>> listeners) {
            this(negotiate, enableOob, timeout, listeners, false);
        }

        public static Options defaults() {
            return new Options(true, true, Duration.ofSeconds(60), List.of(), false);
        }

        /** For QEMU's guest agent: no greeting, no negotiation, a sync handshake on connecting. */
        public static Options forGuestAgent() {
            return new Options(false, false, Duration.ofSeconds(60), List.of(), true);
        }

        public Options withNegotiate(boolean negotiate) {
            return new Options(negotiate, enableOob, timeout, listeners, guestAgent);
        }

        public Options withOob(boolean enableOob) {
            return new Options(negotiate, enableOob, timeout, listeners, guestAgent);
        }

        public Options withTimeout(Duration timeout) {
            return new Options(negotiate, enableOob, timeout, listeners, guestAgent);
        }

        public Options withListener(Consumer<QmpEvent> listener) {
            List<Consumer<QmpEvent>> l = new ArrayList<>(listeners);
            l.add(listener);
            return new Options(negotiate, enableOob, timeout, l, guestAgent);
        }
    }

    private record Pending(String command, JsonCodec<?> codec, CompletableFuture<Object> future) {
    }

    private record Waiter(Predicate<QmpEvent> predicate, CompletableFuture<QmpEvent> future) {
    }

    private final SocketChannel channel;
    private final Options options;
    private final Object writeLock = new Object();
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentSkipListMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
    private final List<Consumer<QmpEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JsonObject> greeting = new CompletableFuture<>();
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private final ExecutorService delivery;
    private volatile Thread deliveryThread;
    private volatile boolean closed;
    private volatile boolean oobEnabled;
    /** Input up to the next {@code 0xFF} byte is dropped (guest agent sync in progress). */
    private volatile boolean awaitingSentinel;

    private QmpClient(SocketChannel channel, Options options) {
        this.channel = channel;
        this.options = options;
        this.listeners.addAll(options.listeners());
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = QmpServer.daemon(r, "qmp-client-delivery");
            deliveryThread = t;
            return t;
        });
    }

    /** Connects with {@link Options#defaults()}. */
    public static QmpClient connect(SocketAddress address) throws IOException {
        return connect(address, Options.defaults());
    }

    /**
     * Connects to a {@link UnixDomainSocketAddress} or {@link InetSocketAddress}, waits for the
     * greeting and, unless disabled, negotiates capabilities.
     */
    public static QmpClient connect(SocketAddress address, Options options) throws IOException {
        SocketChannel ch = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        try {
            ch.connect(address);
            if (address instanceof InetSocketAddress) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        QmpClient c = new QmpClient(ch, options);
        if (options.guestAgent()) {
            c.greeting.complete(JsonObject.empty()); // the agent sends none
            c.awaitingSentinel = true; // before the reader sees anything
        }
        QmpServer.daemon(c::readLoop, "qmp-client-reader").start();
        try {
            if (options.guestAgent()) {
                c.sync();
            } else {
                c.awaitSync(c.greeting, "greeting");
            }
            if (options.negotiate()) {
                c.negotiate(options.enableOob() && c.capabilities().contains("oob"));
            }
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The greeting's inner object: {@code {"version": ..., "capabilities": [...]}}. */
    public JsonObject greeting() {
        JsonValue qmp = greeting.join().get("QMP");
        return qmp instanceof JsonObject o ? o : JsonObject.empty();
    }

    /** Capabilities the server offered. */
    public List<String> capabilities() {
        List<String> caps = new ArrayList<>();
        if (greeting().get("capabilities") instanceof JsonArray a) {
            for (JsonValue v : a.items()) {
                if (v instanceof JsonValue.Str s) {
                    caps.add(s.value());
                }
            }
        }
        return caps;
    }

    public boolean oobEnabled() {
        return oobEnabled;
    }

    /**
     * Resynchronizes with a guest agent: sends a {@code 0xFF} byte, which makes the agent drop any
     * partial request, then {@code guest-sync-delimited} with a random id, and drops all input up
     * to the {@code 0xFF} the agent sends before that reply. {@link #connect} does this already;
     * call it again after a timeout, with no other call in flight (their replies may be dropped).
     *
     * @throws QmpConnectionException if the agent does not answer with the same id in time
     * @throws IllegalStateException on a connection not made with {@link Options#forGuestAgent()}
     *     (a QMP monitor never sends the sentinel, so every reply would be dropped)
     */
    public void sync() {
        if (!options.guestAgent()) {
            throw new IllegalStateException("sync() is for guest agent connections (Options.forGuestAgent())");
        }
        long token = ThreadLocalRandom.current().nextLong(1, 1L << 53);
        awaitingSentinel = true;
        try {
            synchronized (writeLock) {
                ByteBuffer ff = ByteBuffer.wrap(new byte[] {(byte) 0xFF});
                while (ff.hasRemaining()) {
                    channel.write(ff);
                }
            }
        } catch (IOException e) {
            throw new QmpConnectionException("guest agent sync: " + e.getMessage(), e);
        }
        long back;
        try {
            back = execute("guest-sync-delimited", Codecs.ANY, JsonObject.of("id", new JsonValue.Int(token)),
                    Codecs.INT64);
        } catch (QmpError e) {
            throw new QmpConnectionException("guest agent sync failed: " + e.getMessage(), e);
        }
        if (back != token) {
            throw new QmpConnectionException("guest agent sync: sent id " + token + ", got " + back);
        }
    }

    /** Sends {@code qmp_capabilities}, with {@code enable: ["oob"]} if {@code oob}. */
    public void negotiate(boolean oob) {
        JsonObject args = oob ? JsonObject.of("enable", JsonArray.of(JsonValue.of("oob"))) : null;
        execute("qmp_capabilities", Codecs.ANY, args, Codecs.EMPTY_OBJECT);
        oobEnabled = oob;
    }

    // ------------------------------------------------------------------ commands

    /** Executes a command without arguments; returns the raw {@code return} value. */
    public JsonValue execute(String command) {
        return execute(command, Codecs.ANY, null, Codecs.ANY);
    }

    /** Executes a command with untyped arguments; returns the raw {@code return} value. */
    public JsonValue execute(String command, JsonObject arguments) {
        return execute(command, Codecs.ANY, arguments, Codecs.ANY);
    }

    /**
     * Executes a command and waits for its reply.
     *
     * @param args {@code null} to send no {@code arguments} member
     * @throws QmpError the server's error reply
     * @throws QmpConnectionException the connection ended or the timeout passed
     */
    public <A, R> R execute(String command, JsonCodec<A> argsCodec, A args, JsonCodec<R> returnCodec) {
        return awaitSync(executeAsync(command, argsCodec, args, returnCodec), command);
    }

    /** Sends a command; the future completes with the decoded return or a {@link QmpError}. */
    public <A, R> CompletableFuture<R> executeAsync(String command, JsonCodec<A> argsCodec, A args,
            JsonCodec<R> returnCodec) {
        return send("execute", command, argsCodec, args, returnCodec);
    }

    /** Sends a command with {@code exec-oob} (the command must allow OOB, and OOB be enabled). */
    public <A, R> CompletableFuture<R> executeOob(String command, JsonCodec<A> argsCodec, A args,
            JsonCodec<R> returnCodec) {
        return send("exec-oob", command, argsCodec, args, returnCodec);
    }

    /**
     * What generated typed clients call. Sends {@code exec-oob} when the command allows it
     * ({@link QmpCommand.Flag#ALLOW_OOB}) and OOB was negotiated, {@code execute} otherwise. For a
     * command without a success response ({@link QmpCommand.Flag#NO_SUCCESS_RESPONSE}) the future
     * completes with {@code null} once the request is sent, since a successful call has no reply
     * (an error reply is then dropped).
     */
    public <A, R> CompletableFuture<R> call(String command, JsonCodec<A> argsCodec, A args,
            JsonCodec<R> returnCodec, QmpCommand.Flag... flags) {
        boolean oob = false;
        boolean noReply = false;
        for (QmpCommand.Flag f : flags) {
            oob |= f == QmpCommand.Flag.ALLOW_OOB && oobEnabled;
            noReply |= f == QmpCommand.Flag.NO_SUCCESS_RESPONSE;
        }
        return send(oob ? "exec-oob" : "execute", command, argsCodec, args, returnCodec, noReply);
    }

    /**
     * {@link #call} and wait for the reply (the synchronous form generated clients use).
     *
     * @throws QmpError the server's error reply
     * @throws QmpConnectionException the connection ended or the timeout passed
     */
    public <A, R> R callSync(String command, JsonCodec<A> argsCodec, A args, JsonCodec<R> returnCodec,
            QmpCommand.Flag... flags) {
        return awaitSync(call(command, argsCodec, args, returnCodec, flags), command);
    }

    private <A, R> CompletableFuture<R> send(String verb, String command, JsonCodec<A> argsCodec,
            A args, JsonCodec<R> returnCodec) {
        return send(verb, command, argsCodec, args, returnCodec, false);
    }

    @SuppressWarnings("unchecked")
    private <A, R> CompletableFuture<R> send(String verb, String command, JsonCodec<A> argsCodec,
            A args, JsonCodec<R> returnCodec, boolean noReply) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new QmpConnectionException("QMP connection is closed"));
            return (CompletableFuture<R>) (CompletableFuture<?>) f;
        }
        long id = ids.incrementAndGet();
        byte[] bytes;
        try {
            ByteArrayBuilder out = new ByteArrayBuilder(128);
            try (JsonGenerator g = QemuJson.generator(out)) {
                g.writeStartObject();
                g.writeStringField(verb, command);
                if (args != null) {
                    g.writeFieldName("arguments");
                    argsCodec.write(g, args);
                }
                g.writeNumberField("id", id);
                g.writeEndObject();
                g.writeRaw('\n');
            }
            bytes = out.toByteArray();
        } catch (IOException | RuntimeException e) {
            f.completeExceptionally(e);
            return (CompletableFuture<R>) (CompletableFuture<?>) f;
        }
        pending.put(id, new Pending(command, returnCodec, f));
        if (closed && pending.remove(id) != null) {
            // Lost the race with shutdown(), which has already failed every pending call.
            f.completeExceptionally(new QmpConnectionException("QMP connection is closed"));
            return (CompletableFuture<R>) (CompletableFuture<?>) f;
        }
        try {
            synchronized (writeLock) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        } catch (IOException e) {
            pending.remove(id);
            f.completeExceptionally(new QmpConnectionException("QMP connection lost: " + e.getMessage(), e));
            close();
            return (CompletableFuture<R>) (CompletableFuture<?>) f;
        }
        if (noReply && pending.remove(id) != null) {
            f.complete(null);
        }
        return (CompletableFuture<R>) (CompletableFuture<?>) f;
    }

    private <T> T awaitSync(CompletableFuture<T> f, String what) {
        if (Thread.currentThread() == deliveryThread) {
            throw new IllegalStateException(
                    "synchronous QMP call from an event listener or callback would deadlock; use executeAsync");
        }
        try {
            return f.get(options.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof QmpError q) {
                // Rethrown as a new instance so the caller's stack is the useful one.
                throw new QmpError(q.errorClass(), q.description());
            }
            if (c instanceof QmpConnectionException q) {
                throw new QmpConnectionException(q.getMessage(), q);
            }
            throw new QmpConnectionException(what + " failed: " + c, c);
        } catch (TimeoutException e) {
            throw new QmpConnectionException(what + ": no reply within " + options.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpConnectionException(what + ": interrupted");
        } catch (CancellationException e) {
            throw new QmpConnectionException(what + ": cancelled");
        }
    }

    // ------------------------------------------------------------------ events

    public void addEventListener(Consumer<QmpEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeEventListener(Consumer<QmpEvent> listener) {
        listeners.remove(listener);
    }

    /** A registered listener; {@link #close()} removes it. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Adds an untyped listener; closing the result removes it. */
    public Subscription subscribe(Consumer<QmpEvent> listener) {
        addEventListener(listener);
        return () -> removeEventListener(listener);
    }

    /**
     * Adds a typed listener: {@code listener} gets the decoded data of every event of
     * {@code type} (on the delivery thread; it must not block on this client). An event whose
     * data cannot be decoded is skipped.
     */
    public <T> Subscription onEvent(QmpEventType<T> type, Consumer<? super T> listener) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(listener, "listener");
        return subscribe(e -> {
            if (type.matches(e)) {
                listener.accept(type.decode(e));
            }
        });
    }

    /**
     * The next event of {@code type} whose data matches {@code predicate}, from now on. Register
     * it <em>before</em> sending the command that causes the event; cancelling the future
     * unregisters it.
     */
    public <T> CompletableFuture<T> nextEvent(QmpEventType<T> type, Predicate<? super T> predicate) {
        CompletableFuture<QmpEvent> raw = nextEvent(e -> type.matches(e) && predicate.test(type.decode(e)));
        CompletableFuture<T> typed = raw.thenApply(type::decode);
        typed.whenComplete((v, t) -> raw.cancel(false));
        return typed;
    }

    /**
     * Waits for the next event of {@code type} whose data matches {@code predicate}, e.g.
     * {@code awaitEvent(JobStatusChangeEvent.TYPE, e -> e.status() == JobStatus.CONCLUDED, d)}.
     * Only events arriving after the call count; use {@link #nextEvent(QmpEventType, Predicate)}
     * before the command that causes the event.
     *
     * @throws TimeoutException nothing matched within {@code timeout}
     * @throws QmpConnectionException the connection ended first
     */
    public <T> T awaitEvent(QmpEventType<T> type, Predicate<? super T> predicate, Duration timeout)
            throws TimeoutException {
        CompletableFuture<QmpEvent> f = nextEvent(e -> type.matches(e) && predicate.test(type.decode(e)));
        try {
            return type.decode(awaitFor(f, timeout));
        } finally {
            f.cancel(false);
        }
    }

    /**
     * The next event matching {@code predicate}, from now on. Register it <em>before</em> sending
     * the command that causes the event.
     */
    public CompletableFuture<QmpEvent> nextEvent(Predicate<QmpEvent> predicate) {
        CompletableFuture<QmpEvent> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new QmpConnectionException("QMP connection is closed"));
            return f;
        }
        Waiter w = new Waiter(predicate, f);
        waiters.add(w);
        f.whenComplete((e, t) -> waiters.remove(w));
        return f;
    }

    /** Waits for the next event matching {@code predicate}. */
    public QmpEvent awaitEvent(Predicate<QmpEvent> predicate, Duration timeout) throws TimeoutException {
        CompletableFuture<QmpEvent> f = nextEvent(predicate);
        try {
            return awaitFor(f, timeout);
        } finally {
            f.cancel(false);
        }
    }

    private QmpEvent awaitFor(CompletableFuture<QmpEvent> f, Duration timeout) throws TimeoutException {
        if (Thread.currentThread() == deliveryThread) {
            throw new IllegalStateException("awaiting an event on the delivery thread would deadlock");
        }
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new QmpConnectionException("waiting for an event: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpConnectionException("interrupted while waiting for an event");
        }
    }

    // ------------------------------------------------------------------ input

    private void readLoop() {
        byte[] buf = new byte[64 * 1024];
        int len = 0;
        // Messages are framed by their brackets, not by lines, so that QEMU's pretty=on output
        // (one message over many lines) reads like the compact one. State across reads:
        int depth = 0; // bracket depth of the message being read; 0 between messages
        int msgStart = -1; // where it starts in buf, or -1 between messages
        JsonStrings strings = new JsonStrings(); // (between messages: a stray string, skipped whole)
        String reason = "QMP connection closed by peer";
        try {
            while (true) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = channel.read(ByteBuffer.wrap(buf, len, buf.length - len));
                if (n < 0) {
                    break;
                }
                int scanFrom = len;
                len += n;
                for (int i = scanFrom; i < len; i++) {
                    int c = buf[i] & 0xFF;
                    if (c == 0xFF) {
                        // A guest agent's sync sentinel (never part of QMP's ASCII output): what
                        // came before it is stale, a partial message included.
                        awaitingSentinel = false;
                        depth = 0;
                        msgStart = -1;
                        strings.reset();
                    } else if (strings.step(c)) {
                        continue;
                    } else if (c == '{' || c == '[') {
                        if (depth++ == 0) {
                            msgStart = i;
                        }
                    } else if ((c == '}' || c == ']') && depth > 0 && --depth == 0) {
                        if (!awaitingSentinel) {
                            handle(Arrays.copyOfRange(buf, msgStart, i + 1));
                        }
                        msgStart = -1;
                    }
                    // anything else between messages (line ends, stray text) is skipped
                }
                int keep = msgStart >= 0 ? msgStart : len;
                if (keep > 0) {
                    System.arraycopy(buf, keep, buf, 0, len - keep);
                    len -= keep;
                    if (msgStart >= 0) {
                        msgStart = 0;
                    }
                }
            }
        } catch (IOException e) {
            reason = closed ? "QMP connection closed" : "QMP connection lost: " + e.getMessage();
        } catch (RuntimeException e) {
            reason = "QMP client failed: " + e;
        } finally {
            shutdown(closed ? "QMP connection closed" : reason);
        }
    }

    /** Routes one message. */
    private void handle(byte[] msg) throws IOException {
        String event = null;
        JsonValue id = null;
        JsonValue error = null;
        JsonObject qmp = null;
        JsonValue timestamp = null;
        boolean hasReturn = false;
        int dataAt = -1;
        try (JsonParser p = QemuJson.parser(msg, 0, msg.length)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return; // blank line
            }
            if (t != JsonToken.START_OBJECT) {
                return; // not a QMP message; nothing to route it to
            }
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                t = p.nextToken();
                switch (name) {
                    case "return" -> {
                        hasReturn = true;
                        p.skipChildren();
                    }
                    case "data" -> {
                        dataAt = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                    }
                    case "id" -> id = JsonValue.read(p);
                    case "error" -> error = JsonValue.read(p);
                    case "event" -> event = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "timestamp" -> timestamp = JsonValue.read(p);
                    case "QMP" -> qmp = JsonValue.read(p) instanceof JsonObject o ? o : JsonObject.empty();
                    default -> p.skipChildren();
                }
            }
        }
        if (qmp != null) {
            greeting.complete(JsonObject.of("QMP", qmp));
        } else if (event != null) {
            long[] ts = timestamp(timestamp);
            QmpEvent e = new QmpEvent(event, ts[0], ts[1], msg, dataAt, msg.length);
            delivery.execute(() -> deliver(e));
        } else if (error != null || hasReturn) {
            reply(id, error, msg);
        }
    }

    private static long[] timestamp(JsonValue ts) {
        long s = -1;
        long us = -1;
        if (ts instanceof JsonObject o) {
            if (o.get("seconds") instanceof JsonValue.Int i) {
                s = i.value();
            }
            if (o.get("microseconds") instanceof JsonValue.Int i) {
                us = i.value();
            }
        }
        return new long[] {s, us};
    }

    private void reply(JsonValue id, JsonValue error, byte[] msg) {
        Map.Entry<Long, Pending> entry = null;
        if (id instanceof JsonValue.Int n) {
            Pending p = pending.remove(n.value());
            entry = p == null ? null : Map.entry(n.value(), p);
        } else if (id == null) {
            // We always send an id; a reply without one is the server failing to parse what we
            // sent (QEMU answers those in order), so it belongs to the oldest call.
            entry = pending.pollFirstEntry();
        }
        if (entry == null) {
            return; // not ours (or already timed out and forgotten)
        }
        Pending p = entry.getValue();
        if (error != null) {
            QmpError e = toError(error);
            delivery.execute(() -> p.future().completeExceptionally(e));
            return;
        }
        Object value;
        // Parsed where it stands inside the reply: a scalar return value (qom-get of a number, the
        // guest agent's file handles) cut out on its own would be a root-level number that only
        // ends at the end of input, and jackson refuses the comma after it.
        try (JsonParser parser = QemuJson.parser(msg, 0, msg.length)) {
            parser.nextToken();
            String name = parser.nextFieldName();
            while (name != null && !name.equals("return")) {
                parser.nextToken();
                parser.skipChildren();
                name = parser.nextFieldName();
            }
            parser.nextToken();
            value = p.codec().read(parser);
        } catch (IOException | RuntimeException e) {
            QmpConnectionException x = new QmpConnectionException(
                    "cannot decode the reply to " + p.command() + ": " + e.getMessage(), e);
            delivery.execute(() -> p.future().completeExceptionally(x));
            return;
        }
        delivery.execute(() -> p.future().complete(value));
    }

    private static QmpError toError(JsonValue error) {
        String cls = "GenericError";
        String desc = "";
        if (error instanceof JsonObject o) {
            if (o.get("class") instanceof JsonValue.Str s) {
                cls = s.value();
            }
            if (o.get("desc") instanceof JsonValue.Str s) {
                desc = s.value();
            }
        }
        return new QmpError(QmpError.ErrorClass.fromWireName(cls), desc);
    }

    private void deliver(QmpEvent e) {
        for (Waiter w : waiters) {
            try {
                if (w.predicate().test(e) && w.future().complete(e)) {
                    waiters.remove(w);
                }
            } catch (RuntimeException x) {
                w.future().completeExceptionally(x);
            }
        }
        for (Consumer<QmpEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException x) {
                // a failing listener must not stop delivery to the others
            }
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Completes when the connection has ended (peer gone or {@link #close()}). */
    public CompletableFuture<Void> closed() {
        return closedFuture;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the connection; pending calls fail with {@link QmpConnectionException}. */
    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // ignore
        }
    }

    private void shutdown(String reason) {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // ignore
        }
        QmpConnectionException x = new QmpConnectionException(reason);
        greeting.completeExceptionally(x);
        try {
            delivery.execute(() -> {
                for (Map.Entry<Long, Pending> e = pending.pollFirstEntry(); e != null; e = pending.pollFirstEntry()) {
                    e.getValue().future().completeExceptionally(x);
                }
                for (Waiter w : waiters) {
                    w.future().completeExceptionally(x);
                }
                closedFuture.complete(null);
            });
        } finally {
            delivery.shutdown();
        }
    }
}
