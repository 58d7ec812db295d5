package org.tearsheet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tearsheet.extract.Article;
import org.tearsheet.extract.Extractor;
import org.tearsheet.extract.Extractors;
import org.tearsheet.extract.HtmlDecoder;
import org.tearsheet.extract.HtmlPage;
import org.tearsheet.paywall.PaywallDetector;
import org.tearsheet.paywall.PaywallDetectors;
import org.tearsheet.paywall.PaywallInput;

/**
 * Cost of the paywall verdict next to the cost of extraction, on the same pages in the same run:
 * {@code java -cp target/tearsheet.jar org.tearsheet.bench.PaywallBenchmark DIR [rounds]} with DIR a folder of
 * {@code .html} files (e.g. shared/paywall-dev). When {@code DIR/../extraction-dev/html} exists its real news
 * pages ({@code .html.gz}) are timed too. Also times a large synthetic page and a pathological one (a 90 kB
 * unbroken word), to show the detector scales with page size. Extraction and verdict alternate page by page so
 * that load from other processes hits both alike; times are thread CPU time (and wall clock in brackets).
 */
public final class PaywallBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PaywallBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/paywall-dev");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<HtmlPage> pages = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                pages.add(HtmlDecoder.decode(Files.readAllBytes(p), "https://bench.invalid/" + p.getFileName(), null));
            }
        }
        List<HtmlPage> news = new ArrayList<>();
        for (PaywallVerdicts.Page p : PaywallVerdicts.extractionPages(dir.toAbsolutePath().getParent()
                .resolve("extraction-dev"))) {
            news.add(HtmlDecoder.decode(p.bytes(), p.url(), "text/html"));
        }
        report("paywall-dev pages (" + pages.size() + "), " + rounds + " rounds", pages, rounds);
        if (!news.isEmpty()) {
            int newsRounds = Math.max(1, rounds / 4);
            report("extraction-dev news pages (" + news.size() + "), " + newsRounds + " rounds", news, newsRounds);
        }
        HtmlPage large = large();
        report("one large page (" + large.document().html().length() / 1024 + " KiB), 3 rounds", List.of(large), 3);
        HtmlPage word = longWord();
        report("one page with a 90 kB unbroken word, 3 rounds", List.of(word), 3);
    }

    private static void report(String label, List<HtmlPage> pages, int rounds) {
        Extractor extractor = Extractors.standard();
        PaywallDetector detector = PaywallDetectors.standard();
        List<Article> articles = new ArrayList<>();
        for (HtmlPage p : pages) {
            articles.add(extractor.extract(p));
        }
        for (int warm = 0; warm < 2; warm++) {
            time(pages, articles, extractor, detector, 1);
        }
        long[] t = time(pages, articles, extractor, detector, rounds);
        double n = (double) pages.size() * rounds;
        System.out.printf(Locale.ROOT, "%s:%n  extract %.2f ms/page (wall %.2f), paywall verdict %.2f ms/page "
                        + "(wall %.2f), verdict/extract = %.2f (CPU), %.2f (wall)%n",
                label, t[0] / 1e6 / n, t[2] / 1e6 / n, t[1] / 1e6 / n, t[3] / 1e6 / n,
                t[1] / (double) t[0], t[3] / (double) t[2]);
    }

    /** Thread CPU nanoseconds of extraction and verdict, then wall nanoseconds of both. */
    private static long[] time(List<HtmlPage> pages, List<Article> articles, Extractor extractor,
                               PaywallDetector detector, int rounds) {
        long ex = 0;
        long det = 0;
        long exWall = 0;
        long detWall = 0;
        int sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < pages.size(); i++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                sink += extractor.extract(pages.get(i)).wordCount();
                long c1 = THREADS.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                sink += detector.detect(new PaywallInput(pages.get(i), articles.get(i), 200,
                        List.of(pages.get(i).url()), false)).signals().size();
                det += THREADS.getCurrentThreadCpuTime() - c1;
                detWall += System.nanoTime() - t1;
                ex += c1 - c0;
                exWall += t1 - t0;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new long[] {ex, det, exWall, detWall};
    }

    /** A 2000-paragraph article with navigation, a sidebar and a barrier: worst-case-ish size. */
    private static HtmlPage large() {
        StringBuilder sb = new StringBuilder("<!doctype html><html><head><title>Long</title><script type="
                + "\"application/ld+json\">{\"isAccessibleForFree\":false}</script></head><body><nav>");
        for (int i = 0; i < 200; i++) {
            sb.append("<a href=/s").append(i).append(">Section ").append(i).append("</a>");
        }
        sb.append("</nav><main><article><h1>Long read</h1><div class=body>");
        for (int i = 0; i < 2000; i++) {
            sb.append("<p>Paragraph ").append(i).append(" of a very long report on harbour dredging, the budget")
                    .append(" and the ferry timetable, with enough words to count as article prose.</p>");
        }
        sb.append("<div class=paywall><p>Subscribe to continue reading</p><a href=/s>Subscribe</a></div>")
                .append("</div></article><aside><ul>");
        for (int i = 0; i < 300; i++) {
            sb.append("<li><span class=badge-premium>Premium</span><a href=/r").append(i).append(">Related ")
                    .append(i).append("</a></li>");
        }
        sb.append("</ul></aside></main></body></html>");
        return HtmlDecoder.decode(sb.toString().getBytes(StandardCharsets.UTF_8),
                "https://bench.invalid/large", "text/html; charset=utf-8");
    }

    /** An article whose paragraphs include one 90 kB unbroken word, next to a barrier. */
    private static HtmlPage longWord() {
        StringBuilder sb = new StringBuilder("<!doctype html><html><head><title>Word</title></head><body><main>"
                + "<article><h1>A very long word</h1>");
        for (int i = 0; i < 20; i++) {
            sb.append("<p>Paragraph ").append(i).append(" of a report on harbour dredging and the ferry timetable,")
                    .append(" with enough words to count as article prose.</p>");
        }
        sb.append("<p>").append("abcdefghij".repeat(9000)).append("</p>");
        sb.append("<div class=paywall><p>Subscribe to continue reading</p><a href=/s>Subscribe</a></div>")
                .append("</article></main></body></html>");
        return HtmlDecoder.decode(sb.toString().getBytes(StandardCharsets.UTF_8),
                "https://bench.invalid/word", "text/html; charset=utf-8");
    }
}
