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
            return readCapped(in, truncated);
        } catch (ZipException e) {
            throw new UndecodableBody("broken " + encoding + " body: " + e.getMessage());
        } catch (EOFException e) {
            throw new UndecodableBody("broken " + encoding + " body: unexpected end of compressed data");
        } catch (IOException e) {
            throw new UndecodableBody("cannot decode " + encoding + " body: " + e);
        }
    }

    private static byte[] readCapped(InputStream in, boolean truncated) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(65536);
        byte[] buf = new byte[65536];
        try {
            int n;
            while (out.size() < MAX_DECODED && (n = in.read(buf, 0, Math.min(buf.length, MAX_DECODED - out.size()))) > 0) {
                out.write(buf, 0, n);
            }
        } catch (EOFException | ZipException e) {
            // A body we cut at the size limit ends mid-stream by design: keep what decoded.
            if (!truncated) {
                throw e;
            }
        }
        return out.toByteArray();
    }
}
