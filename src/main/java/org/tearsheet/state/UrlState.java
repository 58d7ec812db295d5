package org.tearsheet.state;

import java.time.Instant;
import org.tearsheet.capture.Outcome;
import org.tearsheet.capture.PreviousCapture;

/**
 * What a job knows about one article URL. Only durable results are reflected here: a capture counts once
 * the WARC holding it has been closed.
 *
 * @param job              job name
 * @param url              the URL as first discovered (what is fetched)
 * @param canonical        the dedupe key
 * @param source           the seed that first led to it
 * @param firstSeen        when it was first discovered
 * @param lastSeen         when a run last discovered it
 * @param published        date from the feed or sitemap, when given
 * @param lastAttempt      when it was last queued for capture, null if never
 * @param lastOutcome      outcome of the last finished attempt, null while none has finished durably
 * @param attempts         how many runs queued it
 * @param lastCapture      time of the last durable capture or revisit
 * @param status           HTTP status of the last finished attempt (0 when none)
 * @param paywall          paywall verdict status of the last finished attempt (none/full/truncated/blocked), or null
 * @param textSha256       text digest of the last full capture
 * @param etag             ETag for conditional recapture
 * @param lastModified     Last-Modified for conditional recapture
 * @param warcFile         WARC file holding the last full response
 * @param warcRecordId     record id of the last full response
 * @param payloadDigest    payload digest of the last full response
 * @param capturedAt       WARC-Date of the last full response
 * @param targetUri        WARC-Target-URI of the last full response
 * @param retryFingerprint for a truncated capture skipped with retry_later: fingerprint of the credentials
 *                         configured for its site at that time (never the credentials themselves)
 */
public record UrlState(
        String job,
        String url,
        String canonical,
        String source,
        Instant firstSeen,
        Instant lastSeen,
        Instant published,
        Instant lastAttempt,
        Outcome lastOutcome,
        int attempts,
        Instant lastCapture,
        int status,
        String paywall,
        String textSha256,
        String etag,
        String lastModified,
        String warcFile,
        String warcRecordId,
        String payloadDigest,
        Instant capturedAt,
        String targetUri,
        String retryFingerprint) {

    /** Whether a full response of this URL has been durably captured. */
    public boolean hasFullCapture() {
        return warcRecordId != null;
    }

    /** The last full capture, for a conditional recapture; null when there is none. */
    public PreviousCapture previousCapture() {
        return hasFullCapture()
                ? new PreviousCapture(etag, lastModified, payloadDigest, capturedAt, targetUri, warcRecordId)
                : null;
    }
}
