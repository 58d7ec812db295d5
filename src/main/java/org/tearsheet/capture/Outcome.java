package org.tearsheet.capture;

/** How the capture of one URL ended; stored in the state database and counted in run summaries. */
public enum Outcome {
    /** Full response recorded (any HTTP status, including 4xx/5xx that were final). */
    CAPTURED,
    /** Recapture found the payload unchanged (304, or same payload digest): a revisit record was written. */
    REVISIT,
    /** robots.txt forbids the URL; nothing was fetched. */
    ROBOTS_DENIED,
    /** Policy decided not to keep it (e.g. on_truncated: skip, out of scope). */
    SKIPPED,
    /** No usable response after retries: connection errors, timeouts, redirect loops, too many redirects. */
    FAILED;

    public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
