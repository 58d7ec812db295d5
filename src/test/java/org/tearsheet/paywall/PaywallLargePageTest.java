package org.tearsheet.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tearsheet.extract.Article;
import org.tearsheet.extract.Extractors;
import org.tearsheet.extract.HtmlDecoder;
import org.tearsheet.extract.HtmlPage;
import org.tearsheet.paywall.PaywallVerdict.Kind;
import org.tearsheet.paywall.PaywallVerdict.Status;

/**
 * Pathological pages: a 90 kB unbroken word and a 5 MB text body. The verdict must be computed (no detector
 * error) and be the right one; how fast is shown by {@code PaywallBenchmark}, never asserted here.
 */
class PaywallLargePageTest {

    private static final String WORD = "abcdefghij".repeat(9_000);
    private static final String BARRIER = "<div class=paywall><p>Subscribe to continue reading</p>"
            + "<a href=/subscribe>Subscribe</a></div>";
    private static final String LOCKED = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            + "\"isAccessibleForFree\":false}</script>";

    private final PaywallDetector detector = PaywallDetectors.standard();

    /** About 5 MB of article paragraphs. */
    private static String fiveMegabytes() {
        return PaywallDetectorTest.paragraphs(16_000);
    }

    @Test
    void teaserWhoseOnlyLongParagraphIsOneEndlessWordIsTruncatedAsObfuscated() {
        String html = PaywallDetectorTest.page(LOCKED, "", PaywallDetectorTest.paragraphs(2) + "<p>" + WORD + "</p>",
                BARRIER);

        PaywallVerdict v = verdict(html);

        assertThat(v.status()).as(v.signals().toString()).isEqualTo(Status.TRUNCATED);
        assertThat(v.kind()).isEqualTo(Kind.HARD);
        assertThat(v.signals()).contains("obfuscated-text", "jsonld-free-false").doesNotContain("detector-error");
    }

    @Test
    void endlessWordInsideBarrierWordingStillFindsTheBarrier() {
        String html = PaywallDetectorTest.page(LOCKED, "", PaywallDetectorTest.paragraphs(2),
                "<div class=paywall><p>Subscribe to continue reading " + WORD + "</p>"
                        + "<a href=/subscribe>Subscribe</a></div>");

        PaywallVerdict v = verdict(html);

        assertThat(v.status()).as(v.signals().toString()).isEqualTo(Status.TRUNCATED);
        assertThat(v.signals()).contains("barrier-text", "paywall-section").doesNotContain("detector-error");
    }

    @Test
    void fiveMegabyteFreeArticleIsNotPaywalled() {
        String html = PaywallDetectorTest.page("", "", fiveMegabytes() + "<p>" + WORD + "</p>", "");
        assertThat(html.length()).isGreaterThan(5_000_000);

        PaywallVerdict v = verdict(html);

        assertThat(v.status()).as(v.signals().toString()).isEqualTo(Status.NONE);
        assertThat(v.signals()).doesNotContain("detector-error");
    }

    @Test
    void fiveMegabyteArticleBehindClientSideBarrierIsFull() {
        String html = PaywallDetectorTest.page(LOCKED, "", fiveMegabytes(), BARRIER);

        PaywallVerdict v = verdict(html);

        assertThat(v.status()).as(v.signals().toString()).isEqualTo(Status.FULL);
        assertThat(v.kind()).isEqualTo(Kind.HARD);
        assertThat(v.signals()).contains("jsonld-free-false").doesNotContain("detector-error");
    }

    private PaywallVerdict verdict(String html) {
        HtmlPage page = HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), PaywallDetectorTest.URL,
                "text/html; charset=utf-8");
        Article article = Extractors.standard().extract(page);
        return detector.detect(new PaywallInput(page, article, 200, List.of(PaywallDetectorTest.URL), false));
    }
}
