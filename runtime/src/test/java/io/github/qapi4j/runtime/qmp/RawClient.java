/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.runtime.qmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A byte-level test client: sends raw text, receives lines (without the CR LF). */
final class RawClient implements AutoCloseable {
    private static final String EOF = "<EOF>";
    private final SocketChannel ch;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final StringBuilder rawTail = new StringBuilder();

    RawClient(SocketAddress address) throws IOException {
        ch = address instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open();
        ch.connect(address);
        Thread t = new Thread(this::read, "raw-client");
        t.setDaemon(true);
        t.start();
    }

    static RawClient negotiated(SocketAddress address) throws IOException, InterruptedException {
        RawClient c = new RawClient(address);
        c.line();
        c.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}");
        if (!c.line().equals("{\"return\": {}}")) {
            throw new AssertionError("negotiation failed");
        }
        return c;
    }

    private void read() {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (ch.read(buf.clear()) >= 0) {
                for (int i = 0; i < buf.position(); i++) {
                    byte b = buf.get(i);
                    if (b == '\n') {
                        String s = line.toString(StandardCharsets.UTF_8);
                        if (!s.endsWith("\r")) {
                            throw new AssertionError("line without CR LF: " + s);
                        }
                        lines.add(s.substring(0, s.length() - 1));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            lines.add(EOF);
        }
    }

    void send(String text) throws IOException {
        sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** The next line; fails after 5 s. */
    String line() throws InterruptedException {
        String s = lines.poll(5, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no line within 5 s");
        }
        return s;
    }

    /** The next line, or null if none comes within {@code ms}. */
    String lineWithin(long ms) throws InterruptedException {
        return lines.poll(ms, TimeUnit.MILLISECONDS);
    }

    /** Skips events; the next non-event line. */
    String reply() throws InterruptedException {
        String s;
        do {
            s = line();
        } while (s.startsWith("{\"timestamp\""));
        return s;
    }

    boolean isEof(String line) {
        return EOF.equals(line);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    static InetSocketAddress inet(InetSocketAddress a) {
        return a;
    }
}
