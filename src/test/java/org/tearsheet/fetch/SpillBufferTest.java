package org.tearsheet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpillBufferTest {

    @Test
    void smallContentStaysOnHeapLargeContentSpillsAndTheFileIsDeleted() throws Exception {
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        try (SpillBuffer small = new SpillBuffer(1 << 20)) {
            small.write(data, 0, 1000);
            assertThat(small.spilled()).isFalse();
            assertThat(small.toByteArray()).hasSize(1000);
        }
        SpillBuffer big = new SpillBuffer(64 * 1024);
        for (int off = 0; off < data.length; off += 7000) {
            big.write(data, off, Math.min(7000, data.length - off));
        }
        assertThat(big.spilled()).isTrue();
        assertThat(big.size()).isEqualTo(data.length);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        big.copyTo(copy);
        assertThat(copy.toByteArray()).isEqualTo(data);
        try (var in = big.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        big.close();
        assertThat(big.toString()).isNotNull();
    }
}
