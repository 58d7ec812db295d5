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

    private MarkerCatalog(List<Marker> markers) {
        this.markers = List.copyOf(markers);
    }

    List<Marker> markers() {
        return markers;
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
                        patterns(m.path("phrases"), signal)));
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
        List<String> phrases = new ArrayList<>();
        for (String phrase : rule.phrases()) {
            phrases.add(Pattern.quote(BodyText.normalize(phrase)));
        }
        return new Marker(signal, Role.BARRIER, rule.kind() == null ? Kind.HARD : kindOf(rule.kind(), signal),
                null, checkedSelectors(rule.selectors(), signal), null, List.of(), combined(phrases, signal));
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

    /** One alternation of all patterns of an entry, so a text is scanned once per entry; null when none. */
    private static Pattern patterns(JsonNode array, String signal) {
        return combined(texts(array), signal);
    }

    private static Pattern combined(List<String> regexes, String signal) {
        if (regexes.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String r : regexes) {
            compile(r, signal); // reports the faulty pattern itself, not the alternation
            sb.append(sb.length() == 0 ? "" : "|").append("(?:").append(r).append(')');
        }
        return compile(sb.toString(), signal);
    }

    private static Pattern compile(String regex, String signal) {
        try {
            return Pattern.compile(regex, FLAGS);
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
