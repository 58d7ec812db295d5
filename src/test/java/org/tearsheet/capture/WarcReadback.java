package org.tearsheet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reads every WARC in a folder back with jwarc and checks what any valid capture must satisfy: block digests and
 * payload digests recomputed from the bytes match the headers. Keeps each record's block for assertions.
 */
final class WarcReadback {

    /** One record read back. */
    record Rec(String file, long offset, String type, String targetUri, String id, Map<String, List<String>> headers,
               byte[] block) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The HTTP head (status/request line and headers) of an application/http block. */
        String httpHead() {
            int end = indexOf(block, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return new String(block, 0, end < 0 ? block.length : end, StandardCharsets.UTF_8);
        }

        /** The HTTP payload (bytes after the head) of an application/http block. */
        byte[] payload() {
            int end = indexOf(block, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return Arrays.copyOfRange(block, end + 4, block.length);
        }

        String text() {
            return new String(block, StandardCharsets.UTF_8);
        }
    }

    static List<Rec> readAll(Path dir) throws IOException {
        List<Rec> all = new ArrayList<>();
        for (Path warc : warcs(dir)) {
            all.addAll(read(warc));
        }
        return all;
    }

    static List<Path> warcs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
        }
    }

    static List<Rec> read(Path warc) throws IOException {
        List<Rec> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            while (true) {
                Optional<WarcRecord> next = reader.next();
                if (next.isEmpty()) {
                    break;
                }
                long offset = reader.position();
                WarcRecord r = next.get();
                byte[] block;
                try (InputStream in = r.body().stream()) {
                    block = in.readAllBytes();
                }
                assertThat(r.version().toString()).isEqualTo("WARC/1.1");
                String target = r.headers().first("WARC-Target-URI").orElse(null);
                Rec rec = new Rec(warc.getFileName().toString(), offset, r.type(), target, r.id().toString(),
                        r.headers().map(), block);
                checkDigests(rec);
                out.add(rec);
            }
        }
        return out;
    }

    static void checkDigests(Rec rec) {
        String block = rec.header("WARC-Block-Digest");
        assertThat(block).as("block digest of %s %s", rec.type(), rec.targetUri()).isNotNull();
        assertThat(block).isEqualTo(sha1(rec.block()));
        if (rec.type().equals("response")) {
            assertThat(rec.header("WARC-Payload-Digest")).as("payload digest of %s", rec.targetUri())
                    .isEqualTo(sha1(rec.payload()));
        }
    }

    static String sha1(byte[] data) {
        try {
            return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(data)).prefixedBase32();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every byte the archive folder holds, with WARCs and sidecars gunzipped, for secret searches. */
    static byte[] allBytesDecoded(Path dir) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] raw = Files.readAllBytes(p);
                all.write(raw);
                if (p.toString().endsWith(".gz") || p.toString().endsWith(".gz.open")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                        all.write(in.readAllBytes());
                    }
                }
            }
        }
        return all.toByteArray();
    }

    static List<Map<String, Object>> sidecarLines(Path dir) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".text.jsonl.gz")).sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> m = json.readValue(line, Map.class);
                            lines.add(m);
                        }
                    }
                }
            }
        }
        return lines;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private WarcReadback() {
    }
}
