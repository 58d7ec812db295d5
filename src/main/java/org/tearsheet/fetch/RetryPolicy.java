package org.tearsheet.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try an exchange again and how long to wait: connection failures, 5xx and 429 are retried with
 * exponential backoff and full jitter; a server's Retry-After is honoured, capped at the maximum delay.
 *
 * @param retries   extra attempts after the first
 * @param baseDelay first backoff delay (doubled per attempt)
 * @param maxDelay  cap on any one wait, including Retry-After
 */
public record RetryPolicy(int retries, Duration baseDelay, Duration maxDelay) {

    /** Whether a response with {@code status} is worth retrying. */
    public static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /**
     * The wait before attempt {@code attempt + 1} ({@code attempt} counts from 1).
     *
     * @param retryAfter the Retry-After header of the last response, or {@code null}
     */
    public Duration delayAfter(int attempt, String retryAfter, Instant now) {
        Duration fromServer = parseRetryAfter(retryAfter, now);
        if (fromServer != null) {
            return min(fromServer, maxDelay);
        }
        long base = Math.max(1, baseDelay.toMillis());
        long exp = base << Math.min(20, attempt - 1);
        long capped = Math.min(exp, maxDelay.toMillis());
        // Half fixed, half random: spreads retries of many workers without ever retrying instantly.
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** Retry-After as delta-seconds or an HTTP-date; {@code null} when absent or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
