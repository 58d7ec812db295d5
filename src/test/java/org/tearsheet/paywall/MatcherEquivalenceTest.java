package org.tearsheet.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.tearsheet.config.PaywallSettings;

/**
 * The fast matchers give the answers of the plain ones they replace: {@link PhraseIndex} those of
 * {@link Marker#phraseIn} for every marker, {@link SourcePattern} those of one case-insensitive alternation per
 * marker, and {@link SelectorHint} never rules out a selector that matches.
 */
class MatcherEquivalenceTest {

    private final MarkerCatalog catalog = MarkerCatalog.load(PaywallSettings.defaults());

    /** Text blocks of every dev page, plus texts built to hit the phrases' literals in odd surroundings. */
    private List<String> texts() throws Exception {
        List<String> out = new ArrayList<>();
        for (DevCase c : DevCase.all()) {
            Document doc = Jsoup.parse(new String(c.html(), java.nio.charset.StandardCharsets.UTF_8));
            for (Map.Entry<Element, TextBlocks.Block> e : TextBlocks.of(doc).entries()) {
                out.add(e.getValue().text);
            }
        }
        for (Marker m : catalog.markers()) {
            if (m.phrases() != null) {
                for (Marker.Phrase p : m.phrases()) {
                    for (String literal : p.literals()) {
                        out.add(literal);
                        out.add("x" + literal + "x");
                        out.add("subscribe to continue " + literal + " reading");
                        out.add(literal.substring(0, literal.length() / 2));
                    }
                }
            }
        }
        out.add("");
        out.add("abcdefghij".repeat(9_000));
        return out;
    }

    @Test
    void phraseIndexAnswersLikeEveryMarkersOwnPhrases() throws Exception {
        PhraseIndex index = catalog.phraseIndex();
        List<Marker> markers = catalog.markers();
        List<String> wrong = new ArrayList<>();
        for (String text : texts()) {
            BitSet expected = new BitSet();
            for (int i = 0; i < markers.size(); i++) {
                if (markers.get(i).phraseIn(text)) {
                    expected.set(i);
                }
            }
            if (!index.matching(text).equals(expected)) {
                wrong.add(text.length() > 80 ? text.substring(0, 80) : text);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void sourcePatternsFindWhatOneCaseInsensitiveAlternationFinds() {
        List<String> regexes = List.of("tinypass\\.com", "(^|[/.])piano\\.io", "\\btp\\s*=\\s*window\\.tp\\b",
                "[\"']?signedIn[\"']?\\s*:\\s*true", "accessDecisions[\"']?\\s*:\\s*\\{[^}]*:\\s*false",
                "[\"']?(freeViews|meterLimit)[\"']?\\s*:", "ab+c", "x?yz", "ZEPHR_FEATURE");
        List<String> texts = List.of("", "var tp = window.tp || [];", "var TP=WINDOW.TP", "xtp=window.tpx",
                "https://cdn.TinyPass.com/api", "//piano.io", "apiano.io", "{'signedIn': true}", "\"SIGNEDIN\":TRUE",
                "signedIn : false", "accessDecisions: {a: true, b: false}", "accessDecisions:{}", "meterLimit:",
                "'freeviews' :", "abbbc", "abc", "ac", "yz", "xyz", "zephr_feature", "ZEPHR_FEATURE here",
                "\u017figned\u0130n: true", "the tp\u2003=window.tp", "tptptp = window.tp");
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        for (String regex : regexes) {
            SourcePattern fast = SourcePattern.of(List.of(regex), flags);
            Pattern plain = Pattern.compile(regex, flags);
            for (String text : texts) {
                assertThat(fast.foundIn(text, SourcePattern.fold(text))).as(regex + " in " + text)
                        .isEqualTo(plain.matcher(text).find());
            }
        }
    }

    @Test
    void selectorHintsNeverRuleOutAMatchingSelector() throws Exception {
        for (DevCase c : DevCase.all()) {
            Document doc = Jsoup.parse(new String(c.html(), java.nio.charset.StandardCharsets.UTF_8));
            SelectorHint.Page page = new SelectorHint.Page(doc);
            for (Marker m : catalog.markers()) {
                for (String selector : m.selectors()) {
                    if (!doc.select(selector).isEmpty()) {
                        assertThat(SelectorHint.of(selector).mayMatch(page)).as(c.name() + " " + selector).isTrue();
                    }
                }
            }
        }
    }
}
