package org.tearsheet.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.WarcRecord;
import org.tearsheet.fetch.SpillBuffer;

/**
 * Serializes one WARC record as one complete gzip member (record-at-a-time compression, WARC 1.1 annex D).
 * Records whose payload is already compressed (gzip-encoded bodies, images) are stored in deflate's "stored"
 * mode: deflating compressed bytes again costs a millisecond per page and saves nothing.
 */
final class GzipMembers {

    private static final byte[] TRAILER = {'\r', '\n', '\r', '\n'};

    private GzipMembers() {
    }

    static SpillBuffer encode(WarcRecord record, int level, boolean precompressed) throws IOException {
        if (precompressed) {
            level = java.util.zip.Deflater.NO_COMPRESSION;
        }
        SpillBuffer out = new SpillBuffer();
        try (OutputStream gz = new LevelledGzip(new Unclosable(out), level)) {
            gz.write(record.serializeHeader());
            ReadableByteChannel body = record.body();
            ByteBuffer buf = ByteBuffer.allocate(65536);
            while (body.read(buf) >= 0) {
                buf.flip();
                gz.write(buf.array(), buf.position(), buf.remaining());
                buf.clear();
            }
            gz.write(TRAILER);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    /** GZIPOutputStream with a chosen deflate level. */
    private static final class LevelledGzip extends GZIPOutputStream {
        LevelledGzip(OutputStream out, int level) throws IOException {
            super(out, 65536);
            def.setLevel(level);
        }
    }

    /** Keeps the buffer open when the gzip stream closes. */
    private static final class Unclosable extends java.io.FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
