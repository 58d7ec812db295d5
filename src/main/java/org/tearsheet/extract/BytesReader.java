package org.tearsheet.extract;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a byte array as it is read, straight into the reader's buffer: what {@code new String(bytes, charset)}
 * gives, without holding the whole text (an {@code InputStreamReader} would also copy the bytes through a
 * buffer of its own and lock on every read). Malformed and unmappable input becomes the decoder's replacement
 * (U+FFFD), as in the String constructor. Not thread-safe, like any reader.
 */
final class BytesReader extends Reader {

    private final ByteBuffer in;
    private final CharsetDecoder decoder;
    /** All input decoded and the decoder flushed. */
    private boolean flushed;
    /** A char decoded but not yet handed out (the second half of a surrogate pair), else -1. */
    private int pending = -1;

    BytesReader(byte[] bytes, int offset, Charset charset) {
        this.in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        if (pending >= 0) {
            buffer[offset] = (char) pending;
            pending = -1;
            n = 1;
        }
        if (n < length && !flushed) {
            n += decodeInto(CharBuffer.wrap(buffer, offset + n, length - n));
        }
        if (n == 0 && !flushed) {
            // Room for one char but a surrogate pair comes next: decode the pair, hand out its first half.
            CharBuffer pair = CharBuffer.allocate(2);
            decodeInto(pair);
            if (pair.position() > 0) {
                buffer[offset] = pair.get(0);
                n = 1;
                if (pair.position() > 1) {
                    pending = pair.get(1);
                }
            }
        }
        return n == 0 ? -1 : n;
    }

    /** Decodes as much as fits; returns the number of chars written. */
    private int decodeInto(CharBuffer out) {
        int start = out.position();
        // All input is present, so every call is an end-of-input call: the decoder replaces a truncated sequence
        // at the very end instead of waiting for more bytes.
        CoderResult r = decoder.decode(in, out, true);
        if (r.isUnderflow() && decoder.flush(out).isUnderflow()) {
            flushed = true;
        }
        return out.position() - start;
    }

    @Override
    public void close() {
        // nothing to release: the bytes belong to the caller
    }
}
