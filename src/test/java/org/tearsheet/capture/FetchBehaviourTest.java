package org.tearsheet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.tearsheet.config.TearsheetConfig;

/** Network behaviour: redirects, errors and retries, robots, timeouts, limits, odd bodies, rotation. */
class FetchBehaviourTest extends CaptureTestBase {

    @Test
    void redirectChainIsRecordedHopByHop() throws Exception {
        routes.put("/old", r -> redirect(301, "/middle"));
        routes.put("/middle", r -> redirect(302, url("/final.html")));
        routes.put("/final.html", r -> html(ARTICLE.getBytes(StandardCharsets.UTF_8)));

        CaptureResult r = captureAll(TestConfigs.fast(dir), url("/old")).get(0);

        assertThat(r.outcome()).isEqualTo(Outcome.CAPTURED);
        assertThat(r.finalUrl()).isEqualTo(url("/final.html"));
        assertThat(r.redirectChain()).containsExactly(url("/old"), url("/middle"), url("/final.html"));
        List<WarcReadback.Rec> recs = WarcReadback.readAll(dir);
        assertThat(recs).extracting(WarcReadback.Rec::type).containsExactly("warcinfo",
                "request", "response", "request", "response", "request", "response", "metadata");
        assertThat(recs.get(2).httpHead()).startsWith("HTTP/1.1 301").contains("Location: /middle");
        assertThat(recs.get(4).targetUri()).isEqualTo(url("/middle"));
        assertThat(WarcReadback.sidecarLines(dir)).singleElement().satisfies(l -> {
            assertThat(l.get("url")).isEqualTo(url("/old"));
            assertThat(l.get("final_url")).isEqualTo(url("/final.html"));
        });
    }

