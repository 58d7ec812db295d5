package org.tearsheet.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tearsheet.config.PaywallSettings;
import org.tearsheet.config.PaywallSettings.PaywallRule;
import org.tearsheet.extract.Article;
import org.tearsheet.extract.Extractors;
import org.tearsheet.extract.HtmlDecoder;
import org.tearsheet.extract.HtmlPage;
import org.tearsheet.paywall.PaywallVerdict.Credentials;
import org.tearsheet.paywall.PaywallVerdict.Kind;
import org.tearsheet.paywall.PaywallVerdict.Status;

/** Variants the dev set does not cover: client-side paywalls, hard negatives, HTTP refusals, site rules. */
class PaywallDetectorTest {

    static final String URL = "https://news.example.net/2026/11/story";
    private final PaywallDetector detector = PaywallDetectors.standard();

    static final String[] SENTENCES = {
        "The county water board approved a plan on Tuesday to replace the oldest pipes under the market square.",
        "Engineers said the work would take about eighteen months and would be done in short sections at night.",
        "Shop owners asked for the noisiest digging to be kept away from the busiest weeks before the holidays.",
        "The board agreed to publish a weekly map of closed streets and to keep one lane open on the ring road.",
        "Residents in the older terraces have complained for years about brown water after heavy rain and frost.",
        "A survey last spring found that almost a third of the cast iron mains were older than a century now.",
        "The cost will be shared between the board and a regional fund, with no increase in bills until next year.",
        "Councillors from both groups welcomed the plan but asked for a report on progress every three months.",
    };

    static String paragraphs(int n) {
        return IntStream.range(0, n).mapToObj(i -> "<p>" + SENTENCES[i % SENTENCES.length] + " "
                + SENTENCES[(i + 3) % SENTENCES.length] + " " + SENTENCES[(i + 5) % SENTENCES.length] + "</p>")
                .collect(Collectors.joining("\n"));
    }

    static String page(String head, String bodyAttrs, String article, String after) {
        return "<!doctype html><html lang=en><head><meta charset=utf-8><title>Water mains plan | Daily</title>" + head
                + "</head><body" + bodyAttrs + "><header class=site><nav><a href=/>Home</a> <a href=/subscribe>"
                + "Subscribe</a></nav></header><main><article><h1>Board approves plan to replace water mains</h1>"
                + "<div class=article-body>" + article + "</div></article>" + after
                + "</main><footer><p>© Daily</p></footer></body></html>";
    }

    private PaywallVerdict verdict(String html) {
        return verdict(html, 200, List.of(URL), false);
    }

