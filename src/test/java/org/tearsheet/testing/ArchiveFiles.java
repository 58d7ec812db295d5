package org.tearsheet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.tearsheet.config.ArchiveSettings;
import org.tearsheet.config.DataSize;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.TearsheetConfig;

/** Test helpers around an archive folder: a fast config, sidecar lines, and every output byte decompressed. */
public final class ArchiveFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveFiles() {
    }

    /** A config writing to {@code dir} with short timeouts, one retry, no politeness delay and robots off. */
    public static TearsheetConfig fastConfig(Path dir) {
        FetchSettings fetch = new FetchSettings(null, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(20), 10, DataSize.ofBytes(50L << 20), 1, Duration.ofMillis(10),
                Duration.ofSeconds(1), false, Duration.ZERO, 2, 4, false, Map.of());
        ArchiveSettings archive = new ArchiveSettings(dir, "test", DataSize.ofBytes(1L << 30), "test operator", 6);
        return TearsheetConfig.defaults().withArchive(archive).withFetch(fetch);
    }

    /** Every sidecar line of every sidecar file in {@code dir}. */
    public static List<JsonNode> sidecarLines(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (Path p : files(dir, ".text.jsonl.gz")) {
            String text = new String(gunzip(Files.readAllBytes(p)), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    /**
     * Every byte the run left in {@code dir}, as text: gzip files (WARC records are one gzip member each, sidecars
     * are gzip) decompressed, other files as they are.
     */
    public static String allOutputText(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                    bytes = gunzip(bytes);
                }
                sb.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return sb.toString();
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Decompresses all concatenated gzip members. */
    public static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
