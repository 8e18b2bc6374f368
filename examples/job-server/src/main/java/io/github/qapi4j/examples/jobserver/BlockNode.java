/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.examples.jobserver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A block node: {@code null-co} (reads give zeroes, writes are dropped), {@code file} (a regular
 * file, positional I/O through a {@link FileChannel}) or {@code blkdebug} over another node (fails
 * the next write with the configured errno when a {@code pwritev} rule is armed).
 */
final class BlockNode {
    /** Notified after every write to the node, e.g. a mirror's dirty tracking. */
    interface WriteListener {
        void written(long offset, long length);
    }

    /** A blkdebug {@code inject-error} rule for the {@code pwritev} event. */
    static final class InjectRule {
        final int errno;
        final boolean once;

        InjectRule(int errno, boolean once) {
            this.errno = errno;
            this.once = once;
        }
    }

    final String name;
    final String driver;
    final long size;
    final boolean readZeroes;
    final FileChannel file;
    final BlockNode image;
    private final List<InjectRule> rules;
    final List<WriteListener> listeners = new CopyOnWriteArrayList<>();
    /** Block jobs using this node (as source or target), for blockdev-del. */
    final List<String> users = new CopyOnWriteArrayList<>();

    private BlockNode(String name, String driver, long size, boolean readZeroes, FileChannel file,
            BlockNode image, List<InjectRule> rules) {
        this.name = name;
        this.driver = driver;
        this.size = size;
        this.readZeroes = readZeroes;
        this.file = file;
        this.image = image;
        this.rules = rules == null ? List.of() : new CopyOnWriteArrayList<>(rules);
    }

    static BlockNode nullCo(String name, long size, boolean readZeroes) {
        return new BlockNode(name, "null-co", size, readZeroes, null, null, null);
    }

    static BlockNode file(String name, FileChannel ch) throws IOException {
        return new BlockNode(name, "file", ch.size(), false, ch, null, null);
    }

    static BlockNode blkdebug(String name, BlockNode image, List<InjectRule> rules) {
        return new BlockNode(name, "blkdebug", image.size, image.readZeroes, null, image, rules);
    }

    /** Reads {@code buf.remaining()} bytes at {@code offset}; beyond the end of a file, zeroes. */
    void read(long offset, ByteBuffer buf) throws IOException {
        if (image != null) {
            image.read(offset, buf);
            return;
        }
        if (file == null) {
            // null-co: QEMU leaves the buffer alone unless read-zeroes is set; zero it either way
            zero(buf);
            return;
        }
        long pos = offset;
        while (buf.hasRemaining()) {
            int n = file.read(buf, pos);
            if (n < 0) {
                zero(buf);
                return;
            }
            pos += n;
        }
    }

    private static final ByteBuffer ZEROES = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

    private static void zero(ByteBuffer buf) {
        while (buf.hasRemaining()) {
            ByteBuffer z = ZEROES.duplicate();
            z.limit(Math.min(z.capacity(), buf.remaining()));
            buf.put(z);
        }
    }

    /** Writes {@code buf} at {@code offset}, then tells the listeners. */
    void write(long offset, ByteBuffer buf) throws IOException {
        long length = buf.remaining();
        if (image != null) {
            for (InjectRule r : rules) {
                if (r.once) {
                    rules.remove(r);
                }
                throw new IOException(strerror(r.errno));
            }
            image.write(offset, buf);
        } else if (file != null) {
            long pos = offset;
            while (buf.hasRemaining()) {
                pos += file.write(buf, pos);
            }
        } else {
            buf.position(buf.limit());
        }
        for (WriteListener l : listeners) {
            l.written(offset, length);
        }
    }

    /** Whether {@link #transferTo} can copy from this node to {@code target}: both are {@code file} nodes. */
    boolean canTransferTo(BlockNode target) {
        return file != null && target.file != null;
    }

    /**
     * Copies {@code length} bytes at {@code offset} from this node to {@code target}, file to file
     * in the kernel, then tells the target's listeners; false if it could not copy them all
     * (e.g. the source shrank), in which case the caller copies the range itself.
     *
     * <p>{@code FileChannel.transferTo} writes at the target channel's position, so this sets it,
     * holding the target channel's lock: this method is the only user of a node's channel
     * position (every other read and write here is positional), so concurrent copies into one
     * node cannot move each other's position.
     */
    boolean transferTo(long offset, long length, BlockNode target) throws IOException {
        if (!canTransferTo(target)) {
            return false;
        }
        long done = 0;
        while (done < length) {
            long n;
            synchronized (target.file) {
                n = file.transferTo(offset + done, length - done, target.file.position(offset + done));
            }
            if (n <= 0) {
                return false;
            }
            done += n;
        }
        for (WriteListener l : target.listeners) {
            l.written(offset, length);
        }
        return true;
    }

    static String strerror(int errno) {
        switch (errno) {
            case 1: return "Operation not permitted";
            case 5: return "Input/output error";
            case 12: return "Cannot allocate memory";
            case 22: return "Invalid argument";
            case 28: return "No space left on device";
            default: return "Unknown error " + errno;
        }
    }

    void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
