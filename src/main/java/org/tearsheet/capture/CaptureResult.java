package org.tearsheet.capture;

import java.time.Instant;
import java.util.List;
import org.tearsheet.paywall.PaywallVerdict;

/**
 * The result of capturing one URL (with its redirects). Values that do not apply are {@code null}.
 *
 * @param requestedUrl   the URL as asked for
 * @param finalUrl       the last URL of the redirect chain
 * @param outcome        how it ended
 * @param status         HTTP status of the final response, 0 when there was none
 * @param redirectChain  every URL fetched, in order
 * @param captured       when the final response was received
 * @param warcFile       file name (no directory) of the WARC holding the final response or revisit record
 * @param warcRecordId   WARC-Record-ID of that record
 * @param warcOffset     offset of that record in the (closed) file
 * @param payloadDigest  WARC-Payload-Digest of the final response ("sha1:BASE32")
 * @param etag           ETag response header, for conditional recapture
 * @param lastModified   Last-Modified response header, for conditional recapture
 * @param textSha256     hex sha256 of the extracted text, when extracted
 * @param title          extracted title, when extracted
 * @param paywall        paywall verdict, when decided
 * @param error          why it failed or was skipped, for humans
 * @param attempts       HTTP attempts made for the final hop (1 without retries)
 */
public record CaptureResult(
        String requestedUrl,
        String finalUrl,
        Outcome outcome,
        int status,
        List<String> redirectChain,
        Instant captured,
        String warcFile,
        String warcRecordId,
        long warcOffset,
        String payloadDigest,
        String etag,
        String lastModified,
        String textSha256,
        String title,
        PaywallVerdict paywall,
        String error,
        int attempts) {

    public CaptureResult {
        redirectChain = redirectChain == null ? List.of() : List.copyOf(redirectChain);
    }
}
