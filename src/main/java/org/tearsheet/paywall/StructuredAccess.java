package org.tearsheet.paywall;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Evaluator;

/**
 * What the page declares about access in schema.org markup (JSON-LD and microdata): {@code isAccessibleForFree},
 * the {@code hasPart} sections that are not free, and the declared {@code articleBody}/{@code wordCount}.
 *
 * @param signals          evidence names (jsonld-free-false, microdata-haspart-selector, ...)
 * @param declaredFree     TRUE/FALSE when the page says so, {@code null} when it does not
 * @param partSelectors    CSS selectors of the non-free sections
 * @param articleBodyWords words in the longest JSON-LD articleBody, 0 when none
 * @param wordCount        the declared JSON-LD wordCount, 0 when none
 */
record StructuredAccess(Set<String> signals, Boolean declaredFree, List<String> partSelectors,
                        int articleBodyWords, int wordCount) {

    private static final Evaluator CSS_SELECTOR_PROP = QueryParser.parse("[itemprop~=(?i)^cssSelector$]");
    private static final Evaluator FREE_PROP = QueryParser.parse("[itemprop~=(?i)^isAccessibleForFree$]");
    private static final Evaluator HAS_PART_PROP = QueryParser.parse("[itemprop~=(?i)^hasPart$]");
    private static final Evaluator JSON_LD = QueryParser.parse("script[type~=(?i)application/ld\\+json]");

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final Pattern FREE_FLAG = Pattern.compile(
            "[\"']isAccessibleForFree[\"']\\s*:\\s*(\"|')?\\s*(true|false|yes|no|0|1)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_SELECTOR = Pattern.compile("[\"']cssSelector[\"']\\s*:\\s*[\"']([^\"']+)");

    static StructuredAccess read(Document doc) {
        return read(doc, ElementWalk.all(doc));
    }

    /** {@link #read(Document)} given {@code all}, the document's elements in document order. */
    static StructuredAccess read(Document doc, List<Element> all) {
        Collector c = new Collector();
        for (Element script : ElementWalk.select(all, doc, JSON_LD)) {
            String json = script.data().strip()
                    .replaceFirst("^(<!--|//\\s*<!\\[CDATA\\[)", "")
                    .replaceFirst("(-->|//\\s*]]>)$", "");
            try {
                JsonNode root = LENIENT.readTree(json);
                if (root != null) {
                    c.walk(root, false);
                }
            } catch (Exception unparseable) {
                c.scanText(json); // broken JSON-LD is common; the flags are still worth reading
            }
        }
        readMicrodata(doc, all, c);
        return new StructuredAccess(c.signals, c.declaredFree(), List.copyOf(c.selectors), c.articleBodyWords,
                c.wordCount);
    }

    private static void readMicrodata(Document doc, List<Element> all, Collector c) {
        for (Element e : ElementWalk.select(all, doc, FREE_PROP)) {
            String v = e.hasAttr("content") ? e.attr("content") : e.text();
            Boolean free = parseFlag(v);
            if (free != null && !insideHasPart(e)) {
                c.flag(free, "microdata");
            }
        }
        for (Element part : ElementWalk.select(all, doc, HAS_PART_PROP)) {
            Element sel = part.selectFirst(CSS_SELECTOR_PROP);
            Element flag = part.selectFirst(FREE_PROP);
            Boolean free = flag == null ? null : parseFlag(flag.hasAttr("content") ? flag.attr("content") : flag.text());
            if (sel != null && !Boolean.TRUE.equals(free)) {
                String s = sel.hasAttr("content") ? sel.attr("content") : sel.text();
                if (!s.isBlank()) {
                    c.selectors.add(s.strip());
                    c.signals.add("microdata-haspart-selector");
                    if (Boolean.FALSE.equals(free) && c.falseFlags == 0) {
                        c.flag(false, "microdata");
                    }
                }
            }
        }
    }

    private static boolean insideHasPart(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.attr("itemprop").equalsIgnoreCase("hasPart")) {
                return true;
            }
        }
        return false;
    }

    static Boolean parseFlag(String value) {
        if (value == null) {
            return null;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "1": case "https://schema.org/true": case "http://schema.org/true":
                return Boolean.TRUE;
            case "false": case "no": case "0": case "https://schema.org/false": case "http://schema.org/false":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** Accumulates flags over every JSON-LD object and microdata item of the page. */
    private static final class Collector {
        final Set<String> signals = new LinkedHashSet<>();
        final Set<String> selectors = new LinkedHashSet<>();
        int trueFlags;
        int falseFlags;
        int articleBodyWords;
        int wordCount;

        Boolean declaredFree() {
            if (falseFlags > 0) {
                return Boolean.FALSE; // one restricted declaration is enough: free parts do not free the article
            }
            return trueFlags > 0 ? Boolean.TRUE : null;
        }

        void flag(boolean free, String source) {
            flag(free, source, false);
        }

        void flag(boolean free, String source, boolean stringForm) {
            if (free) {
                trueFlags++;
            } else {
                falseFlags++;
            }
            signals.add(source + (free ? "-free-true" : "-free-false") + (stringForm ? "-string" : ""));
        }

        void walk(JsonNode node, boolean inPart) {
            if (node.isArray()) {
                node.forEach(n -> walk(n, inPart));
                return;
            }
            if (!node.isObject()) {
                return;
            }
            JsonNode flag = node.get("isAccessibleForFree");
            if (flag != null && !inPart) {
                Boolean free = flag.isBoolean() ? Boolean.valueOf(flag.booleanValue()) : parseFlag(flag.asText());
                if (free != null) {
                    flag(free, "jsonld", flag.isTextual());
                }
            }
            JsonNode body = node.get("articleBody");
            if (body != null && body.isTextual()) {
                articleBodyWords = Math.max(articleBodyWords, BodyText.words(body.asText()));
            }
            JsonNode wc = node.get("wordCount");
            if (wc != null) {
                try {
                    wordCount = Math.max(wordCount, wc.isNumber() ? wc.asInt()
                            : Integer.parseInt(wc.asText().replaceAll("[^0-9]", "")));
                } catch (NumberFormatException ignored) {
                    // a wordCount that is not a number says nothing
                }
            }
            JsonNode parts = node.get("hasPart");
            if (parts != null) {
                for (JsonNode part : parts.isArray() ? parts : List.of(parts)) {
                    readPart(part);
                }
            }
            node.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("hasPart")) {
                    walk(f.getValue(), inPart);
                }
            });
        }

        private void readPart(JsonNode part) {
            if (!part.isObject()) {
                return;
            }
            JsonNode flag = part.get("isAccessibleForFree");
            Boolean free = flag == null ? null
                    : flag.isBoolean() ? Boolean.valueOf(flag.booleanValue()) : parseFlag(flag.asText());
            JsonNode css = part.get("cssSelector");
            if (css == null || Boolean.TRUE.equals(free)) {
                return;
            }
            List<String> list = new ArrayList<>();
            if (css.isArray()) {
                css.forEach(s -> list.add(s.asText()));
            } else {
                list.add(css.asText());
            }
            for (String s : list) {
                if (!s.isBlank()) {
                    selectors.add(s.strip());
                    signals.add("jsonld-haspart-selector");
                }
            }
        }

        void scanText(String json) {
            Matcher m = FREE_FLAG.matcher(json);
            if (m.find()) {
                Boolean free = parseFlag(m.group(2));
                if (free != null) {
                    flag(free, "jsonld", m.group(1) != null);
                }
            }
            Matcher s = CSS_SELECTOR.matcher(json);
            while (s.find()) {
                selectors.add(s.group(1).strip());
                signals.add("jsonld-haspart-selector");
            }
        }
    }
}
