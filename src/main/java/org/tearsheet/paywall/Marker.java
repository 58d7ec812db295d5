package org.tearsheet.paywall;

import java.util.List;
import java.util.regex.Pattern;
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
 * @param phrases   pattern for short visible text blocks (normalised, lower case), or {@code null}
 */
record Marker(String signal, Role role, Kind kind, Pattern scripts, List<String> selectors,
              Pattern comments, List<MetaPattern> meta, Pattern phrases) {

    Marker {
        selectors = List.copyOf(selectors);
        meta = List.copyOf(meta);
    }

    /** A meta element test: both the name (or property) and the content must match. */
    record MetaPattern(Pattern name, Pattern content) {
    }
}
