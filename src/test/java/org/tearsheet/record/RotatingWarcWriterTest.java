package org.tearsheet.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;

class RotatingWarcWriterTest {

    @TempDir
    Path dir;

    RotatingWarcWriter writer(List<Path> closed) {
        return RotatingWarcWriter.builder(dir).prefix("t").host("testhost").gzipLevel(1)
                .warcinfo(Map.of("operator", List.of("tests")))
                .listener(p -> {
                    closed.add(p);
                    throw new IllegalStateException("a failing listener must not break the writer");
                })
                .build();
    }

    EncodedRecord resource(RotatingWarcWriter w, String uri, String text) throws IOException {
        WarcResource r = new WarcResource.Builder(java.net.URI.create(uri)).version(MessageVersion.WARC_1_1)
                .body(MediaType.parse("text/plain"), text.getBytes(StandardCharsets.UTF_8)).build();
        return w.encode(r);
    }

    @Test
    void failedBatchIsRolledBackAndFileStaysValid() throws Exception {
        List<Path> closed = new ArrayList<>();
        RotatingWarcWriter w = writer(closed);
        w.append(List.of(resource(w, "urn:a", "first")), null);
        assertThatThrownBy(() -> w.append(List.of(resource(w, "urn:b", "second"), resource(w, "urn:c", "third")),
                p -> {
                    throw new IOException("sidecar disk full");
                })).hasMessageContaining("disk full");
        w.append(List.of(resource(w, "urn:d", "fourth")), null);
        w.close();

        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).getFileName().toString()).matches("t-\\d{17}-00000-testhost\\.warc\\.gz");
        List<String> targets = new ArrayList<>();
        try (WarcReader reader = new WarcReader(closed.get(0))) {
            for (WarcRecord r : reader) {
                targets.add(r.type() + ":" + r.headers().first("WARC-Target-URI").orElse(""));
            }
        }
        assertThat(targets).containsExactly("warcinfo:", "resource:urn:a", "resource:urn:d");
    }

    @Test
    void aCrashLeavesOnlyTheOpenFileAndNoFileIsCreatedWithoutRecords() throws Exception {
        List<Path> closed = new ArrayList<>();
        RotatingWarcWriter idle = writer(closed);
        idle.close();
        assertThat(list()).isEmpty();

        RotatingWarcWriter w = writer(closed);
        w.append(List.of(resource(w, "urn:a", "kept")), null);
        // no close(): the process "dies" here
        assertThat(list()).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".warc.gz.open"));
        try (WarcReader reader = new WarcReader(list().get(0))) {
            assertThat(reader.records().count()).isEqualTo(2);
        }
        assertThat(closed).isEmpty();
    }

    List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
