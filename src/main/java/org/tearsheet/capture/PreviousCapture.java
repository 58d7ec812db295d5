package org.tearsheet.capture;

import java.time.Instant;

/**
 * What is known about the last capture of a URL, so a recapture can be conditional and deduplicated.
 *
 * @param etag          ETag of the last capture (sent as If-None-Match), may be null
 * @param lastModified  Last-Modified of the last capture (sent as If-Modified-Since), may be null
 * @param payloadDigest WARC-Payload-Digest of the last full response ("sha1:BASE32")
 * @param capturedAt    WARC-Date of the last full response (for WARC-Refers-To-Date)
 * @param targetUri     WARC-Target-URI of the last full response (for WARC-Refers-To-Target-URI)
 * @param warcRecordId  WARC-Record-ID of the last full response (for WARC-Refers-To)
 */
public record PreviousCapture(String etag, String lastModified, String payloadDigest, Instant capturedAt,
                              String targetUri, String warcRecordId) {
}
