package org.tearsheet.paywall;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.extract.Article;
import org.tearsheet.paywall.PaywallVerdict.Credentials;
import org.tearsheet.paywall.PaywallVerdict.Kind;
import org.tearsheet.paywall.PaywallVerdict.Status;

/**
 * The project's paywall detector: combines HTTP status and redirects, schema.org access markup, vendor markers,
 * barrier and meter wording and the amount of article text actually delivered. Never looks at the host name;
 * never throws.
 */
final class StandardPaywallDetector implements PaywallDetector {

    private static final Evaluator P = QueryParser.parse("p");
    private static final Evaluator TEXT_ELEMENTS = QueryParser.parse("p, li, blockquote, h2, h3, pre, td");

    private static final Logger LOG = LoggerFactory.getLogger(StandardPaywallDetector.class);

    /** Teasers are rarely this long; a gate over this much delivered text is a client-side paywall. */
    static final int LONG_BODY_WORDS = 350;
    static final int LONG_BODY_PARAGRAPHS = 5;
    /** Under a modal (not an inline gate after the teaser), this much text is the article, not a teaser. */
    static final int OVERLAY_FULL_WORDS = 150;
    /** An error or login page with this much article text is an article after all. */
    static final int HTTP_ARTICLE_WORDS = 150;
    /** Article prose past a barrier (hidden client-side) when at least this many words follow it. */
    static final int TEXT_AFTER_GATE_WORDS = 60;
    /** A section named by hasPart holds the locked text when it has at least this many words. */
    static final int PART_TEXT_WORDS = 40;

    private final MarkerCatalog catalog;

