package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The class/id verdict is computed name by name, memoised per page, with indexed token matching. These tests
 * hold it to the straightforward definitions it replaced (regex split, one substring search per token, the
 * whole value matched at once), on every class and id value of the dev pages and on edge cases.
 */
class ChromeVerdictTest {

    private static final List<String> values = new ArrayList<>();

    @BeforeAll
    static void collectValues() {
        Set<String> all = new LinkedHashSet<>();
        for (DevPages.Page p : DevPages.all()) {
            for (Element e : HtmlDecoder.decode(p.bytes(), null, null).document().getAllElements()) {
                all.add(e.attr("class"));
                all.add(e.attr("id"));
            }
        }
        all.addAll(List.of("", " ", "  share  ", "\tad\nfoo", "foo\rshare", "share\u000Bfoo", "x\fad", "ad\r",
                "Article__Header", "TWEET share", "embed-comments", "footer article", "article footer",
                "hid", "a hid b", "İstanbul-nav", "ΣΊΣΥΦΟΣ comment", "sr-only", "VH", "ads", "adsorption",
                "nav__content", "page__footer", "social-share-bar", "x".repeat(501), "share " + "y".repeat(495)));
        Random random = new Random(42);
        String alphabet = "abcdehilmnoprstuvw-_ \t\r\u000B\fAS";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(24);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            all.add(sb.toString());
        }
        values.addAll(all);
    }

    @Test
    void namesAreTheNonEmptyPartsOfARegexSplit() {
        for (String v : values) {
            String[] expected = Arrays.stream(v.split("\\s+")).filter(s -> !s.isEmpty()).toArray(String[]::new);
            assertThat(ChromeRules.names(v)).as("names of [%s]", v).containsExactly(expected);
        }
    }

    @Test
    void indexedTokenMatchingAgreesWithPlainSearch() {
        List<String> spec = List.of("comment", "ad$", "ads$", "pn-", "share", "sh", "tag$", "-ad-", "nav", "__x");
        NameTokens tokens = new NameTokens(spec);
        for (String raw : values) {
            String v = raw.toLowerCase(Locale.ROOT);
            assertThat(tokens.occursIn(v)).as("occursIn [%s]", v).isEqualTo(plainOccursIn(spec, v));
            assertThat(tokens.matches(v)).as("matches [%s]", v).isEqualTo(plainMatches(spec, v));
        }
    }

    @Test
    void verdictAgreesWithTheWholeValueDefinition() {
        for (String v : values) {
            for (boolean isClass : new boolean[] {true, false}) {
                assertThat(ChromeRules.verdict(v, isClass)).as("verdict [%s] class=%s", v, isClass)
                        .isEqualTo(reference(v, isClass));
            }
        }
    }

    @Test
    void onePassNameFactsAgreeWithTheSetBySetDefinition() {
        for (String v : values) {
            for (String name : ChromeRules.names(v.toLowerCase(Locale.ROOT))) {
                assertThat(ChromeRules.nameFacts(name)).as("facts of [%s]", name)
                        .isEqualTo(ChromeRules.nameFactsBySet(name));
            }
        }
    }

    @Test
    void memoisedVerdictsAgreeWithThePureFunction() {
        PageVerdicts page = new PageVerdicts();
        for (int round = 0; round < 2; round++) {
            for (String v : values) {
                assertThat(page.ofClass(v)).as("class [%s]", v).isEqualTo(ChromeRules.verdict(v, true));
                assertThat(page.ofId(v)).as("id [%s]", v).isEqualTo(ChromeRules.verdict(v, false));
            }
        }
    }

    @Test
    void tokensShorterThanTheIndexAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NameTokens(List.of("a$")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The verdict as first written: regex split, and the segment-anchored checks on the whole value. */
    private static int reference(String value, boolean isClass) {
        if (value.isEmpty() || value.length() > 500) {
            return 100 << 8;
        }
        String v = value.toLowerCase(Locale.ROOT);
        String[] names = v.split("\\s+");
        int bits = 0;
        if (isClass) {
            for (String name : names) {
                if (ChromeRules.HIDDEN_NAMES.contains(name)) {
                    bits |= ChromeRules.HIDDEN;
                }
            }
            if ((ChromeRules.STRONG_CHROME.matches(v) || ChromeRules.ANYWHERE_CHROME.occursIn(v))
                    && !ChromeRules.EMBED_NAME.matches(v)) {
                bits |= ChromeRules.STRONG;
            }
        }
        if (referenceChromeName(names)) {
            bits |= ChromeRules.CHROME;
        }
        int w = 0;
        if (ChromeRules.NEGATIVE_WEIGHT.occursIn(v) || Arrays.asList(names).contains("hid")) {
            w -= 25;
        }
        if (ChromeRules.POSITIVE_WEIGHT.occursIn(v)) {
            w += 25;
        }
        return bits | ((w + 100) << 8);
    }

    private static boolean referenceChromeName(String[] names) {
        for (String name : names) {
            if (name.isEmpty()) {
                continue;
            }
            if (ChromeRules.EMBED_NAME.matches(name)) {
                return false;
            }
            if (ChromeRules.STRONG_CHROME.matches(name) || ChromeRules.ANYWHERE_CHROME.occursIn(name)) {
                return true;
            }
            int element = name.lastIndexOf("__");
            String meaning = element >= 0 ? name.substring(element + 2) : name;
            if (ChromeRules.SOFT_CHROME.matches(meaning) && !ChromeRules.CONTENT_NAME.occursIn(meaning)) {
                return true;
            }
        }
        return false;
    }

    private static boolean plainOccursIn(List<String> spec, String v) {
        for (String s : spec) {
            if (v.contains(s.endsWith("$") ? s.substring(0, s.length() - 1) : s)) {
                return true;
            }
        }
        return false;
    }

    /** The first implementation's rule: a token at a segment start, a '$' token also ending at a boundary. */
    private static boolean plainMatches(List<String> spec, String v) {
        for (int p = 0; p < v.length(); p++) {
            if (p > 0 && !boundary(v.charAt(p - 1))) {
                continue;
            }
            for (String s : spec) {
                boolean exact = s.endsWith("$");
                String t = exact ? s.substring(0, s.length() - 1) : s;
                int end = p + t.length();
                if (v.startsWith(t, p) && (!exact || end == v.length() || boundary(v.charAt(end)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean boundary(char c) {
        return c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\n';
    }
}
