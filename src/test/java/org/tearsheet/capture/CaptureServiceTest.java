package org.tearsheet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.paywall.PaywallVerdict;

class CaptureServiceTest extends CaptureTestBase {

    @Test
    void gzipAndIdentityBodiesAreRecordedAsSentWithMetadataAndSidecar() throws Exception {
        byte[] plain = ARTICLE.getBytes(StandardCharsets.UTF_8);
        byte[] gz = gzip(plain);
        routes.put("/plain.html", r -> html(plain));
        routes.put("/gz.html", r -> html(gz, "Content-Encoding", "gzip"));

        List<CaptureResult> results = captureAll(TestConfigs.fast(dir), url("/plain.html"), url("/gz.html"));

        assertThat(results).extracting(CaptureResult::outcome).containsExactly(Outcome.CAPTURED, Outcome.CAPTURED);
        assertThat(results).extracting(CaptureResult::title).allSatisfy(t -> assertThat(t).contains("Harbour bridge"));
        assertThat(seen).allSatisfy(r -> assertThat(r.getHeaders().get("Accept-Encoding")).isEqualTo("gzip"));
        List<WarcReadback.Rec> recs = WarcReadback.readAll(dir);
        assertThat(recs.get(0).type()).isEqualTo("warcinfo");
        assertThat(recs.get(0).text()).contains("robots: ignore").contains("operator: test operator");
        WarcReadback.Rec plainResp = response(recs, url("/plain.html"));
        WarcReadback.Rec gzResp = response(recs, url("/gz.html"));
        assertThat(plainResp.payload()).isEqualTo(plain);
        assertThat(gzResp.payload()).isEqualTo(gz);
        assertThat(gzResp.httpHead()).startsWith("HTTP/1.1 200 OK").contains("Content-Encoding: gzip");
        assertThat(gzResp.header("WARC-IP-Address")).isEqualTo("127.0.0.1");
        WarcReadback.Rec request = recs.stream().filter(r -> r.type().equals("request")
                && r.targetUri().equals(url("/gz.html"))).findFirst().orElseThrow();
        assertThat(request.header("WARC-Concurrent-To")).isEqualTo(gzResp.id().startsWith("<") ? gzResp.id() : "<" + gzResp.id() + ">");
        assertThat(request.httpHead()).startsWith("GET /gz.html HTTP/1.1").contains("Accept-Encoding: gzip");
        WarcReadback.Rec meta = recs.stream().filter(r -> r.type().equals("metadata")
                && r.targetUri().equals(url("/gz.html"))).findFirst().orElseThrow();
        assertThat(meta.header("Content-Type")).isEqualTo("application/json");
        assertThat(meta.header("WARC-Refers-To")).isEqualTo("<" + gzResp.id() + ">");
        assertThat(meta.text()).contains("\"title\":\"Harbour bridge reopens")
                .contains("\"paywall\":null");

        List<Map<String, Object>> lines = WarcReadback.sidecarLines(dir);
        assertThat(lines).hasSize(2);
        Map<String, Object> gzLine = lines.stream().filter(l -> l.get("url").equals(url("/gz.html"))).findFirst().orElseThrow();
        assertThat((String) gzLine.get("text")).contains("two-year repair programme").doesNotContain("Copyright Test Times");
        assertThat(gzLine.get("warc_record_id")).isEqualTo(gzResp.id());
        assertThat(((Number) gzLine.get("warc_offset")).longValue()).isEqualTo(gzResp.offset());
        assertThat(gzLine.get("warc_file")).isEqualTo(gzResp.file());
        assertThat(gzLine.get("text_sha256")).isEqualTo(MetadataJson.sha256Hex((String) gzLine.get("text")));
        assertThat(gzLine.get("paywall")).isNull();
        assertThat(gzLine).containsEntry("job", null); // an ad-hoc capture: the key is there, with no job
        assertThat(openFiles()).isEmpty();
    }

