package org.tearsheet.paywall;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.tearsheet.paywall.PaywallVerdict.Kind;

/**
 * One kind of paywall evidence and where to look for it, as listed in {@code paywall-markers.json} or
 * given by a site rule in the config.
 *
 * @param signal    name reported in the verdict's signals
 * @param role      what the evidence says about the page
 * @param kind      restriction kind it implies, or {@code null}
 * @param scripts   pattern for script URLs and inline script text, or {@code null}
 * @param selectors CSS selectors of elements that carry the evidence
 * @param comments  pattern for HTML comments, or {@code null}
 * @param meta      patterns for meta name/property and content
 * @param phrases   patterns for short visible text blocks (normalised, lower case), each with the literals one
 *                  of which its matches must contain ({@code null}: try every text)
 */
record Marker(String signal, Role role, Kind kind, Pattern scripts, List<String> selectors,
              Pattern comments, List<MetaPattern> meta, List<Phrase> phrases) {

    Marker {
        selectors = List.copyOf(selectors);
        meta = List.copyOf(meta);
        phrases = phrases == null || phrases.isEmpty() ? null : List.copyOf(phrases);
    }

    /** All selectors as one parsed query (one document pass instead of one per selector), or null when none. */
    Evaluator selectorQuery() {
        return selectors.isEmpty() ? null : QueryParser.parse(String.join(", ", selectors));
    }

    /** Whether a normalised text matches one of the phrases; a phrase's regex runs only if its literal occurs. */
    boolean phraseIn(String normalizedText) {
        if (phrases == null) {
            return false;
        }
        for (Phrase p : phrases) {
            if (p.mayMatch(normalizedText) && p.pattern().matcher(normalizedText).find()) {
                return true;
            }
        }
        return false;
    }

    /** One phrase pattern and the texts one of which its every match contains ({@code null}: unknown). */
    record Phrase(Pattern pattern, List<String> literals) {
        boolean mayMatch(String text) {
            if (literals == null) {
                return true;
            }
            for (String l : literals) {
                if (text.contains(l)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A meta element test: both the name (or property) and the content must match. */
    record MetaPattern(Pattern name, Pattern content) {
    }
}
