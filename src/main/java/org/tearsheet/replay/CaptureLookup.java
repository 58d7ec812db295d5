package org.tearsheet.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.netpreserve.jwarc.URIs;
import org.tearsheet.index.CdxjEntry;
import org.tearsheet.index.CdxjIndex;

/**
 * Finds captures of a URL in the CDXJ index by binary search in the sorted {@code index.cdxj} (capture replaces it
 * atomically after each WARC closes, so every lookup sees a whole index). Nothing is held in memory.
 */
final class CaptureLookup {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final CdxjIndex index;

    CaptureLookup(Path archiveDir) {
        this.index = CdxjIndex.of(archiveDir);
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
    List<CdxjEntry> captures(String url) throws IOException {
        return index.lookup(keyOf(url));
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
}
