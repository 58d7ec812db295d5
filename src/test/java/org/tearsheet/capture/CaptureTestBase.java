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

/** A MockWebServer on 127.0.0.1 with path routes, a temp archive folder and read-back helpers. */
abstract class CaptureTestBase {

    static final String ARTICLE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour bridge reopens | Test Times</title>
            <meta property="og:title" content="Harbour bridge reopens after two-year repair">
            </head><body><nav><a href="/">Home</a><a href="/world">World</a></nav>
            <article><h1>Harbour bridge reopens after two-year repair</h1>
            <p class="byline">By Jane Doe</p>
            <p>The harbour bridge reopened to traffic on Monday after a two-year repair programme that replaced
            most of its steel deck and all of its cables, the city council said.</p>
            <p>Engineers said the structure would now last another eighty years, provided the annual inspections
            that were skipped during the last decade are carried out as planned.</p>
            <p>Commuters who had faced a forty-minute detour through the industrial district welcomed the news,
            though several local businesses said the closure had cost them most of their passing trade.</p>
            </article><footer>Copyright Test Times</footer></body></html>
            """;

    @TempDir
    Path dir;

    MockWebServer server;
    final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    final List<RecordedRequest> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.add(request);
                Function<RecordedRequest, MockResponse> route = routes.get(request.getUrl().encodedPath());
                return route != null ? route.apply(request) : new MockResponse.Builder().code(404).body("no such page").build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String url(String path) {
        return server.url(path).toString();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static MockResponse html(byte[] body, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.body(new Buffer().write(body)).build();
    }

    List<CaptureResult> captureAll(TearsheetConfig config, String... urls) throws IOException {
        try (CaptureService svc = CaptureService.builder(config).build()) {
            return svc.captureAll(Stream.of(urls).map(CaptureRequest::of).toList());
        }
    }

    static PreviousCapture previous(CaptureResult r) {
        return new PreviousCapture(r.etag(), r.lastModified(), r.payloadDigest(), r.captured(), r.finalUrl(),
                r.warcRecordId());
    }

    static WarcReadback.Rec response(List<WarcReadback.Rec> recs, String url) {
        return recs.stream().filter(r -> r.type().equals("response") && url.equals(r.targetUri()))
                .findFirst().orElseThrow(() -> new AssertionError("no response record for " + url));
    }

    List<Path> openFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".open")).toList();
        }
    }

    static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
