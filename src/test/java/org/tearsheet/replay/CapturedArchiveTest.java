package org.tearsheet.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.capture.CaptureRequest;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.CaptureService;
import org.tearsheet.capture.Outcome;
import org.tearsheet.capture.PreviousCapture;
import org.tearsheet.cli.ExitCodes;
import org.tearsheet.cli.Main;
import org.tearsheet.index.ArchiveUpkeep;
import org.tearsheet.index.CdxjEntry;
import org.tearsheet.index.CdxjIndex;
import org.tearsheet.testing.NewsSite;
import org.tearsheet.testing.SiteCapture;
import org.tearsheet.verify.ArchiveVerifier;
import org.tearsheet.verify.Manifest;
import org.tearsheet.verify.VerificationReport;
import picocli.CommandLine;

/** Capture with the real CaptureService from a local site, then index, verify, browse and replay the result. */
class CapturedArchiveTest {

    @TempDir
    Path dir;

    @Test
    void captureThenIndexVerifyBrowseAndReplay() throws Exception {
        try (NewsSite site = NewsSite.start()) {
            List<CaptureResult> first = SiteCapture.captureAll(site, dir);
            assertThat(first).extracting(CaptureResult::outcome).containsOnly(Outcome.CAPTURED);

            // the upkeep listener chained the closed WARC and indexed it
            assertThat(Files.readAllLines(dir.resolve("manifest.jsonl"))).hasSize(1);
            List<CdxjEntry> index = CdxjIndex.of(dir).readAll();
            assertThat(index).extracting(CdxjEntry::url).contains(site.url("/news/council-budget.html"),
                    site.url("/img/council.svg"));

            // recapture one article conditionally: 304 -> revisit record, in a second WARC
            CaptureResult budget = first.get(0);
            try (CaptureService svc = CaptureService.builder(SiteCapture.config(dir))
                    .paywallDetector(SiteCapture.schemaOrgDetector()).warcClosedListener(ArchiveUpkeep.listener(dir)).build()) {
                Thread.sleep(1100); // a different second, so the revisit has its own timestamp
                CaptureResult again = svc.capture(new CaptureRequest(budget.requestedUrl(), new PreviousCapture(budget.etag(),
                        budget.lastModified(), budget.payloadDigest(), budget.captured(), budget.finalUrl(),
                        budget.warcRecordId()), null, null));
                assertThat(again.outcome()).isEqualTo(Outcome.REVISIT);
                CaptureResult moved = svc.capture(CaptureRequest.of(site.url("/r/budget")));
                assertThat(moved.outcome()).isEqualTo(Outcome.CAPTURED);
                assertThat(moved.redirectChain()).hasSize(2);
            }
            assertThat(Files.readAllLines(dir.resolve("manifest.jsonl"))).hasSize(2);

            VerificationReport report = ArchiveVerifier.verify(dir);
            assertThat(report.problems()).isEmpty();
            assertThat(report.warcs()).isEqualTo(2);
            assertThat(report.sidecarLines()).isEqualTo(5);
            assertThat(report.latestChainHash()).isEqualTo(Manifest.of(dir).latestHash());

            StringWriter out = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out));
            assertThat(cl.execute("verify", dir.toString())).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("OK: archive verified", "latest chain hash: " + report.latestChainHash());
            assertThat(cl.execute("index", dir.toString())).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("indexed 0 new WARC(s)");

            try (ReplayServer server = ReplayServer.start(dir, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                String base = "http://127.0.0.1:" + server.port();
                Document list = Jsoup.parse(client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(list.select("ol.articles li")).hasSize(5);
                assertThat(list.select("ol.articles li").text()).contains("truncated by paywall (metered)", "no paywall",
                        "The Valley Ledger");

                // replay of the captured page: links and embedded resources point into the archive and replay
                String ts = CdxjIndex.of(dir).readAll().stream().filter(e -> e.url().equals(budget.finalUrl())
                        && !e.mime().equals("warc/revisit")).findFirst().orElseThrow().timestamp();
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/web/" + ts + "/"
                        + budget.finalUrl())).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
                Document d = Jsoup.parse(page.body());
                String img = d.select("figure img").attr("src");
                assertThat(img).isEqualTo("/web/" + ts + "/" + site.url("/img/council.svg"));
                assertThat(d.select("link[rel=stylesheet]").attr("href")).isEqualTo("/web/" + ts + "/" + site.url("/assets/site.css"));
                assertThat(d.select("nav a").eachAttr("href")).contains("/web/" + ts + "/" + site.url("/news/school-lunch.html"));
                assertThat(d.select("#tearsheet-banner a").eachAttr("href")).anySatisfy(h -> assertThat(h).startsWith("/article/"));
                HttpResponse<String> image = client.send(HttpRequest.newBuilder(URI.create(base + img)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(image.statusCode()).isEqualTo(200);
                assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/svg+xml");
                assertThat(image.body()).contains("City Hall");
                HttpResponse<String> css = client.send(HttpRequest.newBuilder(URI.create(base + "/web/" + ts + "/"
                        + site.url("/assets/site.css"))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(css.body()).contains("url(/web/");

                // the revisit replays the original content
                CdxjEntry revisit = CdxjIndex.of(dir).readAll().stream().filter(e -> e.mime().equals("warc/revisit"))
                        .findFirst().orElseThrow();
                HttpResponse<String> rv = client.send(HttpRequest.newBuilder(URI.create(base + "/web/" + revisit.timestamp()
                        + "/" + revisit.url())).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(rv.statusCode()).isEqualTo(200);
                assertThat(rv.body()).contains("Council approves 2027 budget");
                assertThat(rv.headers().firstValue("Memento-Datetime").orElseThrow()).isNotBlank();

                // a captured redirect replays as a redirect into the archive
                HttpClient noFollow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                CdxjEntry redirect = CdxjIndex.of(dir).readAll().stream().filter(e -> e.url().equals(site.url("/r/budget")))
                        .findFirst().orElseThrow();
                assertThat(redirect.status()).isEqualTo(301);
                HttpResponse<String> r301 = noFollow.send(HttpRequest.newBuilder(URI.create(base + "/web/"
                        + redirect.timestamp() + "/" + redirect.url())).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r301.statusCode()).isEqualTo(301);
                assertThat(r301.headers().firstValue("Location").orElseThrow())
                        .isEqualTo("/web/" + redirect.timestamp() + "/" + budget.finalUrl());

                // article page lists every capture of the URL
                String articleHref = list.select("ol.articles h2 a").stream()
                        .filter(a -> a.text().contains("Council approves")).reduce((a, b) -> b).orElseThrow().attr("href");
                Document art = Jsoup.parse(client.send(HttpRequest.newBuilder(URI.create(base + articleHref)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(art.select("article.text").text()).contains("nine hours");
                assertThat(art.select("table.history tbody tr")).hasSize(3);
                assertThat(art.select("table.history").text()).contains("revisit (unchanged)");
            }
        }
    }
}
