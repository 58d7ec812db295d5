package org.tearsheet.state;

import java.time.Instant;
import org.tearsheet.capture.Outcome;

/**
 * One capture or revisit written to the archive for a job, as listed by {@code tearsheet history}.
 *
 * @param job           job name
 * @param url           the URL as requested
 * @param finalUrl      the URL after redirects
 * @param capturedAt    when the response was received
 * @param outcome       {@link Outcome#CAPTURED} or {@link Outcome#REVISIT}
 * @param status        HTTP status
 * @param warcFile      WARC file name
 * @param warcRecordId  record id of the response or revisit record
 * @param payloadDigest payload digest
 * @param textSha256    sha256 of the extracted text (captures only)
 * @param title         extracted title (captures only)
 * @param paywall       paywall verdict status, or null
 */
public record CaptureRecord(
        String job,
        String url,
        String finalUrl,
        Instant capturedAt,
        Outcome outcome,
        int status,
        String warcFile,
        String warcRecordId,
        String payloadDigest,
        String textSha256,
        String title,
        String paywall) {
}
