package org.tearsheet.capture;

/**
 * One URL to capture.
 *
 * @param url         the URL as discovered or given; fetched exactly as written
 * @param previous    the last capture of this URL, making the request conditional; {@code null} for a first capture
 * @param job         job name for logs and warcinfo, {@code null} for ad-hoc captures
 * @param onTruncated what to do when the paywall verdict is {@code truncated}
 */
public record CaptureRequest(String url, PreviousCapture previous, String job, TruncatedPolicy onTruncated) {

    public CaptureRequest {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url is required");
        }
        onTruncated = onTruncated == null ? TruncatedPolicy.KEEP : onTruncated;
    }

    /** A first, unconditional capture of {@code url}. */
    public static CaptureRequest of(String url) {
        return new CaptureRequest(url, null, null, TruncatedPolicy.KEEP);
    }

    /**
     * What to do with a capture whose paywall verdict is {@code truncated}. KEEP records it (the teaser is still
     * evidence of what was published); SKIP and RETRY_LATER write nothing and report {@link Outcome#SKIPPED}
     * (RETRY_LATER tells the job to try again once the operator's credentials change).
     */
    public enum TruncatedPolicy { KEEP, SKIP, RETRY_LATER }
}
