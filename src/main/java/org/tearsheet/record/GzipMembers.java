package org.tearsheet.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.WarcRecord;
import org.tearsheet.fetch.SpillBuffer;

/**
 * Serializes one WARC record as one complete gzip member (record-at-a-time compression, WARC 1.1 annex D).
 * Records whose payload is already compressed (gzip-encoded bodies, images) are stored in deflate's "stored"
 * mode: deflating compressed bytes again costs a millisecond per page and saves nothing.
 *
 * <p>The member is built by hand (header, raw deflate, CRC-32 and length trailer) rather than with
 * {@link GZIPOutputStream}, which creates a new native deflater and 64 kB buffer for every record; the header
 * bytes are taken from {@link GZIPOutputStream} itself, so members are exactly what it writes.
 */
final class GzipMembers {

    private static final byte[] TRAILER = {'\r', '\n', '\r', '\n'};
    /** The 10-byte member header exactly as this JDK's GZIPOutputStream writes it. */
    private static final byte[] HEADER = jdkHeader();

    private GzipMembers() {
    }

    static SpillBuffer encode(WarcRecord record, int level, boolean precompressed, GzipCompressors pool)
            throws IOException {
        int effectiveLevel = precompressed ? Deflater.NO_COMPRESSION : level;
        byte[] header = record.serializeHeader();
        long bodySize = record.body().size();
        SpillBuffer out = new SpillBuffer(SpillBuffer.DEFAULT_THRESHOLD,
                capacityHint(header.length + Math.max(0, bodySize) + TRAILER.length, effectiveLevel));
        GzipCompressors.Compressor c = pool.borrow();
        try {
            Member m = new Member(c, c.deflater(effectiveLevel), out);
            out.write(HEADER);
            m.write(header, 0, header.length);
            ReadableByteChannel body = record.body();
            ByteBuffer buf = ByteBuffer.wrap(c.in);
            while (body.read(buf) >= 0) {
                buf.flip();
                m.write(buf.array(), buf.position(), buf.remaining());
                buf.clear();
            }
            m.write(TRAILER, 0, TRAILER.length);
            m.finish();
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        } finally {
            pool.release(c);
        }
        return out;
    }

    /**
     * A first buffer size close to the member's size, so the buffer is not regrown (and copied) several times:
     * stored members are a little larger than their input, deflated HTML about a quarter of it.
     */
    private static int capacityHint(long uncompressed, int level) {
        long guess = level == Deflater.NO_COMPRESSION ? uncompressed + uncompressed / 8192 + 64 : uncompressed / 3 + 256;
        return (int) Math.min(guess, SpillBuffer.DEFAULT_THRESHOLD);
    }

    /** Raw deflate of one member's data into {@code out}, with the CRC and length the trailer needs. */
    private static final class Member {
        private final CRC32 crc;
        private final Deflater deflater;
        private final byte[] buf;
        private final SpillBuffer out;

        Member(GzipCompressors.Compressor c, Deflater deflater, SpillBuffer out) {
            this.crc = c.crc;
            this.deflater = deflater;
            this.buf = c.out;
            this.out = out;
            crc.reset();
        }

        void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            crc.update(b, off, len);
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                drain();
            }
        }

        void finish() throws IOException {
            deflater.finish();
            while (!deflater.finished()) {
                drain();
            }
            writeIntLe((int) crc.getValue());
            writeIntLe((int) deflater.getBytesRead()); // ISIZE: input length modulo 2^32
        }

        private void drain() throws IOException {
            int n = deflater.deflate(buf, 0, buf.length);
            if (n > 0) {
                out.write(buf, 0, n);
            }
        }

        private void writeIntLe(int v) throws IOException {
            out.write(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
        }
    }

    private static byte[] jdkHeader() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] all = b.toByteArray();
        return java.util.Arrays.copyOf(all, 10);
    }
}
