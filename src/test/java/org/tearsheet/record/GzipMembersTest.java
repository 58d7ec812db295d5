package org.tearsheet.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.tearsheet.fetch.SpillBuffer;

/** The hand-built gzip members are the bytes GZIPOutputStream writes, whatever the pool has been used for before. */
class GzipMembersTest {

    @Test
    void membersEqualGzipOutputStreamAtEveryLevelWithReusedCompressors() throws Exception {
        byte[] text = sampleText(300_000); // several 64 kB reads
        byte[] random = new byte[150_000];
        new Random(7).nextBytes(random);
        try (GzipCompressors pool = new GzipCompressors()) {
            for (int round = 0; round < 2; round++) {
                for (int level : new int[] {1, 3, 6, 9}) {
                    for (byte[] body : new byte[][] {text, random, new byte[0], "x".getBytes()}) {
                        for (boolean precompressed : new boolean[] {false, true}) {
                            WarcRecord r = record(body);
                            byte[] expected = reference(record(body), precompressed ? 0 : level);
                            byte[] actual = bytes(GzipMembers.encode(r, level, precompressed, pool));
                            assertThat(actual).as("level %d, %d bytes, stored %s", level, body.length, precompressed)
                                    .isEqualTo(expected);
                            assertThat(endsWithBodyAndTrailer(gunzip(actual), body)).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void closedPoolStillEncodesAndEndsWhatComesBack() throws Exception {
        GzipCompressors pool = new GzipCompressors();
        pool.close();
        byte[] body = sampleText(1000);
        assertThat(endsWithBodyAndTrailer(gunzip(bytes(GzipMembers.encode(record(body), 3, false, pool))), body))
                .isTrue();
    }

    private static WarcRecord record(byte[] body) {
        return new WarcResource.Builder(URI.create("urn:test")).version(MessageVersion.WARC_1_1)
                .date(java.time.Instant.parse("2026-01-01T00:00:00Z"))
                .recordId(URI.create("urn:uuid:00000000-0000-0000-0000-000000000001"))
                .body(MediaType.parse("text/plain"), body).build();
    }

    /** The previous implementation: GZIPOutputStream with the level set on its deflater. */
    private static byte[] reference(WarcRecord record, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out, 65536) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(record.serializeHeader());
            ReadableByteChannel body = record.body();
            ByteBuffer buf = ByteBuffer.allocate(65536);
            while (body.read(buf) >= 0) {
                buf.flip();
                gz.write(buf.array(), buf.position(), buf.remaining());
                buf.clear();
            }
            gz.write(new byte[] {'\r', '\n', '\r', '\n'});
        }
        return out.toByteArray();
    }

    private static boolean endsWithBodyAndTrailer(byte[] record, byte[] body) {
        byte[] suffix = java.util.Arrays.copyOf(body, body.length + 4);
        System.arraycopy(new byte[] {'\r', '\n', '\r', '\n'}, 0, suffix, body.length, 4);
        return record.length >= suffix.length && java.util.Arrays.equals(record, record.length - suffix.length,
                record.length, suffix, 0, suffix.length);
    }

    private static byte[] bytes(SpillBuffer b) {
        try (b) {
            return b.toByteArray();
        }
    }

    private static byte[] gunzip(byte[] member) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(member))) {
            return in.readAllBytes();
        }
    }

    private static byte[] sampleText(int size) {
        StringBuilder s = new StringBuilder();
        Random r = new Random(1);
        String[] words = {"the", "paywall", "article", "<p>", "</p>", "news", "capture", "archive", "é", "—"};
        while (s.length() < size) {
            s.append(words[r.nextInt(words.length)]).append(' ');
        }
        return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
