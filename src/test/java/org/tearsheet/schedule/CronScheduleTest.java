package org.tearsheet.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    @Test
    void unixFiveFieldsInATimeZone() {
        CronSchedule s = CronSchedule.parse("30 6 * * *", "Europe/London");
        // 06:30 London in winter is 06:30 UTC; in summer 05:30 UTC
        assertThat(s.nextAfter(Instant.parse("2026-01-10T07:00:00Z"))).contains(Instant.parse("2026-01-11T06:30:00Z"));
        assertThat(s.nextAfter(Instant.parse("2026-07-10T00:00:00Z"))).contains(Instant.parse("2026-07-10T05:30:00Z"));
    }

    @Test
    void quartzWithSecondsAndShorthands() {
        assertThat(CronSchedule.parse("0/5 * * * * ?", "UTC").nextAfter(Instant.parse("2026-01-01T00:00:01Z")))
                .contains(Instant.parse("2026-01-01T00:00:05Z"));
        assertThat(CronSchedule.parse("@hourly", null).nextAfter(Instant.parse("2026-01-01T00:10:00Z")))
                .contains(Instant.parse("2026-01-01T01:00:00Z"));
    }

    @Test
    void invalidExpressionsSayWhy() {
        assertThatThrownBy(() -> CronSchedule.parse("* * *", "UTC")).hasMessageContaining("has 3 fields");
        assertThatThrownBy(() -> CronSchedule.parse("99 * * * *", "UTC")).hasMessageContaining("invalid Unix cron");
        assertThatThrownBy(() -> CronSchedule.parse("0 * * * *", "Nowhere/City")).hasMessageContaining("unknown time zone");
    }
}
