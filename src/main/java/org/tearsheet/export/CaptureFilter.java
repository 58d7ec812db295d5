package org.tearsheet.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.tearsheet.sidecar.SidecarEntry;

/**
 * Which captures an export includes: a capture-time range (UTC days, inclusive) and optionally one job's captures.
 *
 * @param from        first day included, null for no lower bound
 * @param to          last day included, null for no upper bound
 * @param jobRecordIds response record ids (without angle brackets) captured by the job, null for every job
 */
public record CaptureFilter(LocalDate from, LocalDate to, Set<String> jobRecordIds) {

    public static CaptureFilter all() {
        return new CaptureFilter(null, null, null);
    }

    public boolean inRange(Instant captured) {
        if (from != null && captured.isBefore(from.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return false;
        }
        return to == null || captured.isBefore(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Whether a sidecar line (an article) is exported. */
    public boolean accepts(SidecarEntry e) {
        Instant captured;
        try {
            captured = Instant.parse(e.captured());
        } catch (RuntimeException ex) {
            return false;
        }
        return inRange(captured) && (jobRecordIds == null || jobRecordIds.contains(stripAngles(e.warcRecordId())));
    }

    static String stripAngles(String id) {
        if (id == null) {
            return null;
        }
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }
}
