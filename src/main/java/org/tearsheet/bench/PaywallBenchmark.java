package org.tearsheet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * {@code .html} files (e.g. shared/paywall-dev). Also times one large synthetic page to show the detector scales
 * with page size. Prints milliseconds per page and the detector/extractor ratio.
 */
public final class PaywallBenchmark {

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
        report("dev pages (" + pages.size() + ")", pages, rounds);
        report("one large page (" + large().document().html().length() / 1024 + " KiB)", List.of(large()), 3);
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
        System.out.printf("%s: extract %.2f ms/page, paywall verdict %.2f ms/page, verdict/extract = %.2f%n",
                label, t[0] / 1e6 / n, t[1] / 1e6 / n, t[1] / (double) t[0]);
    }

    private static long[] time(List<HtmlPage> pages, List<Article> articles, Extractor extractor,
                               PaywallDetector detector, int rounds) {
        long ex = 0;
        long det = 0;
        int sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < pages.size(); i++) {
                long t0 = System.nanoTime();
                sink += extractor.extract(pages.get(i)).wordCount();
                long t1 = System.nanoTime();
                sink += detector.detect(new PaywallInput(pages.get(i), articles.get(i), 200,
                        List.of(pages.get(i).url()), false)).signals().size();
                det += System.nanoTime() - t1;
                ex += t1 - t0;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new long[] {ex, det};
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
        return HtmlDecoder.decode(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "https://bench.invalid/large", "text/html; charset=utf-8");
    }
}
