package org.tearsheet.paywall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.tearsheet.config.PaywallSettings;
import org.tearsheet.config.PaywallSettings.PaywallRule;
import org.tearsheet.paywall.PaywallVerdict.Kind;

/**
 * The evidence the detector looks for: the built-in data file plus the operator's site rules
 * ({@code paywall.rules} in the config), validated up front so a bad rule fails at startup, not mid-run.
 */
final class MarkerCatalog {

    static final String RESOURCE = "paywall-markers.json";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private final List<Marker> markers;
    private final List<Evaluator> queries;
    private final PhraseIndex phraseIndex;
    private final List<List<SelectorHint>> selectorHints;

    private MarkerCatalog(List<Marker> markers) {
        this.markers = List.copyOf(markers);
        List<List<SelectorHint>> hints = new ArrayList<>();
        for (Marker m : this.markers) {
            hints.add(SelectorHint.of(m.selectors()));
        }
        this.selectorHints = List.copyOf(hints);
        this.phraseIndex = new PhraseIndex(this.markers);
        List<Evaluator> q = new ArrayList<>();
        for (Marker m : markers) {
            q.add(m.selectorQuery());
        }
        this.queries = java.util.Collections.unmodifiableList(q);
    }

    List<Marker> markers() {
        return markers;
    }

    /** What a page must contain for each marker's selectors to match, by marker index. */
    List<List<SelectorHint>> selectorHints() {
        return selectorHints;
    }

    /** All phrase patterns behind one literal search, marker indices as in {@link #markers()}. */
    PhraseIndex phraseIndex() {
        return phraseIndex;
    }

    /** The markers' parsed selector queries, by marker index ({@code null}: no selectors). */
    List<Evaluator> selectorQueries() {
        return queries;
    }

    /** The built-in markers followed by one barrier marker per configured rule. */
    static MarkerCatalog load(PaywallSettings settings) {
        List<Marker> all = new ArrayList<>(builtIn());
        for (PaywallRule rule : settings.rules()) {
            all.add(fromRule(rule));
        }
        return new MarkerCatalog(all);
    }

