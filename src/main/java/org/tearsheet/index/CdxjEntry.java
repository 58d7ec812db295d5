package org.tearsheet.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of a CDXJ index: {@code <surt key> <14-digit timestamp> <json>}, the format pywb and ReplayWeb.page read.
 * Numbers in the JSON block are written as strings, as pywb does.
 *
 * @param urlKey    SURT form of the URL (jwarc's {@code URIs.toNormalizedSurt})
 * @param timestamp 14-digit UTC capture time (yyyyMMddHHmmss)
 * @param url       the captured URL ({@code WARC-Target-URI})
 * @param mime      payload media type, or {@code warc/revisit} for revisit records
 * @param status    HTTP status, 0 when unknown
 * @param digest    {@code WARC-Payload-Digest} as written in the record (e.g. {@code sha1:BASE32}), may be null
 * @param length    length of the record's gzip member in bytes
 * @param offset    offset of the record's gzip member in the WARC
 * @param filename  WARC file name, relative to the archive folder
 */
public record CdxjEntry(String urlKey, String timestamp, String url, String mime, int status, String digest,
                        long length, long offset, String filename) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The index line, without the trailing newline. */
    public String toLine() {
        ObjectNode o = JSON.createObjectNode();
        o.put("url", url);
        o.put("mime", mime);
        o.put("status", Integer.toString(status));
        if (digest != null) {
            o.put("digest", digest);
        }
        o.put("length", Long.toString(length));
        o.put("offset", Long.toString(offset));
        o.put("filename", filename);
        try {
            return urlKey + " " + timestamp + " " + JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses one index line.
     *
     * @throws IllegalArgumentException when the line is not a CDXJ line this project can use
     */
    public static CdxjEntry parse(String line) {
        int a = line.indexOf(' ');
        int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
        if (a <= 0 || b < 0) {
            throw new IllegalArgumentException("not a CDXJ line (expected '<key> <timestamp> <json>')");
        }
        String timestamp = line.substring(a + 1, b);
        if (!timestamp.matches("\\d{14}")) {
            throw new IllegalArgumentException("timestamp is not 14 digits: " + timestamp);
        }
        JsonNode o;
        try {
            o = JSON.readTree(line.substring(b + 1));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("JSON block does not parse: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject() || !o.hasNonNull("url") || !o.hasNonNull("filename") || !o.hasNonNull("offset")) {
            throw new IllegalArgumentException("JSON block lacks url, filename or offset");
        }
        try {
            return new CdxjEntry(line.substring(0, a), timestamp, o.get("url").asText(), o.path("mime").asText(null),
                    Integer.parseInt(o.path("status").asText("0")), o.hasNonNull("digest") ? o.get("digest").asText() : null,
                    Long.parseLong(o.path("length").asText("-1")), Long.parseLong(o.get("offset").asText()),
                    o.get("filename").asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("status, length or offset is not a number");
        }
    }

    /** The fields known before the record's end is found; {@link #length} completes the entry. */
    record Builder(String urlKey, String timestamp, String url, String mime, int status, String digest, long offset,
                   String filename) {
        CdxjEntry length(long length) {
            return new CdxjEntry(urlKey, timestamp, url, mime, status, digest, length, offset, filename);
        }
    }
}