    private PaywallVerdict verdict(String html, int status, List<String> chain, boolean credentials) {
        HtmlPage page = HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), chain.get(chain.size() - 1),
                "text/html; charset=utf-8");
        Article article = Extractors.standard().extract(page);
        return detector.detect(new PaywallInput(page, article, status, chain, credentials));
    }

    @Test
    void aModalOverDeliveredFullTextIsFullButOverATeaserIsTruncated() {
        String modal = "<div class=\"tp-modal\"><div class=tp-backdrop></div><div class=offer><h2>Subscribe to"
                + " continue reading</h2><p>Get unlimited access for $1 a week.</p><button>Subscribe</button></div></div>";
        PaywallVerdict full = verdict(page("<script src=https://cdn.tinypass.com/api/tinypass.min.js></script>",
                " class=tp-modal-open", paragraphs(8), modal));
        assertThat(full.status()).isEqualTo(Status.FULL);
        assertThat(full.kind()).isEqualTo(Kind.HARD);
        assertThat(full.signals()).contains("piano-script", "piano-tp-modal", "body-tp-modal-open", "barrier-text");

        PaywallVerdict shortArticle = verdict(page("", " class=tp-modal-open", paragraphs(4), modal));
        assertThat(shortArticle.status()).as("four paragraphs under a modal are more than a teaser")
                .isEqualTo(Status.FULL);

        PaywallVerdict teaser = verdict(page("<script src=https://cdn.tinypass.com/api/tinypass.min.js></script>",
                " class=tp-modal-open", paragraphs(2), modal));
        assertThat(teaser.status()).isEqualTo(Status.TRUNCATED);
    }

    @Test
    void textContinuingPastAnInlineBarrierIsAClientSidePaywallAndFull() {
        String gate = "<div class=\"paywall-inline\"><p>Subscribe to continue reading</p><a href=/subscribe>"
                + "Subscribe</a></div>";
        PaywallVerdict v = verdict(page("<meta property=\"article:content_tier\" content=\"locked\">", "",
                paragraphs(2) + gate + paragraphs(4), ""));
        assertThat(v.status()).isEqualTo(Status.FULL);
        assertThat(v.signals()).contains("barrier-text", "text-after-barrier");
    }

    @Test
    void freeArticleWithPremiumTeasersInTheSidebarAndAVendorScriptStaysNone() {
        String sidebar = "<aside class=related><h2>More</h2><ul><li><span class=badge-premium>Premium</span>"
                + "<span class=member-only-tag>Members</span>"
                + " <a href=/a>Rates rise again</a></li><li><span class=label-plus>Z+</span><a href=/b>Night trains"
                + "</a></li></ul></aside>";
        PaywallVerdict v = verdict(page("<script src=https://cdn.tinypass.com/api/tinypass.min.js></script>", "",
                paragraphs(5), sidebar));
        assertThat(v.status()).isEqualTo(Status.NONE);
        assertThat(v.kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void scoopLabelsSponsoredPostsAndConsentWallsAreNotPaywalls() {
        String kicker = "<p class=kicker><span class=label-exclusive>Exclusive</span></p>";
        assertThat(verdict(page("", "", kicker + paragraphs(3), "")).status()).isEqualTo(Status.NONE);
        String sponsored = "<p class=label-paid>Paid Post</p>";
        assertThat(verdict(page("", "", sponsored + paragraphs(3), "")).status()).isEqualTo(Status.NONE);
        String adNotice = "<div class=ad-slot><p>Advertisement - scroll to continue reading</p></div>";
        assertThat(verdict(page("", "", paragraphs(1) + adNotice + paragraphs(1), "")).status()).isEqualTo(Status.NONE);
        String translation = "<p class=note><a href=/es/story>Click here to read this article in Spanish</a></p>";
        assertThat(verdict(page("", "", translation + paragraphs(2), "")).status()).isEqualTo(Status.NONE);
        String related = "<div class=more><h3>Want to keep reading? Here are more stories from the valley</h3>"
                + "<a href=/x>Bridge reopens</a></div>";
        assertThat(verdict(page("", "", paragraphs(2), related)).status()).isEqualTo(Status.NONE);
        String payOrOk = "<div class=\"sp_message_container\"><p>Weiterlesen mit Werbung und Tracking oder mit dem"
                + " Pur-Abo ohne Werbung</p><button>Zustimmen und weiterlesen</button><button>Pur-Abo</button></div>";
        assertThat(verdict(page("", "", paragraphs(3), payOrOk)).status()).isEqualTo(Status.NONE);
    }

    @Test
    void aHiddenPaywallTemplateOnAFreeArticleIsIgnored() {
        String hidden = "<div class=paywall hidden><h2>Subscribe to continue reading</h2></div>"
                + "<template><div class=paywall>This article is for subscribers only</div></template>"
                + "<div class=regwall style=\"display:none\">Create a free account to continue reading</div>";
        assertThat(verdict(page("", "", paragraphs(4), hidden)).status()).isEqualTo(Status.NONE);
    }

    @Test
    void httpRefusalsAndLoginRedirectsAreBlocked() {
        String denied = "<html><head><title>403 Forbidden</title></head><body><h1>Access denied</h1>"
                + "<p>You don't have permission to access this resource.</p></body></html>";
        PaywallVerdict forbidden = verdict(denied, 403, List.of(URL), false);
        assertThat(forbidden.status()).isEqualTo(Status.BLOCKED);
        assertThat(forbidden.kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(forbidden.signals()).contains("http-403");

        String moved = "<html><body><h1>Found</h1><p>The document has moved <a href=\"/account/login?returnUrl=%2F2026"
                + "%2F11%2Fstory\">here</a>.</p></body></html>";
        PaywallVerdict unfollowed = verdict(moved, 302, List.of(URL), false);
        assertThat(unfollowed.status()).isEqualTo(Status.BLOCKED);
        assertThat(unfollowed.signals()).contains("http-302-login", "login-return-param");

        String refresh = "<html><head><meta http-equiv=refresh content=\"0; url=/register?next=/2026/11/story\">"
                + "</head><body>Redirecting…</body></html>";
        PaywallVerdict registration = verdict(refresh, 200, List.of(URL), false);
        assertThat(registration.status()).isEqualTo(Status.BLOCKED);
        assertThat(registration.kind()).isEqualTo(Kind.REGISTRATION);

        // an ordinary redirect to a canonical article URL is not a login
        PaywallVerdict canonical = verdict(page("", "", paragraphs(4), ""), 200,
                List.of(URL, "https://news.example.net/2026/11/plans-for-new-bridge"), false);
        assertThat(canonical.status()).isEqualTo(Status.NONE);
    }

    @Test
    void nonHtmlResponsesAreJudgedByStatusAlone() {
        assertThat(detector.detect(new PaywallInput(null, Article.empty(), 200, List.of(URL), false)).status())
                .isEqualTo(Status.NONE);
        PaywallVerdict paid = detector.detect(new PaywallInput(null, Article.empty(), 402, List.of(URL), true));
        assertThat(paid.status()).isEqualTo(Status.BLOCKED);
        assertThat(paid.kind()).isEqualTo(Kind.HARD);
        assertThat(paid.credentials()).isEqualTo(Credentials.REJECTED);
    }

    @Test
    void scrambledTextCountsAsAbsent() {
        String scrambled = IntStream.range(0, 5).mapToObj(i -> "<p class=lp-text>" + shift(SENTENCES[i] + " "
                + SENTENCES[i + 1]) + "</p>").collect(Collectors.joining());
        PaywallVerdict v = verdict(page("<meta property=\"article:content_tier\" content=\"locked\">", "",
                paragraphs(1) + scrambled, ""));
        assertThat(v.status()).isEqualTo(Status.TRUNCATED);
        assertThat(v.signals()).contains("obfuscated-text");
    }

    @Test
    void jsonLdArticleBodyFarLongerThanTheVisibleTextMeansTruncated() {
        String body = String.join(" ", SENTENCES) + " " + String.join(" ", SENTENCES) + " "
                + String.join(" ", SENTENCES);
        String head = "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":\"false\","
                + "\"articleBody\":\"" + body + "\"}</script>";
        PaywallVerdict v = verdict(page(head, "", paragraphs(1), ""));
        assertThat(v.status()).isEqualTo(Status.TRUNCATED);
        assertThat(v.signals()).contains("jsonld-free-false-string", "jsonld-articlebody-longer");
    }

    @Test
    void ampSubscriptionsWithTheContentSectionDeliveredIsFull() {
        String html = "<!doctype html><html amp lang=en><head><meta charset=utf-8><title>Mains</title>"
                + "<script async custom-element=amp-subscriptions src=https://cdn.ampproject.org/v0/amp-subscriptions-0.1.js>"
                + "</script></head><body><article><h1>Board approves plan</h1><section subscriptions-section=content>"
                + paragraphs(6) + "</section><section subscriptions-section=content-not-granted><p>Subscribe to"
                + " continue reading</p></section></article></body></html>";
        PaywallVerdict v = verdict(html);
        assertThat(v.status()).isEqualTo(Status.FULL);
        assertThat(v.signals()).contains("amp-page", "amp-subscriptions", "amp-content-section-present");
    }

    @Test
    void barriersInOtherLanguagesAndPlatforms() {
        String it = page("", "", paragraphs(2), "<div class=abbonamento><p>Per continuare a leggere abbonati"
                + " a 1 € al mese</p><a href=/abbonati>Abbonati</a></div>");
        assertThat(verdict(it).status()).isEqualTo(Status.TRUNCATED);
        String es = page("", "", paragraphs(2), "<div class=muro><p>Este artículo es exclusivo para suscriptores</p>"
                + "<p>¿Ya eres suscriptor? <a href=/login>Inicia sesión</a></p></div>");
        assertThat(verdict(es).status()).isEqualTo(Status.TRUNCATED);
        String spiegel = page("", "", "<span>SPIEGEL+</span>" + paragraphs(1),
                "<div data-area=paywall><p>Weiterlesen mit SPIEGEL+</p><a href=/abo>Jetzt abonnieren</a></div>");
        PaywallVerdict de = verdict(spiegel);
        assertThat(de.status()).isEqualTo(Status.TRUNCATED);
        assertThat(de.signals()).contains("spiegel-paywall-area", "plus-badge");
        String ghost = page("", "", paragraphs(2), "<aside class=gh-post-upgrade-cta><h2>This post is for paying"
                + " subscribers only</h2><a href=#/portal/signup>Subscribe now</a></aside>");
        assertThat(verdict(ghost).status()).isEqualTo(Status.TRUNCATED);
    }

    @Test
    void commonBarrierWordingWithoutKnownClassNames() {
        for (String wording : List.of("Register for free to read this article.", "Want to keep reading? Subscribe now.",
                "Only subscribers can read this story.", "You need to be a subscriber to read the rest.",
                "Sie möchten weiterlesen? Jetzt Abo abschließen.", "Vous souhaitez lire la suite ?",
                "This story is available exclusively to subscribers.")) {
            String html = page("", "", paragraphs(2), "<div class=box-x><p>" + wording + "</p><a href=/join>Join</a></div>");
            assertThat(verdict(html).status()).as(wording).isEqualTo(Status.TRUNCATED);
        }
    }

    @Test
    void aOneSentenceLedeIsATeaserButABylineAloneIsNot() {
        String gate = "<div class=gate><p>Subscribe to continue reading</p><a href=/s>Subscribe</a></div>";
        String lede = "<p>The council voted on Tuesday to close the old library on Mill Street.</p>";
        assertThat(verdict(page("", "", lede, gate)).status()).isEqualTo(Status.TRUNCATED);
        String byline = "<p class=byline>By Jane Doe · 4 May 2024</p>";
        assertThat(verdict(page("", "", byline, gate)).status()).isEqualTo(Status.BLOCKED);
    }

    @Test
    void operatorRulesExtendTheMarkers() throws Exception {
        String html = page("", "", paragraphs(2), "<div class=house-locker><p>Reserved for Gazette members.</p></div>");
        assertThat(verdict(html).status()).as("unknown wording alone").isEqualTo(Status.NONE);

        PaywallDetector custom = PaywallDetectors.standard(new PaywallSettings(List.of(
                new PaywallRule("gazette", List.of(".house-locker"), List.of("Reserved for Gazette members"),
                        "metered"))));
        HtmlPage p = HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), URL, "text/html");
        PaywallVerdict v = custom.detect(new PaywallInput(p, Extractors.standard().extract(p), 200, List.of(URL), false));
        assertThat(v.status()).isEqualTo(Status.TRUNCATED);
        assertThat(v.kind()).isEqualTo(Kind.METERED);
        assertThat(v.signals()).contains("rule:gazette");
    }

    @Test
    void credentialsAreUsedWhenTheArticleCameThroughAndRejectedWhenNot() {
        String paid = page("<script type=application/ld+json>{\"isAccessibleForFree\":false}</script>", "",
                paragraphs(6), "");
        assertThat(verdict(paid, 200, List.of(URL), true).credentials()).isEqualTo(Credentials.USED);
        assertThat(verdict(paid, 200, List.of(URL), false).credentials()).isEqualTo(Credentials.NONE);
        String teaser = page("<script type=application/ld+json>{\"isAccessibleForFree\":false}</script>", "",
                paragraphs(1), "<div class=gate><p>Subscribe to continue reading</p></div>");
        PaywallVerdict v = verdict(teaser, 200, List.of(URL), true);
        assertThat(v.status()).isEqualTo(Status.TRUNCATED);
        assertThat(v.credentials()).isEqualTo(Credentials.REJECTED);
    }

    @Test
    void neverThrowsOnOddInput() {
        for (String html : List.of("", "<html>", "<p>Subscribe to continue reading", "\u0000\u0001garbage",
                "<script type=application/ld+json>{\"isAccessibleForFree\": [}</script><p>x</p>",
                "<script type=application/ld+json>{\"hasPart\":{\"cssSelector\":\"::-)\"},"
                        + "\"isAccessibleForFree\":false}</script><p>text</p>")) {
            PaywallVerdict v = verdict(html);
            assertThat(v).isNotNull();
            assertThat(v.status()).isNotNull();
        }
        PaywallVerdict noArticle = detector.detect(new PaywallInput(null, null, 200, List.of(), false));
        assertThat(noArticle.status()).isEqualTo(Status.NONE);
    }

    /** Shifts every letter by one, as some paywalls scramble locked paragraphs. */
    static String shift(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isLetter(c) && c < 'z' && c != 'Z' ? (char) (c + 1) : c);
        }
        return b.toString();
    }
}
