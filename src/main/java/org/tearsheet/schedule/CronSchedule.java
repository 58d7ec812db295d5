package org.tearsheet.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A job schedule: a cron expression read in a time zone. Accepts Unix 5-field expressions
 * ({@code 15 * * * *}), Quartz 6/7-field expressions with a seconds field ({@code 0/5 * * * * ?}) and the
 * shorthands {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}.
 */
public final class CronSchedule {

    private static final Map<String, String> SHORTHANDS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *",
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime executionTime) {
        this.expression = expression;
        this.zone = zone;
        this.executionTime = executionTime;
    }

    /**
     * Parses {@code expression} in {@code zoneId}.
     *
     * @throws IllegalArgumentException with a message for humans when the expression or zone is invalid
     */
    public static CronSchedule parse(String expression, String zoneId) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty cron expression");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId == null ? "UTC" : zoneId);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + zoneId + "' (use an IANA id such as Europe/London)");
        }
        String text = expression.trim();
        String expanded = SHORTHANDS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
        int fields = expanded.split("\\s+").length;
        CronType type;
        if (fields == 5) {
            type = CronType.UNIX;
        } else if (fields == 6 || fields == 7) {
            type = CronType.QUARTZ;
        } else {
            throw new IllegalArgumentException("cron expression '" + text + "' has " + fields
                    + " fields; use 5 (Unix: min hour day month weekday) or 6-7 (Quartz: sec min hour day month weekday [year])");
        }
        Cron cron;
        try {
            cron = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(type)).parse(expanded);
            cron.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + (type == CronType.UNIX ? "Unix" : "Quartz")
                    + " cron expression '" + text + "': " + e.getMessage());
        }
        return new CronSchedule(text, zone, ExecutionTime.forCron(cron));
    }

    /** The first firing strictly after {@code after}, or empty when the expression never fires again. */
    public Optional<Instant> nextAfter(Instant after) {
        return executionTime.nextExecution(after.atZone(zone)).map(t -> t.toInstant());
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return expression + " (" + zone + ")";
    }
}
