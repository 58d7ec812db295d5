package org.tearsheet.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.URIs;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.CdxjEntry;
import org.tearsheet.index.CdxjIndex;

/**
 * Finds captures of a URL in the CDXJ index. The index is held in memory grouped by SURT key and reloaded when
 * {@code index.cdxj} changes (capture replaces it atomically after each WARC closes).
 */
final class CaptureLookup {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Path archiveDir;
    private String loadedVersion;
    private Map<String, List<CdxjEntry>> byKey = Map.of();

    CaptureLookup(Path archiveDir) {
        this.archiveDir = archiveDir;
    }

    /** SURT key of a URL as the index writes it; the URL itself when it cannot be parsed. */
    static String keyOf(String url) {
        try {
            return URIs.toNormalizedSurt(url);
        } catch (RuntimeException e) {
            return url;
        }
    }

    /** All captures of {@code url} (exact SURT match), oldest first. */
    synchronized List<CdxjEntry> captures(String url) throws IOException {
        reloadIfChanged();
        return byKey.getOrDefault(keyOf(url), List.of());
    }

    /** Index entries of one WARC file (for serving raw records), in index order. */
    synchronized List<CdxjEntry> entriesOfFile(String filename) throws IOException {
        reloadIfChanged();
        List<CdxjEntry> out = new ArrayList<>();
        for (List<CdxjEntry> l : byKey.values()) {
            for (CdxjEntry e : l) {
                if (e.filename().equals(filename)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The capture nearest to {@code timestamp} (1 to 14 digits, padded), or null when the URL has none. */
    CdxjEntry nearest(String url, String timestamp) throws IOException {
        List<CdxjEntry> all = captures(url);
        if (all.isEmpty()) {
            return null;
        }
        long want = epochSeconds(pad(timestamp));
        CdxjEntry best = null;
        long bestDiff = Long.MAX_VALUE;
        for (CdxjEntry e : all) {
            long diff = Math.abs(epochSeconds(e.timestamp()) - want);
            // prefer a real response over a revisit at the same distance
            if (diff < bestDiff || (diff == bestDiff && best != null && isRevisit(best) && !isRevisit(e))) {
                best = e;
                bestDiff = diff;
            }
        }
        return best;
    }

    /**
     * The full response a revisit stands for: same URL key, same payload digest, not a revisit; failing that (a
     * server-not-modified revisit without digest) the latest earlier response. Null when none is archived.
     */
    CdxjEntry original(CdxjEntry revisit) throws IOException {
        List<CdxjEntry> all = captures(revisit.url());
        CdxjEntry earlier = null;
        for (CdxjEntry e : all) {
            if (isRevisit(e)) {
                continue;
            }
            if (revisit.digest() != null && revisit.digest().equals(e.digest())) {
                return e;
            }
            if (e.timestamp().compareTo(revisit.timestamp()) <= 0) {
                earlier = e;
            }
        }
        return earlier;
    }

    static boolean isRevisit(CdxjEntry e) {
        return "warc/revisit".equals(e.mime());
    }

    static Instant instantOf(String timestamp14) {
        return LocalDateTime.parse(timestamp14, TS).toInstant(ZoneOffset.UTC);
    }

    /** Pads a 1..14 digit Wayback timestamp the way Wayback does: missing parts are the earliest valid value. */
    static String pad(String ts) {
        String base = "20000101000000";
        if (ts.length() >= 14) {
            return ts.substring(0, 14);
        }
        String s = ts + base.substring(ts.length());
        // month/day 00 are not valid
        if (s.startsWith("00", 4)) {
            s = s.substring(0, 4) + "01" + s.substring(6);
        }
        if (s.startsWith("00", 6)) {
            s = s.substring(0, 6) + "01" + s.substring(8);
        }
        return s;
    }

    private static long epochSeconds(String ts14) {
        try {
            return instantOf(ts14).getEpochSecond();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void reloadIfChanged() throws IOException {
        Path file = archiveDir.resolve(ArchiveFiles.INDEX);
        String version = Files.exists(file) ? Files.getLastModifiedTime(file) + "/" + Files.size(file) : "none";
        if (version.equals(loadedVersion)) {
            return;
        }
        Map<String, List<CdxjEntry>> map = new HashMap<>();
        for (CdxjEntry e : CdxjIndex.of(archiveDir).readAll()) {
            map.computeIfAbsent(e.urlKey(), k -> new ArrayList<>()).add(e);
        }
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
        byKey = map;
        loadedVersion = version;
    }
}
