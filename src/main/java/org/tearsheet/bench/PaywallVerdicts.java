package org.tearsheet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.tearsheet.extract.Article;
import org.tearsheet.extract.Extractor;
import org.tearsheet.extract.Extractors;
import org.tearsheet.extract.HtmlDecoder;
import org.tearsheet.extract.HtmlPage;
import org.tearsheet.paywall.PaywallDetector;
import org.tearsheet.paywall.PaywallDetectors;
import org.tearsheet.paywall.PaywallInput;
import org.tearsheet.paywall.PaywallVerdict;

/**
 * Prints the verdict (status, kind, sorted signals) of every page of the paywall and extraction dev sets, one
 * line per page and input variant, so that two versions of the detector can be compared with {@code diff}:
 * {@code java -cp target/tearsheet.jar org.tearsheet.bench.PaywallVerdicts SHARED_DIR > verdicts.tsv}.
 * Besides the page as captured (status 200), each page is also judged with no extracted article (the detector's
 * own paragraph fallback) and with status 403, so that more of the detector's paths are compared.
 */
public final class PaywallVerdicts {

    private PaywallVerdicts() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Extractor extractor = Extractors.standard();
        PaywallDetector detector = PaywallDetectors.standard();
        for (Page p : pages(shared)) {
            HtmlPage page = HtmlDecoder.decode(p.bytes, p.url, "text/html");
            Article article = extractor.extract(page);
            print(p.name + "\t200", detector.detect(new PaywallInput(page, article, 200, List.of(p.url), false)));
            print(p.name + "\tno-article", detector.detect(new PaywallInput(page, Article.empty(), 200,
                    List.of(p.url), false)));
            print(p.name + "\t403", detector.detect(new PaywallInput(page, article, 403, List.of(p.url), true)));
        }
    }

    private static void print(String key, PaywallVerdict v) {
        List<String> signals = new ArrayList<>(v.signals());
        signals.sort(null);
        System.out.println(key + "\t" + v.status().wireName() + "\t" + v.kind().wireName() + "\t"
                + v.credentials() + "\t" + String.join(",", signals));
    }

    record Page(String name, String url, byte[] bytes) {
    }

    /** The paywall dev pages (URLs from labels.json) and the extraction dev pages (URLs from ground-truth.json). */
    static List<Page> pages(Path shared) throws IOException {
        List<Page> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        Path pw = shared.resolve("paywall-dev");
        if (Files.isDirectory(pw)) {
            JsonNode labels = json.readTree(pw.resolve("labels.json").toFile());
            try (Stream<Path> s = Files.list(pw)) {
                for (Path f : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                    String name = f.getFileName().toString().replaceFirst("\\.html$", "");
                    String url = labels.path(name).path("url").asText("https://bench.invalid/" + name);
                    out.add(new Page("paywall-dev/" + name, url, Files.readAllBytes(f)));
                }
            }
        }
        out.addAll(extractionPages(shared.resolve("extraction-dev")));
        return out;
    }

    static List<Page> extractionPages(Path dir) throws IOException {
        List<Page> out = new ArrayList<>();
        if (!Files.isDirectory(dir.resolve("html"))) {
            return out;
        }
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        try (Stream<Path> s = Files.list(dir.resolve("html"))) {
            for (Path f : s.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
                String id = f.getFileName().toString().replaceFirst("\\.html\\.gz$", "");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    out.add(new Page("extraction-dev/" + id,
                            truth.path(id).path("url").asText("https://bench.invalid/" + id), in.readAllBytes()));
                }
            }
        }
        return out;
    }
}
