package org.tearsheet.paywall;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
import org.tearsheet.paywall.PaywallVerdict.Kind;

/**
 * Everything the markers find in one page: signals by role, implied kinds, and the gate containers (barrier
 * boxes) whose text is not article text. Reads the document only; never modifies it.
 */
final class PageEvidence {

    private static final Evaluator ACTIONS = QueryParser.parse("button, form, input, a[href]");
    private static final Evaluator AMP_CONTENT = QueryParser.parse("[subscriptions-section=content]");
    private static final Evaluator ARTICLE = QueryParser.parse("article");
    private static final Evaluator ARTICLE_OR_MAIN = QueryParser.parse("article, main");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator HEADER = QueryParser.parse("header");
    private static final Evaluator HTML = QueryParser.parse("html");
    private static final Evaluator MAIN = QueryParser.parse("main");
    private static final Evaluator META = QueryParser.parse("meta");
    private static final Evaluator SCRIPT = QueryParser.parse("script");

    /** Text blocks longer than this are article prose, not barrier wording. */
    static final int PHRASE_BLOCK_WORDS = 40;
    /** Labels and badges are short. */
    private static final int LABEL_WORDS = 6;
    /** A gate is a box, not a page region. */
    private static final int GATE_MAX_WORDS = 150;
    private static final Set<String> GATE_STOP = Set.of("body", "html", "main", "article");
    private static final Pattern PLUS_TOKEN = Pattern.compile("^[\\p{Lu}0-9][\\p{L}0-9]{0,11}\\+$");
    private static final Pattern BADGE_CLASS = Pattern.compile(
            "(?i)(^|[-_\\s])(premium|subscriber|subscribers|abo|abonne|abonnes|plus|zplus|locked)([-_\\s]|$)");
    private static final Evaluator CHROME = QueryParser.parse("nav, footer");
    private static final Evaluator NOT_ARTICLE = QueryParser.parse(
            "nav, footer, aside, a, li, [class*=related], [class*=teaser-list], [class*=recommend]");
    private static final Evaluator NOT_PROSE = QueryParser.parse(
            "aside, nav, footer, form, figure, [class*=comment], [class*=related], [class*=recommend], [id*=comment]");
    private static final Evaluator OVERLAY = QueryParser.parse(
            "[class*=modal], [class*=overlay], [class*=backdrop], [class*=popup], [role=dialog]");
    private static final List<String> CONSENT_WORDS = List.of("cookie", "consent", "didomi", "gdpr", "cmp",
            "onetrust", "privacy-banner", "sp_message");
    private static final Pattern CONSENT_CLASS = Pattern.compile("(?i)cookie|consent|didomi|gdpr|\\bcmp\\b|onetrust|privacy-banner|sp_message");

    private final Document doc;
    private final List<Marker> markers;
    /** Each marker's selectors parsed once, by marker index ({@code null}: no selectors). */
    private final List<Evaluator> queries;
    private final PhraseIndex phraseIndex;
    /** Inside navigation, asides, link lists or other teasers: asked for every label candidate. */
    private final AncestorMatch notArticle = new AncestorMatch(NOT_ARTICLE);
    /** Inside site navigation or footer: asked for every short text block. */
    private final AncestorMatch chromeAncestors = new AncestorMatch(CHROME);
    /** By marker index: what the page must contain for its selectors to match anything. */
    private final List<List<SelectorHint>> selectorHints;
    /** Markers whose phrases match a text, by text: gates, labels and word counts ask about the same lines. */
    private final Map<String, BitSet> phraseMatches = new HashMap<>();

    final Set<String> signals = new LinkedHashSet<>();
    private final Map<Role, Set<String>> byRole = new EnumMap<>(Role.class);
    private final Map<Kind, Integer> kindVotes = new EnumMap<>(Kind.class);
    /** Gate containers found through barrier wording: a barrier is shown. */
    final Set<Element> strongGates = newIdentitySet();
    /** Gate containers found through a gate selector holding only call-to-action wording. */
    final Set<Element> ctaGates = newIdentitySet();
    /** Elements whose text is never article text (gates, consent banners, obfuscated sections). */
    final Set<Element> excluded = newIdentitySet();
    /** Consent banners and walls. */
    private final Set<Element> consent = newIdentitySet();
    /** A gate sits inside a modal or overlay. */
    boolean overlayGate;
    /** A gate sits in the page flow (after the teaser), not in an overlay. */
    boolean inlineGate;
    String contentTier;