    @Test
    void sidecarLineNamesTheJobThatCapturedIt() throws Exception {
        routes.put("/a.html", r -> html(ARTICLE.getBytes(StandardCharsets.UTF_8)));

        try (CaptureService svc = CaptureService.builder(TestConfigs.fast(dir, f -> { })).build()) {
            svc.capture(new CaptureRequest(url("/a.html"), null, "morning-news", CaptureRequest.TruncatedPolicy.KEEP));
        }

        assertThat(WarcReadback.sidecarLines(dir)).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("job", "morning-news"));
    }

    @Test
    void chunkedBodyIsDechunkedWithOriginalHeaderKept() throws Exception {
        routes.put("/chunked.html", r -> new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "text/html").chunkedBody(ARTICLE, 100).build());

        CaptureResult r = captureAll(TestConfigs.fast(dir), url("/chunked.html")).get(0);

        assertThat(r.outcome()).isEqualTo(Outcome.CAPTURED);
        WarcReadback.Rec resp = response(WarcReadback.readAll(dir), url("/chunked.html"));
        byte[] body = ARTICLE.getBytes(StandardCharsets.UTF_8);
        assertThat(resp.payload()).isEqualTo(body);
        assertThat(resp.httpHead()).contains("X-Crawler-Transfer-Encoding: chunked")
                .contains("Content-Length: " + body.length).doesNotContain("\r\nTransfer-Encoding");
    }

    @Test
    void secretsNeverReachTheArchive() throws Exception {
        routes.put("/members.html", r -> html(ARTICLE.getBytes(StandardCharsets.UTF_8),
                "Set-Cookie", "session=REFRESHEDSESSION777; Path=/"));
        TearsheetConfig config = TestConfigs.fast(dir);
        try (CaptureService svc = CaptureService.builder(config)
                .interceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Cookie", "session=COOKIESECRET123")
                        .header("Authorization", "Bearer AUTHSECRET456")
                        .header("X-Subscriber-Token", "TOKENSECRET789").build()))
                .secretHeaderNames(Set.of("X-Subscriber-Token"))
                .build()) {
            assertThat(svc.capture(CaptureRequest.of(url("/members.html"))).outcome()).isEqualTo(Outcome.CAPTURED);
        }

        assertThat(seen).extracting(x -> x.getUrl().encodedPath()).containsExactly("/members.html");
        RecordedRequest sent = seen.get(0);
        assertThat(sent.getHeaders().get("Cookie")).isEqualTo("session=COOKIESECRET123");
        String everything = new String(WarcReadback.allBytesDecoded(dir), StandardCharsets.ISO_8859_1);
        assertThat(everything).doesNotContain("COOKIESECRET123").doesNotContain("AUTHSECRET456")
                .doesNotContain("TOKENSECRET789").doesNotContain("REFRESHEDSESSION777");
        WarcReadback.Rec request = WarcReadback.readAll(dir).stream().filter(r -> r.type().equals("request"))
                .findFirst().orElseThrow();
        assertThat(request.httpHead()).contains("Cookie: [redacted by tearsheet]")
                .contains("Authorization: [redacted by tearsheet]")
                .contains("X-Subscriber-Token: [redacted by tearsheet]");
    }

    @Test
    void truncatedVerdictWithSkipPolicyWritesNothing() throws Exception {
        routes.put("/teaser.html", r -> html(ARTICLE.getBytes(StandardCharsets.UTF_8)));
        routes.put("/free.html", r -> html(ARTICLE.getBytes(StandardCharsets.UTF_8)));
        TearsheetConfig config = TestConfigs.fast(dir);
        List<CaptureResult> results;
        try (CaptureService svc = CaptureService.builder(config)
                .paywallDetector(in -> in.redirectChain().get(0).endsWith("/teaser.html")
                        ? new PaywallVerdict(PaywallVerdict.Status.TRUNCATED, PaywallVerdict.Kind.METERED,
                                List.of("test"), PaywallVerdict.Credentials.NONE)
                        : new PaywallVerdict(PaywallVerdict.Status.NONE, PaywallVerdict.Kind.NONE, List.of(),
                                PaywallVerdict.Credentials.NONE))
                .build()) {
            results = List.of(
                    svc.capture(new CaptureRequest(url("/teaser.html"), null, "job", CaptureRequest.TruncatedPolicy.SKIP)),
                    svc.capture(new CaptureRequest(url("/teaser.html"), null, "job",
                            CaptureRequest.TruncatedPolicy.RETRY_LATER)),
                    svc.capture(new CaptureRequest(url("/free.html"), null, "job", CaptureRequest.TruncatedPolicy.SKIP)));
        }
        assertThat(results).extracting(CaptureResult::outcome)
                .containsExactly(Outcome.SKIPPED, Outcome.SKIPPED, Outcome.CAPTURED);
        assertThat(results.get(1).error()).contains("retry_later");
        List<WarcReadback.Rec> recs = WarcReadback.readAll(dir);
        assertThat(recs).noneMatch(r -> url("/teaser.html").equals(r.targetUri()));
        assertThat(recs).filteredOn(r -> r.type().equals("metadata")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("\"paywall\":{\"status\":\"none\""));
        assertThat(WarcReadback.sidecarLines(dir)).singleElement()
                .satisfies(l -> assertThat(l.get("paywall")).isEqualTo(Map.of("status", "none", "kind", "none",
                        "signals", List.of(), "credentials", "none")));
    }

    @Test
    void conditionalRecaptureWritesRevisitRecords() throws Exception {
        byte[] body = ARTICLE.getBytes(StandardCharsets.UTF_8);
        routes.put("/a.html", r -> "\"v1\"".equals(r.getHeaders().get("If-None-Match"))
                ? new MockResponse.Builder().code(304).addHeader("ETag", "\"v1\"").build()
                : html(body, "ETag", "\"v1\"", "Last-Modified", "Sun, 01 Nov 2026 10:00:00 GMT"));
        routes.put("/b.html", r -> html(body));
        TearsheetConfig config = TestConfigs.fast(dir);
        CaptureResult firstA;
        CaptureResult firstB;
        CaptureResult againA;
        CaptureResult againB;
        try (CaptureService svc = CaptureService.builder(config).build()) {
            firstA = svc.capture(CaptureRequest.of(url("/a.html")));
            firstB = svc.capture(CaptureRequest.of(url("/b.html")));
            againA = svc.capture(new CaptureRequest(url("/a.html"), previous(firstA), null, null));
            againB = svc.capture(new CaptureRequest(url("/b.html"), previous(firstB), null, null));
        }
        assertThat(firstA.etag()).isEqualTo("\"v1\"");
        assertThat(againA.outcome()).isEqualTo(Outcome.REVISIT);
        assertThat(againB.outcome()).isEqualTo(Outcome.REVISIT);
        RecordedRequest conditional = seen.stream().filter(r -> r.getHeaders().get("If-None-Match") != null)
                .findFirst().orElseThrow(() -> new AssertionError("no conditional request in " + seen));
        assertThat(conditional.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.getHeaders().get("If-Modified-Since")).isEqualTo("Sun, 01 Nov 2026 10:00:00 GMT");

        List<WarcReadback.Rec> revisits = WarcReadback.readAll(dir).stream().filter(r -> r.type().equals("revisit")).toList();
        assertThat(revisits).hasSize(2);
        WarcReadback.Rec notModified = revisits.get(0);
        assertThat(notModified.header("WARC-Profile")).endsWith("/revisit/server-not-modified");
        assertThat(notModified.header("WARC-Refers-To")).isEqualTo("<" + firstA.warcRecordId() + ">");
        assertThat(notModified.header("WARC-Refers-To-Target-URI")).isEqualTo(url("/a.html"));
        assertThat(notModified.header("WARC-Refers-To-Date")).isEqualTo(firstA.captured().toString());
        assertThat(notModified.httpHead()).startsWith("HTTP/1.1 304");
        WarcReadback.Rec identical = revisits.get(1);
        assertThat(identical.header("WARC-Profile")).endsWith("/revisit/identical-payload-digest");
        assertThat(identical.header("WARC-Payload-Digest")).isEqualTo(firstB.payloadDigest());
        assertThat(identical.payload()).isEmpty();
        assertThat(WarcReadback.sidecarLines(dir)).hasSize(2);
    }

}
