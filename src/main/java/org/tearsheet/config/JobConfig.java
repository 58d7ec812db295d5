package org.tearsheet.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One scheduled archival job: where to discover articles, which to keep, when to run.
 *
 * @param name        unique job name (used in state, locks, logs)
 * @param schedule    cron expression (Unix 5-field, or Quartz 6/7-field)
 * @param timeZone    zone the schedule is read in (IANA id, default UTC)
 * @param seeds       where articles are discovered
 * @param include     URL regexes an article must match (any); empty = all
 * @param exclude     URL regexes that drop an article (any)
 * @param maxArticles cap on articles captured per run
 * @param lookback    ignore feed/sitemap items older than this
 * @param recapture   when an already captured article is fetched again
 * @param onTruncated keep | skip | retry_later for truncated paywall verdicts
 * @param hosts       politeness overrides per host for this job's captures (win over {@code fetch.hosts})
 */
public record JobConfig(
        String name,
        String schedule,
        String timeZone,
        Seeds seeds,
        List<String> include,
        List<String> exclude,
        Integer maxArticles,
        Duration lookback,
        Recapture recapture,
        String onTruncated,
        Map<String, FetchSettings.HostOverride> hosts) {

    public JobConfig {
        timeZone = timeZone == null ? "UTC" : timeZone;
        seeds = seeds == null ? new Seeds(null, null, null, null) : seeds;
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        maxArticles = maxArticles == null ? 1000 : maxArticles;
        recapture = recapture == null ? new Recapture(null, null) : recapture;
        onTruncated = onTruncated == null ? "keep" : onTruncated;
        hosts = hosts == null ? Map.of() : Map.copyOf(hosts);
    }

    /** A job without per-host overrides (the original shape of this record). */
    public JobConfig(String name, String schedule, String timeZone, Seeds seeds, List<String> include,
                     List<String> exclude, Integer maxArticles, Duration lookback, Recapture recapture,
                     String onTruncated) {
        this(name, schedule, timeZone, seeds, include, exclude, maxArticles, lookback, recapture, onTruncated, null);
    }

    /** Discovery sources of a job. */
    public record Seeds(List<String> urls, List<String> feeds, List<String> sitemaps, List<String> pages) {
        public Seeds {
            urls = urls == null ? List.of() : List.copyOf(urls);
            feeds = feeds == null ? List.of() : List.copyOf(feeds);
            sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
            pages = pages == null ? List.of() : List.copyOf(pages);
        }
    }

    /**
     * Recapture policy.
     *
     * @param policy never | after | when_changed
     * @param after  with {@code after}: refetch once the last capture is older than this
     */
    public record Recapture(String policy, Duration after) {
        public Recapture {
            policy = policy == null ? "when_changed" : policy;
        }
    }
}
