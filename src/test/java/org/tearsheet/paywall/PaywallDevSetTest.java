package org.tearsheet.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tearsheet.extract.Article;
import org.tearsheet.extract.Extractor;
import org.tearsheet.extract.Extractors;
import org.tearsheet.extract.HtmlDecoder;
import org.tearsheet.extract.HtmlPage;

/**
 * Every {@code shared/paywall-dev} case through the standard extractor and detector directly (no HTTP), the fast
 * loop for tuning. {@code PaywallDevCaptureTest} runs the same cases through real captures.
 */
class PaywallDevSetTest {

    private static List<DevCase> cases;
    private final PaywallDetector detector = PaywallDetectors.standard();
    private final Extractor extractor = Extractors.standard();

    @BeforeAll
    static void load() throws Exception {
        cases = DevCase.all();
    }

    @Test
    void everyDevCaseGetsItsLabelledStatus() {
        Map<String, int[]> perStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (DevCase c : cases) {
            PaywallVerdict v = verdictOf(c);
            int[] tally = perStatus.computeIfAbsent(c.status(), s -> new int[2]);
            tally[1]++;
            if (v.status().wireName().equals(c.status())) {
                tally[0]++;
            } else {
                wrong.add(c.name() + ": expected " + c.status() + " got " + v.status().wireName() + " " + v.signals());
            }
            System.out.printf("%-40s %-9s %-12s %s%n", c.name(), v.status().wireName(), v.kind().wireName(),
                    v.signals());
        }
        perStatus.forEach((s, t) -> System.out.printf("status %-9s %d/%d%n", s, t[0], t[1]));
        assertThat(wrong).isEmpty();
        assertThat(cases).hasSize(28);
    }

    @Test
    void kindsMatchTheLabels() {
        List<String> wrong = new ArrayList<>();
        for (DevCase c : cases) {
            PaywallVerdict v = verdictOf(c);
            if (!v.kind().wireName().equals(c.kind())) {
                wrong.add(c.name() + ": expected " + c.kind() + " got " + v.kind().wireName());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void sameVerdictWhateverHostServesThePage() {
        for (DevCase c : cases) {
            PaywallVerdict original = verdictOf(c);
            String moved = c.url().replaceFirst("^https?://[^/]+", "http://127.0.0.1:8080");
            DevCase elsewhere = new DevCase(c.name(), moved, c.status(), c.kind(), c.signals(), c.textContains(),
                    c.textExcludes(), c.html(), c.head());
            assertThat(verdictOf(elsewhere)).as(c.name()).isEqualTo(original);
        }
    }

    /**
     * The subscriber's view of two teaser cases: barrier gone, the rest of the text delivered, the premium label
     * kept next to the headline. The label alone must not read as a barrier.
     */
    @Test
    void subscriberVersionsOfTeaserPagesAreFull() {
        String moreFr = "<p class=\"article__paragraph\">Le programme régional finance le matériel et une partie des"
                + " plants. Les agriculteurs apportent le travail et le temps, beaucoup de temps, car un verger"
                + " abandonné demande trois à quatre ans avant de produire de nouveau des châtaignes.</p>";
        DevCase lemonde = rewrite(byName("lemonde-truncated-chataignes"), html -> html
                .replaceAll("(?s)<p class=\"article__status\">.*?</p>", moreFr.repeat(4))
                .replaceAll("(?s)<section class=\"paywall\">.*?</section>", "")
                .replace("\"is_a_teaser\":true", "\"is_a_teaser\":false"));
        String moreDe = "<p class=\"paragraph article__item\">Gegen Mitternacht wird es ruhiger, dann kocht sie"
                + " Kaffee und geht die Liste der Halte durch, an denen in dieser Nacht niemand aussteigen will und"
                + " an denen der Zug trotzdem halten muss.</p>";
        DevCase zeit = rewrite(byName("zeit-zplus-truncated-nachtzug"), html -> html
                .replaceAll("(?s)<aside id=\"paywall\".*?</aside>", "")
                .replace("<div class=\"paragraph--faded\">", "<div>" + moreDe.repeat(4))
                .replace("<header class=\"article-header\">",
                        "<header class=\"article-header\"><span class=\"zplus-label\">Exklusiv für Abonnenten</span>"));
        for (DevCase c : List.of(lemonde, zeit)) {
            PaywallVerdict v = verdictOf(c);
            assertThat(v.status()).as(c.name() + " " + v.signals()).isEqualTo(PaywallVerdict.Status.FULL);
            assertThat(v.signals()).as(c.name()).contains("premium-label").doesNotContain("barrier-text");
        }
    }

    private static DevCase byName(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static DevCase rewrite(DevCase c, java.util.function.UnaryOperator<String> edit) {
        String html = edit.apply(new String(c.html(), java.nio.charset.StandardCharsets.UTF_8));
        return new DevCase(c.name() + "-subscriber", c.url(), "full", c.kind(), c.signals(), c.textContains(),
                c.textExcludes(), html.getBytes(java.nio.charset.StandardCharsets.UTF_8), c.head());
    }

    private PaywallVerdict verdictOf(DevCase c) {
        List<String> chain = new ArrayList<>(List.of(c.url()));
        HtmlPage page = HtmlDecoder.decode(c.html(), c.url(), c.contentType());
        int status = c.httpStatus();
        if (c.head() != null && c.head().headers().containsKey("Location")) {
            // as a capture sees it: the redirect is followed to the login page
            String location = c.head().headers().get("Location");
            chain.add(location);
            page = HtmlDecoder.decode(DevCase.LOGIN_PAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8), location,
                    "text/html; charset=utf-8");
            status = 200;
        }
        Article article = extractor.extract(page);
        return detector.detect(new PaywallInput(page, article, status, chain, false));
    }
}
