package org.tearsheet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.tearsheet.extract.Extractor;
import org.tearsheet.extract.HtmlDecoder;

/**
 * Single-core extraction speed next to a whole-body-text baseline measured in the same run.
 *
 * <p>Both sides start from the same in-memory bytes. The baseline is the cheapest useful thing one can do
 * with a page: {@code Jsoup.parse} plus {@code body().text()}. The extractor side is the real pipeline:
 * {@link HtmlDecoder#decode} (charset resolution and parse) plus {@link Extractor#extract}. Rounds of the two
 * alternate so that load on a shared machine hits both alike; the median round of each is reported, by
 * thread CPU time (pages per CPU-second of one core) and by wall clock.
 */
public final class ExtractionBenchmark {

    /** Figures of one run. */
    /**
     * Figures of one run. Seconds are medians over rounds, both as thread CPU time (what one core delivers,
     * robust against other processes on a shared machine) and as wall-clock time.
     */
    public record Result(int pages, long bytes, int rounds, double baselineCpuSeconds, double extractCpuSeconds,
                         double baselineWallSeconds, double extractWallSeconds) {

        public double baselinePagesPerSecond() {
            return pages / baselineCpuSeconds;
        }

        public double extractPagesPerSecond() {
            return pages / extractCpuSeconds;
        }

        public double baselineMegabytesPerSecond() {
            return bytes / 1e6 / baselineCpuSeconds;
        }

        public double extractMegabytesPerSecond() {
            return bytes / 1e6 / extractCpuSeconds;
        }

        /** Extraction speed as a fraction of the baseline's (1.0 = as fast as body().text()), by CPU time. */
        public double ratio() {
            return baselineCpuSeconds / extractCpuSeconds;
        }

        public String report() {
            return String.format(Locale.ROOT,
                    "pages %d, %.1f MB of HTML, median of %d rounds, 1 thread%n"
                            + "                                         per CPU-second of one core   wall clock%n"
                            + "baseline (Jsoup parse + body().text()): %8.1f pages/s %7.2f MB/s   %8.1f pages/s%n"
                            + "extract  (decode + parse + extract):    %8.1f pages/s %7.2f MB/s   %8.1f pages/s%n"
                            + "ratio extract/baseline: %.2fx (CPU), %.2fx (wall)",
                    pages, bytes / 1e6, rounds,
                    baselinePagesPerSecond(), baselineMegabytesPerSecond(), pages / baselineWallSeconds,
                    extractPagesPerSecond(), extractMegabytesPerSecond(), pages / extractWallSeconds,
                    ratio(), baselineWallSeconds / extractWallSeconds);
        }
    }

    private final Extractor extractor;
    private final int warmupRounds;
    private final int rounds;

    public ExtractionBenchmark(Extractor extractor, int warmupRounds, int rounds) {
        this.extractor = extractor;
        this.warmupRounds = Math.max(0, warmupRounds);
        this.rounds = Math.max(1, rounds);
    }

    /** Loads every .html/.htm file (optionally .gz) under {@code dir}, decompressed, sorted by path. */
    public static List<byte[]> loadPages(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz") || n.endsWith(".htm.gz");
            }).sorted().toList();
        }
        List<byte[]> pages = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = f.toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                pages.add(in.readAllBytes());
            }
        }
        return pages;
    }

    public Result run(List<byte[]> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no HTML pages to benchmark");
        }
        long bytes = pages.stream().mapToLong(p -> p.length).sum();
        long sink = 0;
        for (int i = 0; i < warmupRounds; i++) {
            sink += baselineRound(pages) + extractRound(pages);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] baseCpu = new double[rounds];
        double[] extractCpu = new double[rounds];
        double[] baseWall = new double[rounds];
        double[] extractWall = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += baselineRound(pages);
            long c1 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            sink += extractRound(pages);
            long c2 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            baseCpu[i] = (c1 - c0) / 1e9;
            extractCpu[i] = (c2 - c1) / 1e9;
            baseWall[i] = (t1 - t0) / 1e9;
            extractWall[i] = (t2 - t1) / 1e9;
        }
        if (sink == 42) {
            // Consumes the results so that the JIT cannot drop the work.
            System.err.print("");
        }
        return new Result(pages.size(), bytes, rounds, median(baseCpu), median(extractCpu), median(baseWall),
                median(extractWall));
    }

    private static long baselineRound(List<byte[]> pages) {
        long chars = 0;
        for (byte[] p : pages) {
            chars += Jsoup.parse(new String(p, StandardCharsets.UTF_8)).body().text().length();
        }
        return chars;
    }

    private long extractRound(List<byte[]> pages) {
        long chars = 0;
        for (byte[] p : pages) {
            chars += extractor.extract(HtmlDecoder.decode(p, null, null)).text().length();
        }
        return chars;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
