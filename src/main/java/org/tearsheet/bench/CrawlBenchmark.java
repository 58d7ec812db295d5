package org.tearsheet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.CaptureService;
import org.tearsheet.capture.Outcome;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.ConfigLoader;
import org.tearsheet.config.JobConfig;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.crawl.CaptureSetup;
import org.tearsheet.crawl.JobRunner;
import org.tearsheet.crawl.RunObserver;
import org.tearsheet.crawl.RunReport;
import org.tearsheet.index.ArchiveUpkeep;
import org.tearsheet.schedule.StopSignal;
import org.tearsheet.state.SqliteStateStore;

/**
 * The scheduled-crawl benchmark: one job discovers a local site from its sitemap index and feeds and captures
 * every article (run 1), then runs again over the unchanged site (run 2: every request conditional, every
 * result a revisit record). Reports articles/s, peak RSS per run and the state database size.
 */
public final class CrawlBenchmark {

    /** Figures of one run. */
    public record RunFigures(RunReport report, double seconds, long peakRssKiB, int revisitRecords) {
        public double articlesPerSecond() {
            return seconds > 0 ? report.outcomes().values().stream().mapToInt(Integer::intValue).sum() / seconds : 0;
        }
    }

    private final TearsheetConfig config;
    private final CaptureSetup captureSetup;

    /**
     * A job over {@code base}'s sitemap and feeds, writing to {@code archiveDir}, {@code concurrency} requests at
     * once; {@code extract} and {@code paywall} switch those pipeline stages (the paywall detector needs extraction).
     */
    public CrawlBenchmark(String base, Path archiveDir, int concurrency, boolean extract, boolean paywall)
            throws ConfigException {
        this.captureSetup = paywall ? CaptureSetup.standard()
                : c -> CaptureService.builder(c).warcClosedListener(ArchiveUpkeep.listener(c.archive().dir()));
        this.config = new ConfigLoader().parse("""
                archive: {dir: "%1$s"}
                extraction: {enabled: %4$s}
                fetch: {politeness_delay: 0s, per_host_concurrency: %2$d, global_concurrency: %2$d, retries: 1}
                jobs:
                  - name: bench
                    seeds:
                      sitemaps: ["%3$s/sitemap.xml"]
                      feeds: ["%3$s/feeds/latest.xml", "%3$s/feeds/atom.xml"]
                    max_articles: 1000000
                    recapture: {policy: when_changed}
                """.formatted(archiveDir, concurrency, base, extract), "bench-crawl");
    }

    public TearsheetConfig config() {
        return config;
    }

    /** Runs the job once, with the process's peak RSS reset first so the figure belongs to this run. */
    public RunFigures run(Consumer<String> log) throws IOException {
        ProcessMemory.resetPeak();
        Set<Path> before = warcFiles();
        JobConfig job = config.jobs().get(0);
        long t0 = System.nanoTime();
        RunReport report;
        try (SqliteStateStore store = SqliteStateStore.open(config.archive().dir())) {
            report = new JobRunner(config, store, captureSetup, new Progress(log), Clock.systemUTC())
                    .run(job, new StopSignal());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rss = ProcessMemory.peakRssKiB();
        Set<Path> written = warcFiles();
        written.removeAll(before);
        return new RunFigures(report, seconds, rss, countRevisits(written));
    }

    /** Size of state.db plus its write-ahead log. */
    public long stateBytes() throws IOException {
        long total = 0;
        for (String name : List.of(SqliteStateStore.FILE_NAME, SqliteStateStore.FILE_NAME + "-wal")) {
            Path p = config.archive().dir().resolve(name);
            if (Files.exists(p)) {
                total += Files.size(p);
            }
        }
        return total;
    }

    private Set<Path> warcFiles() throws IOException {
        if (!Files.isDirectory(config.archive().dir())) {
            return new java.util.HashSet<>();
        }
        try (Stream<Path> s = Files.list(config.archive().dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).collect(Collectors.toSet());
        }
    }

    private static int countRevisits(Set<Path> warcs) throws IOException {
        int n = 0;
        for (Path warc : warcs) {
            try (WarcReader reader = new WarcReader(warc)) {
                for (WarcRecord r : reader) {
                    if (r.type().equals("revisit")) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** A line every 1000 articles instead of one per article. */
    private static final class Progress implements RunObserver {
        private final Consumer<String> log;

        Progress(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public void discovered(String job, int discovered, int queued, int seedErrors) {
            log.accept("  discovered " + discovered + ", queued " + queued
                    + (seedErrors == 0 ? "" : ", " + seedErrors + " seed error(s)"));
        }

        @Override
        public void captured(String job, CaptureResult result, int done, int queued) {
            if (done % 1000 == 0 || result.outcome() == Outcome.FAILED) {
                log.accept("  " + done + "/" + queued + (result.outcome() == Outcome.FAILED
                        ? " failed: " + result.requestedUrl() + " " + result.error() : ""));
            }
        }

        @Override
        public void finished(RunReport report) {
            log.accept("  " + report.summary());
        }
    }
}