    private final TextBlocks blocks;
    /** Memo of {@link #isKnownWording}: the same lines are asked about while widening gates and counting words. */
    private final Map<String, Boolean> knownWording = new java.util.HashMap<>();
    /** Normalised texts of {@link #excluded}, computed once scanning is done. */
    private List<String> excludedTexts;
    private Element articleRegion;
    /** The document's elements in document order, walked once: the markers ask about all of them several times. */
    private final List<Element> allElements;
    /** The body's elements in document order (empty without a body). */
    private final List<Element> bodyElements;

    private PageEvidence(Document doc, List<Element> allElements, List<Marker> markers, List<Evaluator> queries,
                         PhraseIndex phraseIndex, List<List<SelectorHint>> selectorHints) {
        this.selectorHints = selectorHints;
        this.doc = doc;
        this.markers = markers;
        this.queries = queries;
        this.phraseIndex = phraseIndex;
        this.allElements = allElements;
        this.bodyElements = doc.body() == null ? List.of() : ElementWalk.within(allElements, doc.body());
        this.blocks = TextBlocks.of(doc, bodyElements);
    }

    /** Scans a document; {@code all} is its elements in document order ({@link ElementWalk#all}). */
    static PageEvidence scan(Document doc, MarkerCatalog catalog, List<Element> all) {
        PageEvidence e = new PageEvidence(doc, all, catalog.markers(), catalog.selectorQueries(), catalog.phraseIndex(),
                catalog.selectorHints());
        e.run();
        return e;
    }

    /** The document's elements in document order. */
    List<Element> allElements() {
        return allElements;
    }

    boolean has(Role role) {
        return !byRole.getOrDefault(role, Set.of()).isEmpty();
    }

    boolean has(String signal) {
        return signals.contains(signal);
    }

    Map<Kind, Integer> kindVotes() {
        return kindVotes;
    }

