/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import io.github.qapi4j.runtime.json.JsonArray;
import io.github.qapi4j.runtime.json.CompatPolicy;
import io.github.qapi4j.runtime.json.JsonInputException;
import io.github.qapi4j.runtime.json.JsonMessageStreamer;
import io.github.qapi4j.runtime.json.JsonObject;
import io.github.qapi4j.runtime.json.JsonValue;
import io.github.qapi4j.runtime.json.Path;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/** One client of a {@link QmpServer}: QEMU's MonitorQMP. */
final class ServerConnection implements QmpSession, JsonMessageStreamer.Listener {
    /** QEMU's QMP_REQ_QUEUE_LEN_MAX: in-band requests queued per client with OOB enabled. */
    static final int QUEUE_LEN_MAX = 8;
    private static final byte[] POISON = new byte[0];
    private static final String GUEST_SYNC_DELIMITED = "guest-sync-delimited";

    private final QmpServer server;
    private final SocketChannel channel;
    private final long id;
    private final JsonMessageStreamer streamer = new JsonMessageStreamer(this);

    private volatile boolean negotiating = true;
    private volatile boolean oobEnabled;
    private volatile boolean closed;

    // In-band requests (JsonValue or ParseError) waiting for the dispatcher.
    private final Object lock = new Object();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int pending; // queued + running
    private boolean scheduled;

    private final LinkedBlockingQueue<byte[]> out = new LinkedBlockingQueue<>();
    private final AtomicLong outBytes = new AtomicLong();
    private Thread reader;
    private Thread writer;

    private record ParseError(String description) {
    }

    ServerConnection(QmpServer server, SocketChannel channel, long id) {
        this.server = server;
        this.channel = channel;
        this.id = id;
        this.negotiating = !server.guestAgent; // the agent has no negotiation
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public boolean oobEnabled() {
        return oobEnabled;
    }

    @Override
    public CompatPolicy compatPolicy() {
        return server.compatPolicy;
    }

    boolean inCommandMode() {
        return !negotiating && !closed;
    }

    void start() {
        if (!server.guestAgent) {
            send(server.greeting);
        }
        writer = QmpServer.daemon(this::writeLoop, "qmp-" + id + "-writer");
        reader = QmpServer.daemon(this::readLoop, "qmp-" + id + "-reader");
        writer.start();
        reader.start();
    }

    // ------------------------------------------------------------------ input

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        byte[] arr = buf.array();
        try {
            while (!closed) {
                buf.clear();
                int n = channel.read(buf);
                if (n < 0) {
                    break;
                }
                streamer.feed(arr, 0, n);
            }
        } catch (IOException e) {
            // peer vanished or we closed the channel
        } catch (RuntimeException e) {
            // a bug must not take the server down; drop this client only
        } finally {
            close();
        }
    }

    @Override
    public void message(JsonValue message) {
        if (message instanceof JsonObject o && o.has("exec-oob") && !o.has("execute")) {
            // Out-of-band: run now, on this thread, bypassing the queue (QEMU's I/O thread).
            byte[] reply = dispatch(o);
            if (reply != null) {
                send(reply);
            }
            return;
        }
        enqueue(message);
    }

    @Override
    public void error(String description) {
        // Parse errors are queued too, so they are answered in order with the requests.
        enqueue(new ParseError(description));
    }

