package org.tearsheet.capture;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.tearsheet.fetch.SpillBuffer;

/**
 * Undoes the Content-Encoding of a recorded body for extraction only (the WARC keeps the encoded bytes).
 * A body cut at the size limit is decoded as far as it goes; a corrupt one is reported, never guessed at.
 */
final class ContentDecoding {

    /** Decoded bytes handed to the extractor at most; no article is larger, and gzip bombs stop here. */
    static final int MAX_DECODED = 32 << 20;

    private ContentDecoding() {
    }

    /** Thrown when the body cannot be decoded; the message says why, for the metadata record and logs. */
    static final class UndecodableBody extends Exception {
        private static final long serialVersionUID = 1L;

        UndecodableBody(String message) {
            super(message);
        }
    }

    static byte[] decode(SpillBuffer body, String contentEncoding, boolean truncated) throws UndecodableBody {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try (InputStream raw = body.openStream()) {
            InputStream in = switch (encoding) {
                case "", "identity", "none" -> raw;
                case "gzip", "x-gzip" -> new GZIPInputStream(raw, 65536);
                case "deflate" -> new InflaterInputStream(raw);
                default -> throw new UndecodableBody("unsupported Content-Encoding: " + contentEncoding);
            };
            return readCapped(in, truncated, sizeHint(body, encoding, truncated));
        } catch (ZipException e) {
            throw new UndecodableBody("broken " + encoding + " body: " + e.getMessage());
        } catch (EOFException e) {
            throw new UndecodableBody("broken " + encoding + " body: unexpected end of compressed data");
        } catch (IOException e) {
            throw new UndecodableBody("cannot decode " + encoding + " body: " + e);
        }
    }

    /**
     * The decoded size a gzip body announces in its last four bytes (ISIZE), so the output array can be allocated
     * once at the right size instead of grown and copied several times; 64 kB when unknown. Only a hint: a
     * multi-member body or a wrong trailer just means the array grows as needed. Capped at 64 times the
     * compressed size, so a corrupt trailer cannot make a small body allocate {@link #MAX_DECODED} bytes.
     */
    static int sizeHint(SpillBuffer body, String encoding, boolean truncated) {
        java.nio.ByteBuffer b = body.asByteBuffer();
        if (!truncated && b != null && b.remaining() >= 18 && (encoding.equals("gzip") || encoding.equals("x-gzip"))) {
            int end = b.limit();
            long isize = (b.get(end - 4) & 0xFFL) | (b.get(end - 3) & 0xFFL) << 8 | (b.get(end - 2) & 0xFFL) << 16
                    | (b.get(end - 1) & 0xFFL) << 24;
            if (isize > 0) {
                return (int) Math.min(Math.min(isize, 64L * b.remaining()), MAX_DECODED);
            }
        }
        return 65536;
    }

    /** Reads up to {@link #MAX_DECODED} bytes straight into the result array (no intermediate buffer). */
    private static byte[] readCapped(InputStream in, boolean truncated, int sizeHint) throws IOException {
        byte[] out = new byte[Math.max(1, sizeHint)];
        int size = 0;
        try {
            while (size < MAX_DECODED) {
                if (size == out.length) {
                    // Full at the hint: one probe byte tells whether there is more before growing.
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    out = java.util.Arrays.copyOf(out, (int) Math.min(MAX_DECODED, Math.max(65536, out.length * 2L)));
                    out[size++] = (byte) b;
                    continue;
                }
                int n = in.read(out, size, out.length - size);
                if (n <= 0) {
                    break;
                }
                size += n;
            }
        } catch (EOFException | ZipException e) {
            // A body we cut at the size limit ends mid-stream by design: keep what decoded.
            if (!truncated) {
                throw e;
            }
        }
        return size == out.length ? out : java.util.Arrays.copyOf(out, size);
    }
}
