package org.tearsheet.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tearsheet.bench.CrawlBenchmark;
import org.tearsheet.bench.RunFigures;
import org.tearsheet.bench.WgetBaseline;
import org.tearsheet.capture.Outcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Discover and capture a local site from its sitemap and feed, twice (second run: conditional). */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Discover and capture a local site from its sitemap and feeds, twice (second run: conditional).",
            "Serve ../shared/tools/bench-site first (see docs/performance.md, 'Scheduled crawl').",
            "Baseline: wget --warc-file on the site's urls.txt in the same run."})
public final class BenchCrawlCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--base", defaultValue = "http://127.0.0.1:8092", description = "Base URL of the served bench site (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--out", description = "Archive folder for the run (default: a new folder under /tmp).")
    Path out;

    @Option(names = "--concurrency", defaultValue = "8", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--no-wget", description = "Skip the wget baseline.")
    boolean noWget;

    @Option(names = "--no-paywall", description = "Capture without the paywall detector (its cost is the capture benchmark's subject).")
    boolean noPaywall;

    @Option(names = "--no-extract", description = "Capture without extraction (WARC only; implies --no-paywall).")
    boolean noExtract;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Path dir = out != null ? out : Files.createTempDirectory("tearsheet-bench-crawl-");
        CrawlBenchmark bench = new CrawlBenchmark(base, dir.resolve("archive"), concurrency, !noExtract,
                !noExtract && !noPaywall);
        w.printf(Locale.ROOT, "bench crawl: %s (sitemap index + RSS + Atom), concurrency %d, %s, archive %s, max heap %d MiB%n",
                base, concurrency, noExtract ? "no extraction" : noPaywall ? "extraction, no paywall detector"
                        : "extraction + paywall detector", dir.resolve("archive"), Runtime.getRuntime().maxMemory() >> 20);
        w.flush();
        java.util.function.Consumer<String> log = line -> {
            w.println(line);
            w.flush();
        };

        w.println("run 1: first capture");
        CrawlBenchmark.RunFigures first = bench.run(log);
        long stateBytes = bench.stateBytes();
        int captured = first.report().count(Outcome.CAPTURED);
        w.printf(Locale.ROOT, "run 1: %d discovered, %d captured in %.1f s = %.1f articles/s; peak RSS %d MiB; state.db %.1f MiB (%.0f bytes/URL)%n",
                first.report().discovered(), captured, first.seconds(), first.articlesPerSecond(),
                first.peakRssKiB() >> 10, stateBytes / 1048576.0, stateBytes / (double) Math.max(1, first.report().discovered()));
        w.flush();

        w.println("run 2: same site, unchanged");
        CrawlBenchmark.RunFigures second = bench.run(log);
        int queued = second.report().queued();
        w.printf(Locale.ROOT, "run 2: %d queued, %d conditional (%.1f%%), %d revisit records written (%.1f%%), %d captured anew, %.1f s = %.1f articles/s; peak RSS %d MiB%n",
                queued, second.report().conditional(), pct(second.report().conditional(), queued),
                second.revisitRecords(), pct(second.revisitRecords(), queued), second.report().count(Outcome.CAPTURED),
                second.seconds(), second.articlesPerSecond(), second.peakRssKiB() >> 10);
        w.flush();

        Path wget = noWget ? null : WgetBaseline.onPath();
        if (wget != null) {
            Path urls = dir.resolve("urls.txt");
            try (InputStream in = URI.create(base + "/urls.txt").toURL().openStream()) {
                Files.copy(in, urls);
            }
            int pages = (int) Files.lines(urls).filter(l -> !l.isBlank()).count();
            w.println("baseline: wget --warc-file on " + pages + " URLs of urls.txt");
            w.flush();
            RunFigures wf = new WgetBaseline(wget).run(urls, dir.resolve("wget"), pages);
            w.printf(Locale.ROOT, "baseline: wget %d pages in %.1f s = %.1f pages/s; tearsheet run 1 / wget = %.2fx%n",
                    wf.captured(), wf.seconds(), wf.pagesPerSecond(), first.articlesPerSecond() / Math.max(1e-9, wf.pagesPerSecond()));
        } else {
            w.println("baseline: skipped (" + (noWget ? "--no-wget" : "no wget on PATH") + ")");
        }
        w.flush();
        boolean allRevisits = queued > 0 && second.revisitRecords() == queued && second.report().conditional() == queued;
        return allRevisits && first.report().count(Outcome.FAILED) == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    private static double pct(int part, int whole) {
        return whole == 0 ? 0 : part * 100.0 / whole;
    }
}
