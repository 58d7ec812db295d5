package org.tearsheet.record;

import java.util.ArrayDeque;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small pool of deflate state for {@link GzipMembers}, so each record does not pay for a fresh native zlib stream
 * (a {@link Deflater} allocates and clears a few hundred kB of native memory on creation) and fresh 64 kB buffers.
 * Borrowed by the capture thread that encodes a record, returned right after; holds at most as many entries as
 * records were ever encoded at once (the capture concurrency). {@link #close()} ends every pooled deflater.
 * Thread-safe.
 */
final class GzipCompressors implements AutoCloseable {

    private final ArrayDeque<Compressor> idle = new ArrayDeque<>();
    private boolean closed;

    /** A compressor for one record; give it back with {@link #release}. */
    synchronized Compressor borrow() {
        Compressor c = idle.poll();
        return c != null ? c : new Compressor();
    }

    /** Returns {@code c} to the pool (or ends it, once the pool is closed). */
    synchronized void release(Compressor c) {
        if (closed) {
            c.end();
        } else {
            idle.push(c);
        }
    }

    /** Ends all pooled deflaters; compressors still borrowed are ended when released. */
    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(Compressor::end);
        idle.clear();
    }

    /** Per-record deflate state: one raw deflater per level (created on first use), a CRC and two scratch buffers. */
    static final class Compressor {
        final CRC32 crc = new CRC32();
        final byte[] in = new byte[65536];
        final byte[] out = new byte[65536];
        private final Deflater[] byLevel = new Deflater[10];

        /** A reset raw deflater at {@code level} (0..9). Never re-levelled, so output equals a fresh deflater's. */
        Deflater deflater(int level) {
            Deflater d = byLevel[level];
            if (d == null) {
                d = new Deflater(level, true);
                byLevel[level] = d;
            } else {
                d.reset();
            }
            return d;
        }

        void end() {
            for (Deflater d : byLevel) {
                if (d != null) {
                    d.end();
                }
            }
        }
    }
}
