package org.tearsheet.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.tearsheet.capture.CaptureRequest;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.CaptureService;
import org.tearsheet.config.ArchiveSettings;
import org.tearsheet.config.DataSize;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.index.ArchiveUpkeep;
import org.tearsheet.paywall.PaywallDetector;
import org.tearsheet.paywall.PaywallVerdict;

/** Captures the {@link NewsSite} with the real {@link CaptureService}, keeping index and manifest current. */
public final class SiteCapture {

    private SiteCapture() {
    }

    /** Test stand-in for the paywall helper's detector: schema.org isAccessibleForFree=false means a metered teaser. */
    public static PaywallDetector schemaOrgDetector() {
        return in -> {
            Document d = in.page() == null ? null : in.page().document();
            boolean locked = d != null && d.select("script[type=application/ld+json]").html()
                    .replace(" ", "").contains("\"isAccessibleForFree\":false");
            return locked
                    ? new PaywallVerdict(PaywallVerdict.Status.TRUNCATED, PaywallVerdict.Kind.METERED,
                            List.of("schema_org_not_free", "barrier_text"), PaywallVerdict.Credentials.NONE)
                    : new PaywallVerdict(PaywallVerdict.Status.NONE, PaywallVerdict.Kind.NONE, List.of(),
                            PaywallVerdict.Credentials.NONE);
        };
    }

    public static TearsheetConfig config(Path dir) {
        FetchSettings fetch = new FetchSettings(null, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20),
                5, DataSize.ofBytes(10L << 20), 0, Duration.ofMillis(10), Duration.ofSeconds(1), false, Duration.ZERO,
                2, 4, false, Map.of());
        return TearsheetConfig.defaults().withArchive(new ArchiveSettings(dir, "tearsheet", DataSize.ofBytes(1L << 30),
                "test operator", 6)).withFetch(fetch);
    }

    /** Captures every article and resource of the site into {@code dir} (one WARC, closed at the end). */
    public static List<CaptureResult> captureAll(NewsSite site, Path dir) throws IOException {
        List<CaptureResult> results = new ArrayList<>();
        try (CaptureService svc = CaptureService.builder(config(dir)).paywallDetector(schemaOrgDetector())
                .warcClosedListener(ArchiveUpkeep.listener(dir)).build()) {
            for (String p : site.articlePaths()) {
                results.add(svc.capture(CaptureRequest.of(site.url(p))));
            }
            for (String p : List.of("/assets/site.css", "/img/council.svg", "/img/stripe.svg")) {
                results.add(svc.capture(CaptureRequest.of(site.url(p))));
            }
        }
        return results;
    }
}
