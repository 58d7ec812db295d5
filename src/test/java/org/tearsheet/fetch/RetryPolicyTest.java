package org.tearsheet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));
    final Instant now = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void retryAfterSecondsAndHttpDateAreHonouredAndCapped() {
        assertThat(policy.delayAfter(1, "2", now)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(1, "Sun, 29 Nov 2026 10:00:03 GMT", now)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(1, "3600", now)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(1, "Sun, 29 Nov 2026 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
    }

    @Test
    void backoffDoublesWithJitterWithinBounds() {
        for (int i = 0; i < 50; i++) {
            assertThat(policy.delayAfter(1, null, now).toMillis()).isBetween(50L, 100L);
            assertThat(policy.delayAfter(3, "garbage", now).toMillis()).isBetween(200L, 400L);
            assertThat(policy.delayAfter(30, null, now).toMillis()).isBetween(2500L, 5000L);
        }
    }

    @Test
    void onlyServerErrorsAndTooManyRequestsAreRetryable() {
        assertThat(RetryPolicy.retryableStatus(500)).isTrue();
        assertThat(RetryPolicy.retryableStatus(503)).isTrue();
        assertThat(RetryPolicy.retryableStatus(429)).isTrue();
        assertThat(RetryPolicy.retryableStatus(404)).isFalse();
        assertThat(RetryPolicy.retryableStatus(200)).isFalse();
    }
}
