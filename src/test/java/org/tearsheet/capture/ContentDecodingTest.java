package org.tearsheet.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.tearsheet.fetch.SpillBuffer;

/** Decoding for extraction is exact whether or not the gzip trailer's size hint is right. */
class ContentDecodingTest {

    private static final byte[] HTML = html();

    private static byte[] html() {
        StringBuilder s = new StringBuilder("<html><body>");
        java.util.Random r = new java.util.Random(3);
        String[] words = {"Eval", "article", "é", "—", "paywall", "<p>", "</p>", "news", "the", "text"};
        while (s.length() < 200_000) {
            s.append(words[r.nextInt(words.length)]).append(' ').append(r.nextInt(1000)).append(' ');
        }
        return s.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void gzipBodyDecodesToTheExactBytesWithAndWithoutAUsableHint() throws Exception {
        byte[] one = gzip(HTML);
        assertThat(decode(one, "gzip", false)).isEqualTo(HTML);
        assertThat(ContentDecoding.sizeHint(buffer(one), "gzip", false)).isEqualTo(HTML.length);

        // Two members: the trailer announces only the second one's size, so the array has to grow.
        byte[] half = Arrays.copyOf(HTML, 1000);
        byte[] two = concat(gzip(HTML), gzip(half));
        assertThat(decode(two, "gzip", false)).isEqualTo(concat(HTML, half));

        // A lying trailer is reported as a broken body (GZIPInputStream checks it), as before the size hint.
        byte[] lying = one.clone();
        lying[lying.length - 1] = 0x01;
        assertThatThrownBy(() -> decode(lying, "gzip", false)).isInstanceOf(ContentDecoding.UndecodableBody.class)
                .hasMessageContaining("broken gzip body");

        assertThat(decode(HTML, null, false)).isEqualTo(HTML);
    }

    @Test
    void truncatedBodyKeepsWhatDecodedAndBrokenBodyIsReported() throws Exception {
        byte[] cut = Arrays.copyOf(gzip(HTML), 20_000);
        byte[] partial = decode(cut, "gzip", true);
        assertThat(partial).isNotEmpty();
        assertThat(Arrays.equals(partial, 0, partial.length, HTML, 0, partial.length)).isTrue();
        assertThatThrownBy(() -> decode(cut, "gzip", false)).isInstanceOf(ContentDecoding.UndecodableBody.class);
    }

    private static byte[] decode(byte[] body, String encoding, boolean truncated) throws Exception {
        try (SpillBuffer b = buffer(body)) {
            return ContentDecoding.decode(b, encoding, truncated);
        }
    }

    private static SpillBuffer buffer(byte[] body) throws IOException {
        SpillBuffer b = new SpillBuffer();
        b.write(body);
        return b;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