    private void enqueue(Object item) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            queue.add(item);
            pending++;
            schedule();
            // Suspend reading like QEMU: one request in flight without OOB, eight with it.
            while (!closed && pending >= (oobEnabled ? QUEUE_LEN_MAX : 1)) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Called with {@link #lock} held. */
    private void schedule() {
        if (!scheduled && !queue.isEmpty()) {
            scheduled = true;
            try {
                server.dispatcher.execute(this::dispatchOne);
            } catch (RejectedExecutionException e) {
                scheduled = false;
            }
        }
    }

    /** Runs one queued request, then yields the dispatcher to other connections. */
    private void dispatchOne() {
        Object item;
        synchronized (lock) {
            item = queue.poll();
            if (item == null) {
                scheduled = false;
                return;
            }
        }
        try {
            byte[] reply = item instanceof ParseError pe
                    ? Wire.error(QmpError.generic(pe.description()), null)
                    : dispatch((JsonValue) item);
            if (reply != null) {
                send(reply);
            }
        } finally {
            synchronized (lock) {
                pending--;
                scheduled = false;
                schedule();
                lock.notifyAll();
            }
        }
    }

    // ------------------------------------------------------------------ dispatch

    /** QEMU's qmp_dispatch plus the monitor's negotiation-mode rewrite. Null: no reply. */
    byte[] dispatch(JsonValue request) {
        if (!(request instanceof JsonObject req)) {
            return Wire.error(QmpError.generic("QMP input must be a JSON object"), null);
        }
        JsonValue id = req.get("id");
        byte[] reply;
        try {
            reply = run(req, id);
        } catch (QmpError e) {
            reply = Wire.error(e, id);
        } catch (CompatPolicy.CrashException e) {
            // QEMU aborts; its client sees the connection end without a reply
            close();
            return null;
        }
        return reply;
    }

    private byte[] run(JsonObject req, JsonValue id) {
        boolean allowOob = oobEnabled;
        checkRequest(req, allowOob);
        JsonValue execute = req.get("execute");
        boolean oob = execute == null;
        String name = ((JsonValue.Str) (oob ? req.get("exec-oob") : execute)).value();
        JsonValue arguments = req.get("arguments");
        JsonObject args = arguments == null ? JsonObject.empty() : (JsonObject) arguments;

        if (name.equals(QmpRegistry.QMP_CAPABILITIES) && !server.guestAgent) {
            if (oob) {
                throw QmpError.generic("The command " + name + " does not support OOB");
            }
            qmpCapabilities(args);
            return success(null, id);
        }
        QmpRegistry.Entry entry = negotiating ? null : server.registry.lookup(name);
        if (entry == null) {
            throw notFound("The command " + name + " has not been found");
        }
        String rejection = server.compatPolicy.rejection(entry.command().specialFeatures(), "command", name);
        if (rejection != null) {
            throw notFound(rejection);
        }
        if (!entry.enabled()) {
            String reason = entry.disableReason();
            throw notFound("Command " + name + " has been disabled" + (reason != null ? ": " + reason : ""));
        }
        QmpCommand cmd = entry.command();
        if (oob && !cmd.has(QmpCommand.Flag.ALLOW_OOB)) {
            throw QmpError.generic("The command " + name + " does not support OOB");
        }
        if (server.preconfig && !cmd.has(QmpCommand.Flag.ALLOW_PRECONFIG)) {
            throw QmpError.generic("The command '" + name
                    + "' is permitted only after machine initialization has completed");
        }
        QmpHandler.Result result;
        try {
            result = cmd.handler().invoke(args, this);
        } catch (QmpError | CompatPolicy.CrashException e) {
            throw e;
        } catch (Exception e) {
            // Whatever a handler throws becomes a GenericError reply, never a lost client.
            throw QmpError.of(e);
        }
        if (cmd.has(QmpCommand.Flag.NO_SUCCESS_RESPONSE)) {
            return null;
        }
        byte[] reply = success(result, id);
        if (server.guestAgent && name.equals(GUEST_SYNC_DELIMITED)) {
            // qemu-ga's sentinel: a client drops everything it read before this byte
            byte[] delimited = new byte[reply.length + 1];
            delimited[0] = (byte) 0xFF;
            System.arraycopy(reply, 0, delimited, 1, reply.length);
            return delimited;
        }
        return reply;
    }

    private byte[] success(QmpHandler.Result result, JsonValue id) {
        try {
            return Wire.success(result, id, server.compatPolicy);
        } catch (IOException | RuntimeException e) {
            // The return value could not be encoded: an error reply, never a dropped client.
            throw QmpError.of(e);
        }
    }

    private QmpError notFound(String description) {
        // In negotiation mode QEMU replaces the text of every CommandNotFound.
        return new QmpError(QmpError.ErrorClass.COMMAND_NOT_FOUND, negotiating
                ? "Expecting capabilities negotiation with 'qmp_capabilities'" : description);
    }

    /** QEMU's qmp_dispatch_check_obj: members in QDict order, first problem wins. */
    private static void checkRequest(JsonObject req, boolean allowOob) {
        boolean hasExec = false;
        for (int i : req.qdictOrder()) {
            String key = req.name(i);
            JsonValue v = req.value(i);
            if (key.equals("execute") || (key.equals("exec-oob") && allowOob)) {
                if (!(v instanceof JsonValue.Str)) {
                    throw QmpError.generic("QMP input member '" + key + "' must be a string");
                }
                if (hasExec) {
                    throw QmpError.generic("QMP input member '" + key + "' clashes with '"
                            + (key.equals("execute") ? "exec-oob" : "execute") + "'");
                }
                hasExec = true;
            } else if (key.equals("arguments")) {
                if (!(v instanceof JsonObject)) {
                    throw QmpError.generic("QMP input member 'arguments' must be an object");
                }
            } else if (!key.equals("id")) {
                throw QmpError.generic("QMP input member '" + key + "' is unexpected");
            }
        }
        if (!hasExec) {
            throw QmpError.generic("QMP input lacks member 'execute'");
        }
    }

    /** {@code qmp_capabilities}: arguments {@code '*enable': ['QMPCapability']}. */
    private void qmpCapabilities(JsonObject args) {
        List<String> enable = new ArrayList<>();
        try {
            io.github.qapi4j.runtime.json.InputObject in =
                    io.github.qapi4j.runtime.json.InputObject.of(args, Path.ROOT);
            JsonValue list = in.optional("enable");
            if (list != null) {
                Path p = Path.ROOT.member("enable");
                if (!(list instanceof JsonArray a)) {
                    throw p.invalidType("array");
                }
                for (int i = 0; i < a.size(); i++) {
                    Path ep = p.element(i);
                    String cap = io.github.qapi4j.runtime.json.Codecs.decodeStr(a.get(i), ep);
                    if (!cap.equals("oob")) {
                        throw ep.badEnumValue(cap);
                    }
                    enable.add(cap);
                }
            }
            in.end();
        } catch (JsonInputException e) {
            throw QmpError.of(e);
        }
        if (!negotiating) {
            throw new QmpError(QmpError.ErrorClass.COMMAND_NOT_FOUND,
                    "Capabilities negotiation is already complete, command ignored");
        }
        if (!server.offerOob && !enable.isEmpty()) {
            throw QmpError.generic("Capability " + String.join(", ", enable) + " not available");
        }
        oobEnabled = !enable.isEmpty();
        negotiating = false;
    }

    // ------------------------------------------------------------------ output

    /** Queues one message for the writer; a client that does not read is dropped at the limit. */
    void send(byte[] msg) {
        if (closed) {
            return;
        }
        if (server.pretty) {
            msg = Wire.pretty(msg);
        }
        int n = msg.length;
        if (server.guestAgent && n >= 2 && msg[n - 2] == '\r' && msg[n - 1] == '\n') {
            msg = Arrays.copyOf(msg, n - 1); // qemu-ga ends its lines with \n alone
            msg[n - 2] = '\n';
        }
        if (outBytes.addAndGet(msg.length) > server.maxOutputBytes) {
            // Not reading its output: drop it now rather than hold memory or a thread for it.
            close();
            closeChannel();
            return;
        }
        out.add(msg);
    }

    private void writeLoop() {
        List<byte[]> batch = new ArrayList<>();
        try {
            while (true) {
                byte[] first = out.take();
                if (first == POISON) {
                    return;
                }
                batch.add(first);
                out.drainTo(batch, 255);
                boolean last = false;
                int n = batch.size();
                if (batch.get(n - 1) == POISON) {
                    batch.remove(--n);
                    last = true;
                }
                ByteBuffer[] bufs = new ByteBuffer[n];
                long total = 0;
                for (int i = 0; i < n; i++) {
                    bufs[i] = ByteBuffer.wrap(batch.get(i));
                    total += bufs[i].remaining();
                }
                long written = 0;
                while (written < total) {
                    written += channel.write(bufs);
                }
                outBytes.addAndGet(-total);
                batch.clear();
                if (last) {
                    return;
                }
            }
        } catch (IOException e) {
            // peer gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
            closeChannel();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // ignore
        }
    }

    /**
     * Ends the session: drops queued in-band requests (as QEMU does), lets the writer flush what
     * is already queued, then closes the socket.
     */
    void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            lock.notifyAll();
        }
        server.removed(this);
        try {
            channel.shutdownInput();
        } catch (IOException e) {
            // ignore
        }
        out.add(POISON);
    }

    void awaitClosed(long millis) {
        try {
            if (writer != null) {
                writer.join(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeChannel();
    }
}
