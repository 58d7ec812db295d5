package org.tearsheet.discover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.tearsheet.config.JobConfig;

/**
 * A job's article scope: include regexes (any must match; none configured = all URLs), exclude regexes
 * (any match drops), and lookback (dated items older than it are dropped; undated items are kept).
 */
public final class Scope {

    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final Duration lookback;

    Scope(List<String> include, List<String> exclude, Duration lookback) {
        this.include = include.stream().map(Pattern::compile).toList();
        this.exclude = exclude.stream().map(Pattern::compile).toList();
        this.lookback = lookback;
    }

    /** The scope configured for {@code job}. */
    public static Scope of(JobConfig job) {
        return new Scope(job.include(), job.exclude(), job.lookback());
    }

    /** Whether the URL passes the include and exclude rules. */
    public boolean accepts(String url) {
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(url).find())) {
            return false;
        }
        return exclude.stream().noneMatch(p -> p.matcher(url).find());
    }

    /** Whether an item dated {@code published} is within the lookback at {@code now}. */
    public boolean recentEnough(Instant published, Instant now) {
        return lookback == null || published == null || !published.isBefore(now.minus(lookback));
    }
}
