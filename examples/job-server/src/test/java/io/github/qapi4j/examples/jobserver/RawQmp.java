/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw QMP connection: lines of text out, lines of text in (CR LF stripped), nothing parsed. */
final class RawQmp implements AutoCloseable {
    /** Marks the end of the stream in the queue. */
    static final String EOF = "\u0000EOF";

    private final SocketChannel channel;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private RawQmp(SocketChannel channel) {
        this.channel = channel;
        this.reader = new Thread(this::readLoop, "raw-qmp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static RawQmp connect(Path socket, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                return new RawQmp(ch);
            } catch (IOException e) {
                ch.close();
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        try {
            while (channel.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b == '\n') {
                        String s = line.toString(StandardCharsets.UTF_8);
                        if (s.endsWith("\r")) {
                            s = s.substring(0, s.length() - 1);
                        }
                        lines.add(s);
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
                buf.clear();
            }
        } catch (IOException e) {
            // closed
        }
        lines.add(EOF);
    }

    void send(String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** The next line, {@link #EOF} at the end of the stream, or null on timeout. */
    String next(long timeoutMillis) throws InterruptedException {
        String s = lines.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (EOF.equals(s)) {
            lines.add(EOF);
        }
        return s;
    }

    /**
     * Reads lines until one contains {@code needle} and returns it; fails after 30 s without a
     * line, or at the end of the stream.
     */
    String await(String needle) throws InterruptedException {
        while (true) {
            String line = next(30_000);
            if (line == null || EOF.equals(line)) {
                throw new AssertionError("waiting for " + needle + ": " + (line == null ? "timed out" : "end of stream"));
            }
            if (line.contains(needle)) {
                return line;
            }
        }
    }

    /**
     * Connects to the job server at {@code socket}, negotiates capabilities and adds
     * {@code file} nodes {@code src} and {@code tgt} over the two files.
     */
    static RawQmp withFileNodes(Path socket, Path src, Path tgt) throws IOException, InterruptedException {
        RawQmp qmp = connect(socket, 5000);
        qmp.await("QMP");
        qmp.send("{\"execute\": \"qmp_capabilities\"}");
        qmp.await("return");
        for (String[] node : new String[][] {{"src", src.toString()}, {"tgt", tgt.toString()}}) {
            qmp.send("{\"execute\": \"blockdev-add\", \"arguments\": {\"driver\": \"file\", \"node-name\": \""
                    + node[0] + "\", \"filename\": \"" + node[1] + "\"}}");
            qmp.await("return");
        }
        return qmp;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
