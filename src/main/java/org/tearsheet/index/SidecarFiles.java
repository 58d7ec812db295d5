package org.tearsheet.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.tearsheet.sidecar.SidecarEntry;

/** Reads cleaned-text sidecars ({@code *.warc.gz.text.jsonl.gz}: gzip, one {@link SidecarEntry} JSON per line). */
public final class SidecarFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Receives each non-blank line with its 1-based number. */
    @FunctionalInterface
    public interface LineHandler {
        void line(long lineNumber, String rawLine) throws IOException;
    }

    private SidecarFiles() {
    }

    /**
     * Calls {@code handler} for every non-blank line.
     *
     * @throws IOException when the file is unreadable or its gzip stream is broken (the lines before were delivered)
     */
    public static void forEachLine(Path sidecar, LineHandler handler) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(sidecar), 1 << 16), StandardCharsets.UTF_8))) {
            long n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (!line.isBlank()) {
                    handler.line(n, line);
                }
            }
        }
    }

    /**
     * Parses one sidecar line.
     *
     * @throws IllegalArgumentException when it is not a sidecar JSON object
     */
    public static SidecarEntry parse(String line) {
        try {
            SidecarEntry e = JSON.readValue(line, SidecarEntry.class);
            if (e == null) {
                throw new IllegalArgumentException("empty sidecar line");
            }
            return e;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sidecar line does not parse: " + e.getOriginalMessage());
        }
    }

    /** The JSON line of an entry (the on-disk format), without newline. */
    public static String toJson(SidecarEntry e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