    @Test
    void redirectLoopAndTooManyRedirectsFail() throws Exception {
        routes.put("/loop-a", r -> redirect(302, "/loop-b"));
        routes.put("/loop-b", r -> redirect(302, "/loop-a"));
        for (int i = 0; i < 5; i++) {
            int next = i + 1;
            routes.put("/hop" + i, r -> redirect(302, "/hop" + next));
        }
        TearsheetConfig config = TestConfigs.fast(dir, f -> f.maxRedirects = 3);

        List<CaptureResult> rs = captureAll(config, url("/loop-a"), url("/hop0"));

        assertThat(rs.get(0).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(rs.get(0).error()).contains("redirect loop").contains("/loop-b");
        assertThat(rs.get(1).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(rs.get(1).error()).contains("too many redirects");
        assertThat(rs.get(1).redirectChain()).hasSize(4);
        // the hops that were fetched are real exchanges and are kept
        assertThat(WarcReadback.readAll(dir)).filteredOn(x -> x.type().equals("response")).hasSize(6);
    }

    @Test
    void errorStatusesRetriesAndRetryAfter() throws Exception {
        AtomicInteger flaky = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        List<Long> limitedAt = Collections.synchronizedList(new ArrayList<>());
        routes.put("/flaky.html", r -> flaky.incrementAndGet() < 3
                ? new MockResponse.Builder().code(500).body("oops").build()
                : html(ARTICLE.getBytes(StandardCharsets.UTF_8)));
        routes.put("/limited.html", r -> {
            limitedAt.add(System.nanoTime());
            return limited.incrementAndGet() == 1
                    ? new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("slow down").build()
                    : html(ARTICLE.getBytes(StandardCharsets.UTF_8));
        });
        routes.put("/down.html", r -> new MockResponse.Builder().code(503).body("down").build());

        List<CaptureResult> rs = captureAll(TestConfigs.fast(dir), url("/missing.html"), url("/flaky.html"),
                url("/limited.html"), url("/down.html"));

        assertThat(rs.get(0).outcome()).isEqualTo(Outcome.CAPTURED);
        assertThat(rs.get(0).status()).isEqualTo(404);
        assertThat(rs.get(0).attempts()).isEqualTo(1);
        assertThat(rs.get(1).status()).isEqualTo(200);
        assertThat(rs.get(1).attempts()).isEqualTo(3);
        assertThat(rs.get(2).status()).isEqualTo(200);
        assertThat(limitedAt.get(1) - limitedAt.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(950));
        assertThat(rs.get(3).status()).isEqualTo(503);
        assertThat(rs.get(3).attempts()).isEqualTo(3);
        assertThat(rs.get(3).error()).contains("gave up after 3 attempts").contains("HTTP 503");
        // only the final attempt of each URL is recorded
        assertThat(WarcReadback.readAll(dir)).filteredOn(x -> x.type().equals("response"))
                .extracting(x -> x.httpHead().substring(0, 12))
                .containsExactlyInAnyOrder("HTTP/1.1 404", "HTTP/1.1 200", "HTTP/1.1 200", "HTTP/1.1 503");
    }

    @Test
    void robotsDisallowIsObeyed() throws Exception {
        routes.put("/robots.txt", r -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain")
                .body("User-agent: *\nDisallow: /private/\n").build());
        routes.put("/private/secret.html", r -> html(ARTICLE.getBytes(StandardCharsets.UTF_8)));
        routes.put("/public.html", r -> html(ARTICLE.getBytes(StandardCharsets.UTF_8)));
        routes.put("/to-private", r -> redirect(302, "/private/secret.html"));
        TearsheetConfig config = TestConfigs.fast(dir, f -> f.obeyRobots = true);

        List<CaptureResult> rs = captureAll(config, url("/private/secret.html"), url("/public.html"), url("/to-private"));

        assertThat(rs).extracting(CaptureResult::outcome)
                .containsExactly(Outcome.ROBOTS_DENIED, Outcome.CAPTURED, Outcome.ROBOTS_DENIED);
        assertThat(seen).extracting(x -> x.getUrl().encodedPath()).doesNotContain("/private/secret.html")
                .containsOnlyOnce("/robots.txt");
        List<WarcReadback.Rec> recs = WarcReadback.readAll(dir);
        assertThat(recs.get(0).text()).contains("robots: obey");
        // The rules obeyed are archived as served: one request/response pair, fetched once, before any page.
        WarcReadback.Rec robots = response(recs, url("/robots.txt"));
        assertThat(new String(robots.payload(), StandardCharsets.UTF_8)).isEqualTo("User-agent: *\nDisallow: /private/\n");
        assertThat(recs).filteredOn(x -> url("/robots.txt").equals(x.targetUri())).extracting(WarcReadback.Rec::type)
                .containsExactly("request", "response");
        assertThat(recs.indexOf(robots)).isLessThan(recs.indexOf(response(recs, url("/public.html"))));
        assertThat(recs).filteredOn(x -> x.type().equals("response")).extracting(WarcReadback.Rec::targetUri)
                .containsExactlyInAnyOrder(url("/robots.txt"), url("/public.html"), url("/to-private"));
    }

    @Test
    void robotsRedirectHopsAreArchivedAndFollowed() throws Exception {
        routes.put("/robots.txt", r -> redirect(301, "/rules/robots.txt"));
        routes.put("/rules/robots.txt", r -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain")
                .body("User-agent: *\nDisallow: /private/\n").build());
        routes.put("/private/a.html", r -> html(ARTICLE.getBytes(StandardCharsets.UTF_8)));
        TearsheetConfig config = TestConfigs.fast(dir, f -> f.obeyRobots = true);

        List<CaptureResult> rs = captureAll(config, url("/private/a.html"));

        assertThat(rs).extracting(CaptureResult::outcome).containsExactly(Outcome.ROBOTS_DENIED);
        List<WarcReadback.Rec> recs = WarcReadback.readAll(dir);
        assertThat(response(recs, url("/robots.txt")).httpHead()).startsWith("HTTP/1.1 301");
        assertThat(response(recs, url("/rules/robots.txt")).httpHead()).startsWith("HTTP/1.1 200");
        assertThat(response(recs, url("/robots.txt")).header("WARC-Payload-Digest")).isNotNull();
    }

    @Test
    void slowServerHitsReadTimeout() throws Exception {
        routes.put("/slow.html", r -> new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS)
                .body("late").build());
        TearsheetConfig config = TestConfigs.fast(dir, f -> {
            f.readTimeout = Duration.ofMillis(300);
            f.retries = 1;
        });

        CaptureResult r = captureAll(config, url("/slow.html")).get(0);

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.error()).contains("gave up after 2 attempts").contains("timeout");
        assertThat(WarcReadback.warcs(dir)).isEmpty();
    }