    /** Whether some gate container holds any of this block's text (the text is barrier, not article). */
    boolean inGate(String normalizedParagraph) {
        if (excludedTexts == null) {
            excludedTexts = new ArrayList<>();
            for (Element gate : excluded) {
                excludedTexts.add(BodyText.normalize(gate.text()));
            }
        }
        for (String gateText : excludedTexts) {
            if (gateText.contains(normalizedParagraph)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a normalised paragraph is wording the markers know (barrier, meter, call to action, label). */
    boolean isKnownWording(String normalizedParagraph) {
        return knownWording.computeIfAbsent(normalizedParagraph, t -> {
            if (BodyText.words(t) > PHRASE_BLOCK_WORDS) {
                return Boolean.FALSE; // long texts are prose; counted once per text, like the match
            }
            BitSet matching = phraseMatches(t);
            for (int i = matching.nextSetBit(0); i >= 0; i = matching.nextSetBit(i + 1)) {
                if (markers.get(i).role() != Role.ACCESS) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        });
    }

    private void run() {
        Element h1 = ElementWalk.selectFirst(allElements, doc, H1);
        articleRegion = h1 == null ? null : h1.closest(ARTICLE) != null ? h1.closest(ARTICLE) : h1.closest(MAIN);
        for (Element e : allElements) {
            if (e.hasAttr("class") || e.hasAttr("id")) {
                String names = e.className() + " " + e.id();
                if (mayNameConsent(names) && CONSENT_CLASS.matcher(names).find() && !GATE_STOP.contains(e.tagName())
                        && BodyText.words(e.text()) < 300) {
                    excluded.add(e);
                    consent.add(e);
                }
            }
        }
        List<String> commentTexts = new ArrayList<>();
        Set<Element> withPlus = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        walkNodes(commentTexts, withPlus);
        scripts();
        comments(commentTexts);
        meta();
        phrases();
        selectors();
        badges(withPlus);
        gateWording();
    }

    // ---------------------------------------------------------------- sources

    private void scripts() {
        StringBuilder all = new StringBuilder();
        for (Element s : ElementWalk.select(allElements, doc, SCRIPT)) {
            if (s.hasAttr("src")) {
                all.append(s.attr("src")).append('\n');
            }
            String type = s.attr("type").toLowerCase(Locale.ROOT);
            if (!type.contains("ld+json")) {
                all.append(s.data()).append('\n');
            }
        }
        String text = all.toString();
        String folded = SourcePattern.fold(text);
        for (Marker m : markers) {
            if (m.scripts() != null && m.scripts().foundIn(text, folded)) {
                fire(m);
            }
        }
    }

    private void comments(List<String> texts) {
        String all = String.join("\n", texts);
        String folded = SourcePattern.fold(all);
        for (Marker m : markers) {
            if (m.comments() != null && m.comments().foundIn(all, folded)) {
                fire(m);
            }
        }
    }

    private void meta() {
        for (Element meta : ElementWalk.select(allElements, doc, META)) {
            String name = meta.hasAttr("property") ? meta.attr("property")
                    : meta.hasAttr("name") ? meta.attr("name") : meta.attr("itemprop");
            String content = meta.attr("content").strip();
            if (name.isEmpty()) {
                continue;
            }
            String lname = name.toLowerCase(Locale.ROOT);
            if (lname.endsWith("content_tier") || lname.endsWith("content-tier")) {
                tier(content.toLowerCase(Locale.ROOT));
            }
            if (lname.equals("robots") && content.toLowerCase(Locale.ROOT).contains("noindex")) {
                signals.add("robots-noindex");
            }
            for (Marker m : markers) {
                for (Marker.MetaPattern mp : m.meta()) {
                    if (mp.name().matcher(name).find() && mp.content().matcher(content).find()) {
                        fire(m);
                    }
                }
            }
        }
    }

    private void tier(String value) {
        switch (value) {
            case "locked": case "premium": case "paid": case "subscriber": case "subscription": case "hard":
                contentTier = "locked";
                signals.add("og-content-tier-locked");
                vote(Kind.HARD);
                break;
            case "metered": case "meter":
                contentTier = "metered";
                signals.add("og-content-tier-metered");
                vote(Kind.METERED);
                break;
            case "free": case "open":
                contentTier = "free";
                signals.add("og-content-tier-free");
                break;
            default:
                break;
        }
    }

    private void phrases() {
        for (Map.Entry<Element, TextBlocks.Block> entry : blocks.entries()) {
            Element el = entry.getKey();
            TextBlocks.Block b = entry.getValue();
            if (b.words > PHRASE_BLOCK_WORDS) {
                continue;
            }
            boolean labelPlace = b.words <= LABEL_WORDS && inArticleRegion(el);
            // navigation, footers and consent walls ("continue with ads or subscribe") are not paywalls
            boolean chrome = inChrome(el) || isConsentWall(el, b.text);
            BitSet matching = null;
            for (int mi = 0; mi < markers.size(); mi++) {
                Marker m = markers.get(mi);
                if (m.phrases() == null || m.role() == Role.CTA) {
                    continue;
                }
                boolean label = m.role() == Role.LABEL || m.role() == Role.FREE || m.role() == Role.RESTRICTED;
                String text = b.text;
                if (label ? !labelPlace : chrome) {
                    continue;
                }
                if (matching == null) {
                    matching = phraseMatches(text);
                }
                if (matching.get(mi)) {
                    b.matched = true;
                    if (m.role() == Role.BARRIER || m.role() == Role.EXHAUSTED || m.role() == Role.TRUNCATION) {
                        Element gate = gateAround(el);
                        if (m.role() == Role.BARRIER && (b.words <= 4 || matchesRole(b.text, Role.LABEL))
                                && !offersAction(gate)) {
                            // "Réservé aux abonnés" alone next to the headline marks the article, it bars nothing
                            addSignal("premium-label", Role.LABEL, Kind.HARD);
                            continue;
                        }
                        addGate(gate, strongGates);
                    }
                    fire(m);
                }
            }
            if (!b.matched && b.words <= PHRASE_BLOCK_WORDS && matchesRole(b.text, Role.CTA)) {
                b.matched = true; // call-to-action wording: not article prose, though not a barrier alone
            }
        }
    }

    private void selectors() {
        SelectorHint.Page hintPage = new SelectorHint.Page(allElements);
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            Evaluator query = queries.get(i);
            if (query != null && SelectorHint.anyMayMatch(selectorHints.get(i), hintPage)) {
                Elements found = doc.select(query);
                for (Element e : found) {
                    if (m.role() == Role.BARRIER) {
                        if (!blocks.hidden(e) && !GATE_STOP.contains(e.tagName()) && isGateSized(e)) {
                            String text = BodyText.normalize(e.text());
                            if (matchesRole(text, Role.BARRIER) || matchesRole(text, Role.EXHAUSTED)
                                    || matchesRole(text, Role.TRUNCATION)) {
                                addGate(e, strongGates);
                                signals.add(m.signal());
                                vote(m.kind());
                            } else if (matchesRole(text, Role.CTA)) {
                                addGate(e, ctaGates);
                                byRole.computeIfAbsent(Role.PLATFORM, r -> new LinkedHashSet<>()).add(m.signal());
                                signals.add(m.signal());
                            }
                        }
                    } else if (m.role() == Role.TRUNCATION) {
                        if (!blocks.hidden(e) && BodyText.words(e.text()) >= 3) {
                            fire(m);
                            if (m.signal().equals("obfuscated-text")) {
                                excluded.add(e);
                            }
                        }
                    } else if (m.role() == Role.LABEL || m.role() == Role.FREE) {
                        if (inArticleRegion(e)) {
                            fire(m);
                        }
                    } else if (m.role() == Role.RESTRICTED && e.closest(NOT_ARTICLE) != null) {
                        continue; // a marker on another story's teaser in a list or sidebar says nothing about this one
                    } else {
                        fire(m);
                    }
                }
            }
        }
        Element amp = ElementWalk.selectFirst(allElements, doc, HTML);
        if (amp != null && (amp.hasAttr("amp") || amp.hasAttr("\u26a1"))) {
            signals.add("amp-page");
            byRole.computeIfAbsent(Role.PLATFORM, r -> new LinkedHashSet<>()).add("amp-page");
        }
        for (Element section : hintPage.attributes.contains("subscriptions-section")
                ? doc.select(AMP_CONTENT) : new Elements()) {
            if (BodyText.words(section.text()) >= 40) {
                signals.add("amp-content-section-present");
            }
        }
    }

    /** Premium and "+" badges near the article (not in navigation, teasers of other articles or links). */
    private void badges(Set<Element> withPlus) {
        // the cheap tests on the element first; the place (ancestors) only for the few that look like a badge
        for (Element e : bodyElements) {
            if (TextBlocks.INVISIBLE.contains(e.tagName())) {
                continue;
            }
            boolean plusAttr = false;
            if (e.attributesSize() > 0) {
                for (String attr : new String[] {"aria-label", "title", "alt"}) {
                    String v = e.attr(attr);
                    if (!v.isEmpty() && BodyText.words(v) <= 4 && hasPlusToken(v)) {
                        plusAttr = true;
                    }
                }
            }
            // the element's text (a walk of its subtree) only when it may hold a '+' token or has a badge class;
            // with no non-blank text node child its own text is blank
            boolean classLooksLikeBadge = e.attributesSize() > 0 && mayBeBadgeClass(e.className())
                    && BADGE_CLASS.matcher(e.className()).find();
            boolean plusText = false;
            boolean badgeClass = false;
            String text = "";
            if ((withPlus.contains(e) || classLooksLikeBadge) && TextBlocks.hasOwnText(e)
                    && !e.ownText().strip().isEmpty()) {
                text = e.text().strip();
                int words = BodyText.words(text);
                plusText = words <= 4 && hasPlusToken(text);
                badgeClass = words >= 1 && words <= 3 && classLooksLikeBadge;
            }
            if (!(plusText || plusAttr || badgeClass) || !inArticleRegion(e)) {
                continue;
            }
            if (plusText) {
                addSignal("plus-badge", Role.LABEL, Kind.HARD);
            }
            if (plusAttr) {
                addSignal("plus-badge", Role.LABEL, Kind.HARD);
            }
            if (badgeClass && !blocks.hidden(e)) {
                addSignal(hasPlusToken(text) ? "plus-badge" : "premium-badge", Role.LABEL, Kind.HARD);
            }
        }
    }

    /** A filter before {@link #BADGE_CLASS} (ASCII case-insensitive): it can only match a class holding these. */
    private static boolean mayBeBadgeClass(String className) {
        if (className.isEmpty()) {
            return false;
        }
        String c = className.toLowerCase(Locale.ROOT);
        return c.contains("premium") || c.contains("subscriber") || c.contains("abo") || c.contains("plus")
                || c.contains("locked");
    }

    /**
     * One pass over all nodes for what elements do not show: the comments' texts in document order, and the
     * elements whose text contains a '+' (a text node below them does).
     */
    private void walkNodes(List<String> comments, Set<Element> out) {
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Comment c) {
                comments.add(c.getData());
            } else if (node instanceof org.jsoup.nodes.TextNode t && t.getWholeText().indexOf('+') >= 0) {
                // marks every ancestor once; stops where an earlier text node already marked the rest
                Element p = t.parent();
                while (p != null && out.add(p)) {
                    p = p.parent();
                }
            }
        }, doc);
    }

