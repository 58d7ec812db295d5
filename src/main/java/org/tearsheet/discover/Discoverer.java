package org.tearsheet.discover;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import okhttp3.Interceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.JobConfig;

/**
 * Finds a job's articles: reads its seeds (urls, feeds, sitemaps, pages one level deep), resolves links,
 * applies scope (not to explicit {@code urls}) and lookback, and deduplicates by canonical URL keeping the first occurrence (seed order:
 * urls, feeds, sitemaps, pages). A seed that fails is reported in {@link Discovery#errors()}; the others count.
 */
public final class Discoverer {

    private static final Logger LOG = LoggerFactory.getLogger(Discoverer.class);

    private final FetchSettings fetch;
    private final BooleanSupplier stopRequested;
    private final Interceptor credentials;

    /** A discoverer that reads every seed. */
    public Discoverer(FetchSettings fetch) {
        this(fetch, () -> false);
    }

    /** A discoverer that stops fetching seed documents once {@code stopRequested} turns true (what it found counts). */
    public Discoverer(FetchSettings fetch, BooleanSupplier stopRequested) {
        this(fetch, stopRequested, null);
    }

    /**
     * As above, sending the operator's subscriber credentials with seed requests (feeds and sitemaps behind a
     * login): {@code credentials} runs once per hop, so a redirect to another host never carries them.
     *
     * @param credentials e.g. {@code SubscriberAccess.interceptor()}, or {@code null} for none
     */
    public Discoverer(FetchSettings fetch, BooleanSupplier stopRequested, Interceptor credentials) {
        this.fetch = fetch;
        this.stopRequested = stopRequested;
        this.credentials = credentials;
    }

    /** Discovers the articles of {@code job} as of {@code now} (for lookback). Never throws for seed trouble. */
    public Discovery discover(JobConfig job, Instant now) {
        Scope scope = Scope.of(job);
        Collector collector = new Collector(scope, now);
        List<String> errors = new ArrayList<>();
        try (SeedFetcher fetcher = new SeedFetcher(fetch, job.hosts(), stopRequested, credentials)) {
            readSeeds(job, fetcher, collector, errors);
        } catch (SeedFetcher.StoppedException e) {
            LOG.info("job {}: stop requested during discovery; keeping the {} URLs found so far", job.name(),
                    collector.found.size());
        }
        errors.forEach(e -> LOG.warn("job {}: seed unreadable: {}", job.name(), e));
        return new Discovery(new ArrayList<>(collector.found.values()), collector.outOfScope, collector.tooOld, errors);
    }

    private static void readSeeds(JobConfig job, SeedFetcher fetcher, Collector collector, List<String> errors)
            throws SeedFetcher.StoppedException {
        for (String url : job.seeds().urls()) {
            collector.add(url, null, "url", false);
        }
        for (String feed : job.seeds().feeds()) {
            try {
                SeedFetcher.Document doc = fetcher.get(feed);
                for (FeedReader.Item item : FeedReader.read(doc.body(), doc.url())) {
                    collector.add(item.url(), item.date(), "feed:" + feed, true);
                }
            } catch (SeedFetcher.StoppedException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                errors.add("feed " + feed + ": " + message(e));
            }
        }
        SitemapReader sitemaps = new SitemapReader(fetcher);
        for (String sitemap : job.seeds().sitemaps()) {
            try {
                for (FeedReader.Item item : sitemaps.read(sitemap, errors)) {
                    collector.add(item.url(), item.date(), "sitemap:" + sitemap, true);
                }
            } catch (SeedFetcher.StoppedException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                errors.add("sitemap " + sitemap + ": " + message(e));
            }
        }
        for (String page : job.seeds().pages()) {
            try {
                SeedFetcher.Document doc = fetcher.get(page);
                for (String link : PageLinks.read(doc.body(), doc.url())) {
                    collector.add(link, null, "page:" + page, true);
                }
            } catch (SeedFetcher.StoppedException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                errors.add("page " + page + ": " + message(e));
            }
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Dedupes by canonical key; a later sighting fills in a date the first one lacked. */
    private static final class Collector {
        private final Scope scope;
        private final Instant now;
        private final Map<String, DiscoveredUrl> found = new LinkedHashMap<>();
        private final java.util.Set<String> dropped = new java.util.HashSet<>();
        private int outOfScope;
        private int tooOld;

        Collector(Scope scope, Instant now) {
            this.scope = scope;
            this.now = now;
        }

        /** {@code checkScope} is false for explicit article URLs: the operator asked for them by name. */
        void add(String url, Instant date, String source, boolean checkScope) {
            if (!UrlCanonicalizer.isHttpUrl(url)) {
                return;
            }
            String key = UrlCanonicalizer.canonical(url);
            DiscoveredUrl existing = found.get(key);
            if (existing != null) {
                if (existing.published() == null && date != null) {
                    if (!scope.recentEnough(date, now)) {
                        found.remove(key);
                        dropped.add(key);
                        tooOld++;
                    } else {
                        found.put(key, new DiscoveredUrl(existing.url(), key, existing.source(), date));
                    }
                }
                return;
            }
            if (dropped.contains(key)) {
                return;
            }
            if (checkScope && !scope.accepts(url)) {
                dropped.add(key);
                outOfScope++;
            } else if (!scope.recentEnough(date, now)) {
                dropped.add(key);
                tooOld++;
            } else {
                found.put(key, new DiscoveredUrl(url, key, source, date));
            }
        }
    }
}