    @Test
    void oversizedBodyIsCutAndMarkedTruncated() throws Exception {
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 'x');
        routes.put("/big.bin", r -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(big)).build());
        TearsheetConfig config = TestConfigs.fast(dir, f -> f.maxBody = 50_000);

        CaptureResult r = captureAll(config, url("/big.bin")).get(0);

        assertThat(r.outcome()).isEqualTo(Outcome.CAPTURED);
        WarcReadback.Rec resp = response(WarcReadback.readAll(dir), url("/big.bin"));
        assertThat(resp.header("WARC-Truncated")).isEqualTo("length");
        assertThat(resp.payload()).isEqualTo(Arrays.copyOf(big, 50_000));
        assertThat(resp.httpHead()).contains("Content-Length: 200000");
    }

    @Test
    void largeBodySpillsToDiskAndIsRecordedIntact() throws Exception {
        byte[] big = new byte[9 << 20];
        new java.util.Random(42).nextBytes(big);
        routes.put("/huge.bin", r -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(big)).build());

        CaptureResult r = captureAll(TestConfigs.fast(dir), url("/huge.bin")).get(0);

        assertThat(r.outcome()).isEqualTo(Outcome.CAPTURED);
        assertThat(response(WarcReadback.readAll(dir), url("/huge.bin")).payload()).isEqualTo(big);
    }

    @Test
    void malformedCharsetAndBrokenGzipAreRecordedAndReported() throws Exception {
        byte[] latin = ARTICLE.replace("<meta charset=\"utf-8\">", "").replace("Monday", "Montag über").getBytes(StandardCharsets.ISO_8859_1);
        byte[] notGzip = "this is not gzip at all, just text pretending".getBytes(StandardCharsets.US_ASCII);
        routes.put("/charset.html", r -> new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "text/html; charset=no-such-charset-x").body(new Buffer().write(latin)).build());
        routes.put("/broken.html", r -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .addHeader("Content-Encoding", "gzip").body(new Buffer().write(notGzip)).build());

        List<CaptureResult> rs = captureAll(TestConfigs.fast(dir), url("/charset.html"), url("/broken.html"));

        assertThat(rs.get(0).outcome()).isEqualTo(Outcome.CAPTURED);
        assertThat(rs.get(0).title()).contains("Harbour bridge");
        assertThat(rs.get(1).outcome()).isEqualTo(Outcome.CAPTURED);
        assertThat(rs.get(1).error()).contains("extraction failed").contains("broken gzip body");
        List<WarcReadback.Rec> recs = WarcReadback.readAll(dir);
        assertThat(response(recs, url("/charset.html")).payload()).isEqualTo(latin);
        assertThat(response(recs, url("/broken.html")).payload()).isEqualTo(notGzip);
        assertThat(recs).filteredOn(x -> x.type().equals("metadata") && x.targetUri().equals(url("/broken.html")))
                .singleElement().satisfies(m -> assertThat(m.text()).contains("\"extraction_error\":\"broken gzip body"));
        assertThat(WarcReadback.sidecarLines(dir)).singleElement()
                .satisfies(l -> assertThat((String) l.get("text")).contains("Montag über"));
    }

    @Test
    void rotationClosesFilesWithWarcinfoAndFiresListener() throws Exception {
        for (int i = 0; i < 6; i++) {
            routes.put("/r" + i + ".html", r -> html(ARTICLE.getBytes(StandardCharsets.UTF_8)));
        }
        TearsheetConfig config = TestConfigs.fast(dir, f -> f.rotateSize = 2_500);
        List<Path> announced = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> openAtAnnounce = Collections.synchronizedList(new ArrayList<>());
        try (CaptureService svc = CaptureService.builder(config).warcClosedListener(p -> {
            announced.add(p);
            openAtAnnounce.add(Files.exists(Path.of(p + ".open")));
        }).build()) {
            for (int i = 0; i < 6; i++) {
                assertThat(svc.capture(CaptureRequest.of(url("/r" + i + ".html"))).outcome()).isEqualTo(Outcome.CAPTURED);
            }
        }
        List<Path> warcs = WarcReadback.warcs(dir);
        assertThat(warcs.size()).isGreaterThan(1);
        assertThat(announced).containsExactlyInAnyOrderElementsOf(warcs);
        assertThat(openAtAnnounce).containsOnly(false);
        assertThat(openFiles()).isEmpty();
        for (Path warc : warcs) {
            assertThat(warc.getFileName().toString()).matches("test-\\d{17}-\\d{5}-.+\\.warc\\.gz");
            List<WarcReadback.Rec> recs = WarcReadback.read(warc);
            assertThat(recs.get(0).type()).isEqualTo("warcinfo");
            assertThat(recs.get(0).header("WARC-Filename")).isEqualTo(warc.getFileName().toString());
            assertThat(Files.exists(Path.of(warc + ".text.jsonl.gz"))).isTrue();
        }
        assertThat(WarcReadback.sidecarLines(dir)).hasSize(6);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.toString().endsWith(".open"))).isEmpty();
        }
    }

    static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).addHeader("Location", location).body("moved").build();
    }

    static void touch(Path p) throws IOException {
        Files.writeString(p, "");
    }
}