    private static List<Marker> builtIn() {
        try (InputStream in = MarkerCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Marker> out = new ArrayList<>();
            for (JsonNode m : root.path("markers")) {
                String signal = m.path("signal").asText();
                List<Marker.MetaPattern> meta = new ArrayList<>();
                for (JsonNode mp : m.path("meta")) {
                    meta.add(new Marker.MetaPattern(compile(mp.path("name").asText(), signal),
                            compile(mp.path("content").asText(), signal)));
                }
                out.add(new Marker(signal,
                        Role.valueOf(m.path("role").asText().toUpperCase(Locale.ROOT)),
                        kindOf(m.path("kind").asText(null), signal),
                        patterns(m.path("scripts"), signal),
                        checkedSelectors(texts(m.path("selectors")), signal),
                        patterns(m.path("comments"), signal),
                        meta,
                        phrasePatterns(m.path("phrases"), signal)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Marker fromRule(PaywallRule rule) {
        if (rule.name() == null || rule.name().isBlank()) {
            throw new IllegalArgumentException("paywall.rules: every rule needs a name");
        }
        if (rule.selectors().isEmpty() && rule.phrases().isEmpty()) {
            throw new IllegalArgumentException("paywall.rules." + rule.name() + ": give selectors or phrases");
        }
        String signal = "rule:" + rule.name();
        List<Marker.Phrase> phrases = new ArrayList<>();
        for (String phrase : rule.phrases()) {
            String literal = BodyText.normalize(phrase);
            phrases.add(new Marker.Phrase(Pattern.compile(Pattern.quote(literal)), List.of(literal)));
        }
        return new Marker(signal, Role.BARRIER, rule.kind() == null ? Kind.HARD : kindOf(rule.kind(), signal),
                null, checkedSelectors(rule.selectors(), signal), null, List.of(), phrases);
    }

    /**
     * Texts one of which every match of {@code regex} contains: the longest run of plain characters outside any
     * group, class or quantifier; failing that, the alternatives of a mandatory group that each have one.
     * {@code null} when no such texts of 3+ characters exist or the pattern has a top-level alternation.
     */
    static List<String> requiredLiterals(String regex) {
        List<String> alternatives = SourcePattern.topLevelAlternatives(regex);
        if (alternatives.size() > 1) {
            List<String> out = new ArrayList<>();
            for (String alt : alternatives) {
                List<String> l = requiredLiterals(alt);
                if (l == null) {
                    return null;
                }
                out.addAll(l);
            }
            return out;
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        List<String> bestGroup = null;
        int depth = 0;
        int groupStart = -1;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
            if (c == '\\') {
                best = longer(best, run);
                run.setLength(0);
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
                best = longer(best, run);
                run.setLength(0);
                continue;
            }
            if (c == '(') {
                if (depth == 0) {
                    groupStart = i;
                }
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && groupStart >= 0 && next != '?' && next != '*' && next != '{') {
                    String inner = regex.substring(groupStart + 1, i);
                    if (inner.startsWith("?:")) {
                        inner = inner.substring(2);
                    }
                    List<String> l = requiredLiterals(inner);
                    if (l != null && (bestGroup == null || shortest(l) > shortest(bestGroup))) {
                        bestGroup = l;
                    }
                }
            }
            boolean plain = Character.isLetterOrDigit(c) || c == ' ' || c == '\'' || c == '-' || c == ',';
            if (depth == 0 && plain && c != ')') {
                if (next == '?' || next == '*' || next == '{') {
                    best = longer(best, run);
                    run.setLength(0);
                } else {
                    run.append(c);
                }
            } else {
                best = longer(best, run);
                run.setLength(0);
            }
        }
        best = longer(best, run).strip();
        if (best.length() >= 3 && (bestGroup == null || best.length() >= shortest(bestGroup))) {
            return List.of(best);
        }
        return bestGroup;
    }

    private static int shortest(List<String> literals) {
        return literals.stream().mapToInt(String::length).min().orElse(0);
    }

    private static String longer(String best, StringBuilder run) {
        return run.toString().strip().length() > best.strip().length() ? run.toString() : best;
    }

    private static Kind kindOf(String text, String signal) {
        if (text == null || text.isBlank() || text.equals("null")) {
            return null;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "hard": return Kind.HARD;
            case "metered": return Kind.METERED;
            case "registration": return Kind.REGISTRATION;
            default:
                throw new IllegalArgumentException(signal + ": kind must be hard, metered or registration, not '"
                        + text + "'");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The case-insensitive source patterns of an entry, each validated on its own; null when none. */
    private static SourcePattern patterns(JsonNode array, String signal) {
        List<String> regexes = texts(array);
        if (regexes.isEmpty()) {
            return null;
        }
        for (String r : regexes) {
            compile(r, signal, FLAGS); // reports the faulty pattern itself
        }
        return SourcePattern.of(regexes, FLAGS);
    }

    /** Phrases are matched against normalised (lower-case) text, so they need no costly case folding. */
    private static List<Marker.Phrase> phrasePatterns(JsonNode array, String signal) {
        List<Marker.Phrase> out = new ArrayList<>();
        for (String regex : texts(array)) {
            out.add(new Marker.Phrase(compile(regex, signal, 0), requiredLiterals(regex)));
        }
        return out;
    }

    private static Pattern compile(String regex, String signal) {
        return compile(regex, signal, FLAGS);
    }

    private static Pattern compile(String regex, String signal, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(signal + ": bad pattern '" + regex + "': " + e.getDescription(), e);
        }
    }

    private static List<String> checkedSelectors(List<String> selectors, String signal) {
        for (String s : selectors) {
            try {
                QueryParser.parse(s);
            } catch (Selector.SelectorParseException e) {
                throw new IllegalArgumentException(signal + ": bad CSS selector '" + s + "': " + e.getMessage(), e);
            }
        }
        return selectors;
    }
}
