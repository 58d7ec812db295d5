package org.tearsheet.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.capture.CaptureRequest;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.CaptureService;
import org.tearsheet.capture.Outcome;
import org.tearsheet.testing.ArchiveFiles;
import org.tearsheet.testing.LocalSite;
import org.tearsheet.testing.LocalSite.Reply;

/**
 * Every {@code shared/paywall-dev} case captured from a local server on 127.0.0.1, with the case's {@code .http}
 * status line and headers where it has one (redirect targets moved to the local server, which serves a login form
 * there). Checks the verdict's status in the sidecar and the labelled text segments in the sidecar text.
 */
class PaywallDevCaptureTest {

    @TempDir
    Path dir;

    @Test
    void everyDevCaseCapturedGetsItsLabelledStatusAndText() throws Exception {
        List<DevCase> cases = DevCase.all();
        Map<String, DevCase> byUrl = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, int[]> perStatus = new TreeMap<>();
        try (LocalSite site = new LocalSite()) {
            String base = site.base("127.0.0.1");
            for (DevCase c : cases) {
                URI original = URI.create(c.url());
                String path = original.getRawPath();
                Map<String, String> headers = new HashMap<>();
                int status = 200;
                if (c.head() != null) {
                    status = c.head().status();
                    c.head().headers().forEach((k, v) -> headers.put(k, k.equalsIgnoreCase("Location")
                            ? base + URI.create(v).getRawPath() + "?" + URI.create(v).getRawQuery() : v));
                    if (headers.containsKey("Location")) {
                        site.route(URI.create(headers.get("Location")).getRawPath(), Reply.html(DevCase.LOGIN_PAGE));
                    }
                } else {
                    headers.put("Content-Type", "text/html"); // charset left to the page's meta, as most servers do
                }
                site.route(path, new Reply(status, headers, c.html()));
                byUrl.put(base + path, c);
            }
            List<CaptureRequest> requests = byUrl.keySet().stream().map(CaptureRequest::of).toList();
            List<CaptureResult> results;
            try (CaptureService svc = CaptureService.builder(ArchiveFiles.fastConfig(dir))
                    .paywallDetector(PaywallDetectors.standard()).build()) {
                results = svc.captureAll(requests);
            }
            assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.requestedUrl()).isEqualTo(Outcome.CAPTURED));
        }
        Map<String, JsonNode> lines = new HashMap<>();
        for (JsonNode line : ArchiveFiles.sidecarLines(dir)) {
            lines.put(line.path("url").asText(), line);
        }
        for (Map.Entry<String, DevCase> e : byUrl.entrySet()) {
            DevCase c = e.getValue();
            JsonNode line = lines.get(e.getKey());
            int[] tally = perStatus.computeIfAbsent(c.status(), s -> new int[2]);
            tally[1]++;
            if (line == null) {
                problems.add(c.name() + ": no sidecar line");
                continue;
            }
            String got = line.path("paywall").path("status").asText();
            String text = line.path("text").asText();
            boolean ok = got.equals(c.status());
            if (!ok) {
                problems.add(c.name() + ": status " + got + ", labelled " + c.status() + " " + line.path("paywall"));
            }
            for (String s : c.textContains()) {
                if (!DevCase.containsNormalized(text, s)) {
                    ok = false;
                    problems.add(c.name() + ": text lacks \"" + s + "\"");
                }
            }
            if ("blocked".equals(got) && !text.isEmpty()) {
                ok = false;
                problems.add(c.name() + ": blocked capture has sidecar text (must be empty): " + text);
            }
            for (String s : c.textExcludes()) {
                if (DevCase.containsNormalized(text, s)) {
                    ok = false;
                    problems.add(c.name() + ": text holds \"" + s + "\"");
                }
            }
            if (ok) {
                tally[0]++;
            }
        }
        perStatus.forEach((s, t) -> System.out.printf("capture dev set: status %-9s %d/%d right%n", s, t[0], t[1]));
        assertThat(problems).isEmpty();
        assertThat(byUrl).hasSize(28);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
