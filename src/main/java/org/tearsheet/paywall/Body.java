package org.tearsheet.paywall;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Evaluator;
import org.tearsheet.extract.Article;

/**
 * How much article text a capture delivered: the extracted paragraphs minus headline, standfirst, barrier,
 * meter and consent wording, and minus scrambled text. Falls back to the page's own paragraphs when the
 * extractor returned nothing.
 */
final class Body {

    private static final Evaluator ARTICLE_OR_MAIN = QueryParser.parse("article, main");
    private static final Evaluator NOT_BODY = QueryParser.parse("nav, header, footer, aside, form, figure, figcaption");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p, blockquote, li");
    private static final Evaluator TITLES = QueryParser.parse(
            "h1, meta[name=description], meta[property=og:description], meta[property=og:title]");

    private static final int MIN_PARAGRAPH_WORDS = 4;
    /** Fewer article words than this: no article body, only a headline, byline or barrier leftovers. */
    static final int MIN_ARTICLE_WORDS = 12;
    static final int MIN_SENTENCE_WORDS = 10;

    final int words;
    final int paragraphs;
    /** Words of the longest kept paragraph: a lede is a sentence, leftovers like bylines are fragments. */
    final int longest;
    final boolean endsInEllipsis;
    final boolean obfuscated;

    private Body(int words, int paragraphs, int longest, boolean endsInEllipsis, boolean obfuscated) {
        this.words = words;
        this.paragraphs = paragraphs;
        this.longest = longest;
        this.endsInEllipsis = endsInEllipsis;
        this.obfuscated = obfuscated;
    }

    /** At least one sentence of article text: a one-sentence lede is a teaser, a byline or date is not. */
    boolean hasArticleText() {
        return words >= MIN_ARTICLE_WORDS && longest >= MIN_SENTENCE_WORDS;
    }

    static Body measure(Article article, Document doc, PageEvidence page) {
        Body extracted = measure(BodyText.paragraphs(article.text()), article, doc, page);
        if (extracted.hasArticleText() || doc == null) {
            return extracted;
        }
        // the extractor may have missed a short teaser: the page's own paragraphs are the second opinion
        Body own = measure(domParagraphs(doc, page), article, doc, page);
        return own.words > extracted.words ? own : extracted;
    }

    private static Body measure(List<String> candidates, Article article, Document doc, PageEvidence page) {
        Set<String> notBody = new HashSet<>();
        addNormalized(notBody, article.title());
        addNormalized(notBody, article.description());
        if (doc != null) {
            addNormalized(notBody, doc.title());
            for (Element e : page == null ? doc.select(TITLES) : ElementWalk.select(page.allElements(), doc, TITLES)) {
                addNormalized(notBody, e.hasAttr("content") ? e.attr("content") : e.text());
            }
        }
        int words = 0;
        int count = 0;
        int longest = 0;
        boolean obfuscated = false;
        String last = null;
        for (String p : candidates) {
            String n = BodyText.normalize(p);
            if (n.isEmpty() || notBody.contains(n) || BodyText.words(n) < MIN_PARAGRAPH_WORDS && count == 0) {
                continue;
            }
            if (page != null && (page.inGate(n) || page.isKnownWording(n) || isConsentWording(n))) {
                continue;
            }
            if (BodyText.looksScrambledNormalized(n)) {
                obfuscated = true;
                continue;
            }
            int w = BodyText.words(n);
            words += w;
            longest = Math.max(longest, w);
            count++;
            last = p.strip();
        }
        boolean ellipsis = last != null && (last.endsWith("\u2026") || last.endsWith("...") || last.endsWith("[…]")
                || last.endsWith("(…)"));
        return new Body(words, count, longest, ellipsis, obfuscated);
    }

    private static void addNormalized(Set<String> set, String text) {
        if (text != null && !text.isBlank()) {
            set.add(BodyText.normalize(text));
        }
    }

    private static boolean isConsentWording(String n) {
        return n.contains("cookie") && (n.contains("we use") || n.contains("consent") || n.contains("partners")
                || n.contains("accept") || n.contains("personalis") || n.contains("personaliz"));
    }

    private static List<String> domParagraphs(Document doc, PageEvidence page) {
        List<String> out = new ArrayList<>();
        for (Element p : doc.select(PARAGRAPHS)) {
            if (p.closest(NOT_BODY) != null
                    || (page == null ? TextBlocks.isHidden(p) : page.isHidden(p)) || (page != null && StandardPaywallDetector.insideAny(p, page.excluded))) {
                continue;
            }
            if (p.tagName().equals("li") && p.closest(ARTICLE_OR_MAIN) == null) {
                continue;
            }
            String text = p.text().strip();
            if (BodyText.words(text) >= 8) {
                out.add(text);
            }
        }
        return out;
    }
}