    StandardPaywallDetector(MarkerCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public PaywallVerdict detect(PaywallInput input) {
        try {
            return decide(input);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("paywall detection failed for {}: {}", last(input.redirectChain()), e.toString());
            return new PaywallVerdict(Status.NONE, Kind.UNKNOWN, List.of("detector-error"),
                    credentials(input, Status.NONE));
        }
    }

    private PaywallVerdict decide(PaywallInput in) {
        Document doc = in.page() == null ? null : in.page().document();
        Article article = in.article() == null ? Article.empty() : in.article();
        Set<String> signals = new LinkedHashSet<>();

        int status = in.finalStatus();
        if (status == 401 || status == 402 || status == 403 || status == 451) {
            signals.add("http-" + status);
        }
        // the page's elements walked once, for every reader that would otherwise walk the whole page again
        List<Element> all = doc == null ? null : ElementWalk.all(doc);
        LoginRedirect login = LoginRedirect.find(in.redirectChain(), status, doc, all);
        if (login != null) {
            signals.add("http-302-login");
            if (login.returnParam()) {
                signals.add("login-return-param");
            }
        }
        StructuredAccess declared = doc == null ? null : StructuredAccess.read(doc, all);
        PageEvidence page = doc == null ? null : PageEvidence.scan(doc, catalog, all);
        if (declared != null) {
            signals.addAll(declared.signals());
        }
        if (page != null) {
            signals.addAll(page.signals);
        }
        if (in.page() != null && in.page().charset() != null) {
            String cs = in.page().charset().name().toLowerCase(java.util.Locale.ROOT);
            if (!cs.equals("utf-8") && !cs.equals("us-ascii")) {
                signals.add("charset-" + cs);
            }
        }
        Part part = declared == null ? Part.UNDECLARED : partStatus(doc, declared.partSelectors(), page);
        if (part != Part.UNDECLARED) {
            signals.add(part.signal);
        }
        Body body = Body.measure(article, doc, page);
        if (body.obfuscated) {
            signals.add("obfuscated-text");
        }

        // 1. The server refused: error status or a redirect to a login/subscribe page, with no article.
        boolean httpRefused = signals.contains("http-" + status) && body.words < HTTP_ARTICLE_WORDS;
        boolean redirectedToLogin = login != null && body.words < HTTP_ARTICLE_WORDS && part != Part.PRESENT;
        if (httpRefused || redirectedToLogin) {
            Kind kind = kindOf(page, login != null && login.registration(),
                    status == 402 || login != null || (page != null && restrictedMarkers(page, declared, part)));
            return verdict(in, Status.BLOCKED, kind, signals);
        }
        if (doc == null) {
            return verdict(in, Status.NONE, Kind.NONE, signals);
        }

        // 2. Is this article restricted at all?
        boolean declaredRestricted = restrictedMarkers(page, declared, part);
        boolean strongBarrier = !page.strongGates.isEmpty();
        boolean barrier = strongBarrier || (!page.ctaGates.isEmpty() && declaredRestricted);
        boolean declaredFree = (Boolean.TRUE.equals(declared.declaredFree()) || "free".equals(page.contentTier)
                || page.has(Role.FREE)) && !Boolean.FALSE.equals(declared.declaredFree());
        if (!declaredRestricted && !barrier) {
            if (signals.isEmpty() || onlyInformational(signals)) {
                signals.add("no-access-markup");
            }
            return verdict(in, Status.NONE, Kind.NONE, signals);
        }
        if (declaredFree && !(strongBarrier && body.words < LONG_BODY_WORDS)) {
            return verdict(in, Status.NONE, Kind.NONE, signals);
        }
        Kind kind = kindOf(page, false, true);

        // 3. How much of it was delivered?
        if (!body.hasArticleText()) {
            return verdict(in, Status.BLOCKED, kind, signals);
        }
        if (body.endsInEllipsis && (barrier || declaredRestricted)) {
            signals.add("ellipsis-truncation");
        }
        if (declared.articleBodyWords() > 0 && declared.articleBodyWords() >= 2 * body.words + 80) {
            signals.add("jsonld-articlebody-longer");
        }
        if (declared.wordCount() > 0 && declared.wordCount() >= 2 * body.words + 80) {
            signals.add("jsonld-wordcount-longer");
        }
        // publishers often name a hasPart selector their page does not use: with no barrier shown and a whole
        // article's worth of paragraphs, a missing section is a markup slip, not a cut
        boolean partSlip = !barrier && body.paragraphs >= LONG_BODY_PARAGRAPHS && body.words >= OVERLAY_FULL_WORDS;
        boolean cut = ((part == Part.MISSING || part == Part.PRESENT_WITHOUT_TEXT) && !partSlip)
                || signals.contains("percent-remaining") || signals.contains("lmd-restreint-teaser")
                || signals.contains("ellipsis-truncation") || body.obfuscated
                || signals.contains("jsonld-articlebody-longer") || signals.contains("jsonld-wordcount-longer")
                || signals.contains("zephr-access-denied");
        if (page.proseWordsAfterGates() >= TEXT_AFTER_GATE_WORDS) {
            signals.add("text-after-barrier");
        }
        boolean complete = part == Part.PRESENT || signals.contains("amp-content-section-present")
                || signals.contains("text-after-barrier");
        if (cut && !(complete && !body.obfuscated && !signals.contains("percent-remaining"))) {
            return verdict(in, Status.TRUNCATED, kind, signals);
        }
        if (barrier || page.has(Role.EXHAUSTED) || page.has("teaser-fade")) {
            boolean longBody = body.words >= LONG_BODY_WORDS && body.paragraphs >= LONG_BODY_PARAGRAPHS
                    // a modal over the page hides what was delivered; more than a teaser's worth means all of it
                    || (overlayOnly(page) && body.words >= OVERLAY_FULL_WORDS && body.paragraphs >= 4);
            // a gate over text that was delivered anyway is a client-side paywall: the capture holds it all
            return verdict(in, complete || longBody ? Status.FULL : Status.TRUNCATED, kind, signals);
        }
        return verdict(in, Status.FULL, kind, signals);
    }

    /** Whether every gate shown is a modal or overlay rather than a box in the article flow. */
    private static boolean overlayOnly(PageEvidence page) {
        return page.overlayGate && !page.inlineGate;
    }

    private static boolean restrictedMarkers(PageEvidence page, StructuredAccess declared, Part part) {
        if (page == null) {
            return false;
        }
        return (declared != null && Boolean.FALSE.equals(declared.declaredFree()))
                || "locked".equals(page.contentTier) || "metered".equals(page.contentTier)
                || page.has(Role.RESTRICTED) || page.has(Role.LABEL) || page.has(Role.METER)
                || page.has(Role.EXHAUSTED) || page.has(Role.TRUNCATION)
                || part != Part.UNDECLARED;
    }

    /** Registration walls ask for a free account only; meters count articles; anything else is a subscription. */
    private static Kind kindOf(PageEvidence page, boolean registrationRedirect, boolean restricted) {
        Map<Kind, Integer> votes = page == null ? Map.of() : page.kindVotes();
        boolean sells = page != null && (page.has("trial-offer") || page.has("subscribe-cta")
                || page.has("upgrade-cta"));
        if (registrationRedirect || (votes.containsKey(Kind.REGISTRATION) && !sells)) {
            return Kind.REGISTRATION;
        }
        if (votes.containsKey(Kind.METERED)) {
            return Kind.METERED;
        }
        if (restricted || votes.containsKey(Kind.HARD) || (page != null && !page.strongGates.isEmpty())) {
            return Kind.HARD;
        }
        return Kind.UNKNOWN;
    }

    private static boolean onlyInformational(Set<String> signals) {
        for (String s : signals) {
            if (!s.startsWith("charset-") && !s.startsWith("jsonld-free-true") && !s.startsWith("microdata-free-true")
                    && !s.equals("og-content-tier-free") && !s.equals("robots-noindex")) {
                return false;
            }
        }
        return true;
    }

    private static Part partStatus(Document doc, List<String> selectors, PageEvidence page) {
        if (selectors.isEmpty()) {
            return Part.UNDECLARED;
        }
        boolean anyFound = false;
        for (String selector : selectors) {
            List<Element> found;
            try {
                found = doc.select(selector);
            } catch (Selector.SelectorParseException e) {
                continue; // a selector jsoup cannot read tells nothing either way
            }
            for (Element e : found) {
                anyFound = true;
                if (articleWords(e, page) >= PART_TEXT_WORDS) {
                    return Part.PRESENT;
                }
            }
        }
        return anyFound ? Part.PRESENT_WITHOUT_TEXT : Part.MISSING;
    }

    /** Words of an element's text outside gates and consent banners. */
    private static int articleWords(Element e, PageEvidence page) {
        int words = 0;
        for (Element d : e.select(TEXT_ELEMENTS)) {
            if (!page.isHidden(d) && !insideAny(d, page.excluded)
                    && !page.isKnownWording(BodyText.normalize(d.text()))) {
                words += BodyText.words(d.ownText().isBlank() && d.select(P).size() > 0 ? "" : d.text());
            }
        }
        if (words == 0 && e.select(P).isEmpty() && !insideAny(e, page.excluded)) {
            words = BodyText.words(e.text()); // sections that hold bare text without paragraphs
        }
        return words;
    }

    static boolean insideAny(Element e, Set<Element> containers) {
        for (Element p = e; p != null; p = p.parent()) {
            if (containers.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static PaywallVerdict verdict(PaywallInput in, Status status, Kind kind, Set<String> signals) {
        return new PaywallVerdict(status, status == Status.NONE ? Kind.NONE : kind, new ArrayList<>(signals),
                credentials(in, status));
    }

    /** Credentials sent but the article still cut or refused: the operator's access was not honoured. */
    private static Credentials credentials(PaywallInput in, Status status) {
        if (!in.credentialsSent()) {
            return Credentials.NONE;
        }
        return status == Status.TRUNCATED || status == Status.BLOCKED ? Credentials.REJECTED : Credentials.USED;
    }

    private static String last(List<String> chain) {
        return chain.isEmpty() ? "(no url)" : chain.get(chain.size() - 1);
    }

    /** Whether the sections named by schema.org hasPart are on the page, and hold text. */
    private enum Part {
        UNDECLARED(null),
        PRESENT("haspart-selector-present"),
        PRESENT_WITHOUT_TEXT("haspart-selector-present-without-text"),
        MISSING("haspart-selector-missing");

        final String signal;

        Part(String signal) {
            this.signal = signal;
        }
    }
}