    /** Whether the element or an ancestor is hidden (memoised for this page). */
    boolean isHidden(Element e) {
        return blocks.hidden(e);
    }

    /**
     * Words of article prose that follow a gate inside the article: text the server delivered past the barrier,
     * which a client-side paywall merely hides. Related links, comments and asides do not count.
     */
    int proseWordsAfterGates() {
        if (strongGates.isEmpty() || articleRegion == null) {
            return 0;
        }
        int best = 0;
        for (Element gate : strongGates) {
            if (!insideRegion(gate)) {
                continue;
            }
            int words = 0;
            boolean seenGate = false;
            for (Map.Entry<Element, TextBlocks.Block> entry : blocks.entries()) {
                Element el = entry.getKey();
                if (isInside(el, gate)) {
                    seenGate = true; // blocks are in document order: those inside a gate are contiguous
                    continue;
                }
                if (!seenGate) {
                    continue;
                }
                TextBlocks.Block b = entry.getValue();
                if (!b.matched && b.words >= 12 && insideRegion(el) && !StandardPaywallDetector.insideAny(el, excluded)
                        && el.closest(NOT_PROSE) == null) {
                    words += b.words;
                }
            }
            best = Math.max(best, words);
        }
        return best;
    }

    private static boolean isInside(Element e, Element container) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }

    private boolean insideRegion(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == articleRegion) {
                return true;
            }
        }
        return false;
    }

    /** Call-to-action wording inside gates: reported as evidence, and what kind of gate it is. */
    private void gateWording() {
        Set<Element> gates = newIdentitySet();
        gates.addAll(strongGates);
        gates.addAll(ctaGates);
        for (Element gate : gates) {
            List<BitSet> parts = new ArrayList<>();
            for (Element part : ElementWalk.all(gate)) {
                String t = TextBlocks.hasOwnText(part) ? BodyText.normalize(part.text()) : "";
                if (!t.isEmpty() && BodyText.words(t) <= PHRASE_BLOCK_WORDS) {
                    parts.add(phraseMatches(t));
                }
            }
            for (int mi = 0; mi < markers.size(); mi++) {
                Marker m = markers.get(mi);
                if (m.role() == Role.CTA && m.phrases() != null) {
                    for (BitSet part : parts) {
                        if (part.get(mi)) {
                            signals.add(m.signal());
                            vote(m.kind());
                            break;
                        }
                    }
                }
            }
            if (gate.closest(OVERLAY) != null) {
                overlayGate = true;
            } else if (strongGates.contains(gate)) {
                inlineGate = true;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void fire(Marker m) {
        addSignal(m.signal(), m.role(), m.kind());
    }

    private void addSignal(String signal, Role role, Kind kind) {
        signals.add(signal);
        byRole.computeIfAbsent(role, r -> new LinkedHashSet<>()).add(signal);
        vote(kind);
    }

    private void vote(Kind kind) {
        if (kind != null) {
            kindVotes.merge(kind, 1, Integer::sum);
        }
    }

    private boolean matchesRole(String normalizedText, Role role) {
        BitSet matching = phraseMatches(normalizedText);
        for (int i = matching.nextSetBit(0); i >= 0; i = matching.nextSetBit(i + 1)) {
            if (markers.get(i).role() == role) {
                return true;
            }
        }
        return false;
    }

    private BitSet phraseMatches(String normalizedText) {
        return phraseMatches.computeIfAbsent(normalizedText, phraseIndex::matching);
    }

    private void addGate(Element gate, Set<Element> into) {
        into.add(gate);
        excluded.add(gate);
    }

    /** Widens a block with barrier wording to the box around it, stopping before article prose. */
    private Element gateAround(Element block) {
        Element gate = block;
        int depth = 0;
        for (Element p = block.parent(); p != null && depth < 6; p = p.parent(), depth++) {
            if (GATE_STOP.contains(p.tagName()) || BodyText.words(p.text()) > GATE_MAX_WORDS
                    || holdsProse(p, 15)) {
                break;
            }
            gate = p;
        }
        return gate;
    }

    /** Whether a box offers something to do (subscribe, log in, a form): a gate does, a badge does not. */
    private boolean offersAction(Element box) {
        if (!box.select(ACTIONS).isEmpty()) {
            return true;
        }
        for (Element e : ElementWalk.all(box)) {
            if (TextBlocks.hasOwnText(e)) {
                String t = BodyText.normalize(e.text());
                if (BodyText.words(t) <= PHRASE_BLOCK_WORDS && matchesRole(t, Role.CTA)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isGateSized(Element e) {
        return BodyText.words(e.text()) <= GATE_MAX_WORDS && !holdsProse(e, 30);
    }

    /** Whether an element holds a text block of at least {@code minWords} that matched no known wording. */
    private boolean holdsProse(Element e, int minWords) {
        for (Element d : ElementWalk.all(e)) {
            TextBlocks.Block b = blocks.get(d);
            if (b != null && !b.matched && b.words >= minWords && !isKnownWording(b.text)) {
                return true;
            }
        }
        return false;
    }





    /** A filter before {@link #CONSENT_CLASS}: an ASCII case-insensitive pattern can only match these texts. */
    private static boolean mayNameConsent(String names) {
        String n = names.toLowerCase(Locale.ROOT);
        for (String word : CONSENT_WORDS) {
            if (n.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private boolean isConsentWall(Element el, String text) {
        // ad notices ("Advertisement - scroll to continue reading") are not paywalls either
        return text.contains("advert") || text.contains("scroll") || text.contains("anzeige")
                || text.contains("publicité") || text.contains("publicidad")
                || text.contains("cookie") || text.contains("werbung") || text.contains("tracking")
                || text.contains("consent") || text.contains("zustimm") || text.contains("einwillig")
                || StandardPaywallDetector.insideAny(el, consent);
    }

    /** Site navigation and footer: barrier wording there is chrome, not a gate. */
    private boolean inChrome(Element e) {
        return chromeAncestors.any(e);
    }

    /** Labels count only next to this article: not in navigation, asides, link lists or other teasers. */
    private boolean inArticleRegion(Element e) {
        if (notArticle.any(e) || blocks.hidden(e)) {
            return false;
        }
        if (articleRegion != null) {
            for (Element p = e; p != null; p = p.parent()) {
                if (p == articleRegion) {
                    return true;
                }
            }
            return false;
        }
        Element header = e.closest(HEADER);
        return header == null || header.closest(ARTICLE_OR_MAIN) != null;
    }

    private static boolean hasPlusToken(String text) {
        if (text.indexOf('+') < 0) {
            return false; // every plus token ends in '+'
        }
        for (String token : text.strip().split("[\\s()\\[\\]]+")) {
            if (PLUS_TOKEN.matcher(token).matches() && !token.equalsIgnoreCase("Google+")
                    && !token.equalsIgnoreCase("C++")) {
                return true;
            }
        }
        return false;
    }

    /** jsoup nodes compare by identity; a linked set keeps signal order stable from run to run. */
    private static <T> Set<T> newIdentitySet() {
        return new LinkedHashSet<>();
    }

}
