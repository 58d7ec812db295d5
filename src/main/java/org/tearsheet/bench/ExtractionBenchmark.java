package org.tearsheet.bench;

import java.io.IOException;
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
 * alternate so that load on a shared machine hits both alike; the median round of each is reported.
 */
public final class ExtractionBenchmark {

    /** Figures of one run. */
    public record Result(int pages, long bytes, int rounds, double baselineSeconds, double extractSeconds) {

        public double baselinePagesPerSecond() {
            return pages / baselineSeconds;
        }

        public double extractPagesPerSecond() {
            return pages / extractSeconds;
        }

        public double baselineMegabytesPerSecond() {
            return bytes / 1e6 / baselineSeconds;
        }

        public double extractMegabytesPerSecond() {
            return bytes / 1e6 / extractSeconds;
        }

        /** Extraction speed as a fraction of the baseline's (1.0 = as fast as body().text()). */
        public double ratio() {
            return baselineSeconds / extractSeconds;
        }

        public String report() {
            return String.format(Locale.ROOT,
                    "pages %d, %.1f MB of HTML, median of %d rounds, 1 thread%n"
                            + "baseline (Jsoup parse + body().text()): %8.1f pages/s %7.2f MB/s%n"
                            + "extract  (decode + parse + extract):    %8.1f pages/s %7.2f MB/s%n"
                            + "ratio extract/baseline: %.2fx",
                    pages, bytes / 1e6, rounds, baselinePagesPerSecond(), baselineMegabytesPerSecond(),
                    extractPagesPerSecond(), extractMegabytesPerSecond(), ratio());
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
        double[] base = new double[rounds];
        double[] extract = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            sink += baselineRound(pages);
            long t1 = System.nanoTime();
            sink += extractRound(pages);
            long t2 = System.nanoTime();
            base[i] = (t1 - t0) / 1e9;
            extract[i] = (t2 - t1) / 1e9;
        }
        if (sink == 42) {
            // Consumes the results so that the JIT cannot drop the work.
            System.err.print("");
        }
        return new Result(pages.size(), bytes, rounds, median(base), median(extract));
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
