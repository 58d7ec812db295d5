package org.tearsheet.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads article metadata from a page without modifying it: JSON-LD first, then OpenGraph / article / Dublin
 * Core meta tags, then microdata and {@code <time>} elements, then the URL; in that order of trust.
 */
final class MetadataReader {

    private static final int MAX_JSON_LD_CHARS = 2_000_000;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200)
                            .maxStringLength(MAX_JSON_LD_CHARS).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle",
            "livebloggosting", "liveblogposting", "techarticle", "scholarlyarticle", "report",
            "socialmediaposting", "discussionforumposting", "review", "satiricalarticle", "advertisercontentarticle",
            "medicalscholarlyarticle", "posting", "creativework", "recipe", "howto");
    private static final Set<String> PAGE_TYPES = Set.of("webpage", "itempage", "aboutpage", "collectionpage");
    private static final Pattern BY_PREFIX = Pattern.compile(
            "^(?:by|von|par|por|di|door|przez|af|av|text|texte|autor(?:in)?|author)\\s*:?\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»/]\\s+");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$");

    private MetadataReader() {
    }

    static PageMetadata read(Document doc, String pageUrl) {
        Markup markup = Markup.collect(doc);
        JsonLd ld = JsonLd.find(markup.jsonLd);
        Meta meta = new Meta(markup.metas);

        String siteName = first(meta.content("og:site_name"), ld.siteName, meta.content("application-name"));
        String title = chooseTitle(markup, ld, meta, siteName);

        List<String> authors = new ArrayList<>(ld.authors);
        if (authors.isEmpty()) {
            for (String a : meta.contents("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
                    "parsely-author", "byl", "cxenseparse:author")) {
                addAuthors(authors, a);
            }
        }
        if (authors.isEmpty()) {
            for (Element e : markup.authorElements) {
                Element name = e.hasAttr("itemprop") ? e.selectFirst("[itemprop=name]") : null;
                Element source = name != null ? name : e;
                addAuthors(authors, source.hasAttr("content") ? source.attr("content") : source.text());
                if (authors.size() >= 10) {
                    break;
                }
            }
        }
        authors = dedupe(authors);

        String published = first(DateNormalizer.normalize(ld.published),
                DateNormalizer.normalize(meta.content("article:published_time", "og:published_time",
                        "article:published", "datepublished", "publishdate", "pubdate", "publish-date",
                        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
                        "sailthru.date", "parsely-pub-date", "date", "og:pubdate", "article.published",
                        "published_time", "release_date", "cxenseparse:recs:publishtime")),
                DateNormalizer.normalize(microdata(markup.datePublished)),
                DateNormalizer.normalize(timeElement(markup)),
                DateNormalizer.fromUrl(pageUrl));
        String modified = first(DateNormalizer.normalize(ld.modified),
                DateNormalizer.normalize(meta.content("article:modified_time", "og:updated_time",
                        "article:modified", "datemodified", "dcterms.modified", "last-modified", "lastmod",
                        "article.updated", "modified_time")),
                DateNormalizer.normalize(microdata(markup.dateModified)));

        Element html = doc.firstElementChild();
        String language = first(tag(html != null && html.nameIs("html") ? html.attr("lang") : null),
                tag(meta.httpEquiv("content-language")), tag(meta.content("dc.language", "language", "og:locale")),
                tag(ld.language));
        String description = first(meta.content("og:description"), meta.content("description"), ld.description,
                meta.content("twitter:description"));
        String canonical = first(absolute(doc, markup.canonical, "href"),
                meta.content("og:url"), ld.url);
        String image = first(meta.content("og:image", "og:image:url", "og:image:secure_url"), ld.image,
                meta.content("twitter:image", "twitter:image:src"),
                absolute(doc, markup.imageSrc, "href"));
        String schemaType = first(ld.type, markup.microdataType);
        String byline = authors.isEmpty() ? null : String.join(", ", authors);
        return new PageMetadata(clean(title), byline, authors, published, modified, language, clean(siteName),
                clean(description), canonical, image, schemaType, ld.articleBody);
    }

    /**
     * The headline: the page's h1 when it agrees with a declared title (it is the visible one), else the
     * declared headline, else the {@code <title>} without the site name.
     */
    private static String chooseTitle(Markup markup, JsonLd ld, Meta meta, String siteName) {
        String declared = first(ld.headline, meta.content("og:title"), meta.content("twitter:title"),
                meta.content("title", "dc.title", "headline"));
        // Not doc.title(): it creates a <head> on documents without one, and the page must stay unmodified.
        String htmlTitle = markup.title == null ? "" : markup.title.text().strip();
        Element h1 = markup.h1;
        String h1Text = h1 == null ? null : clean(h1.text());
        if (h1Text != null && h1Text.length() >= 8) {
            String k = TextAssembler.key(h1Text);
            for (String t : new String[] {declared, htmlTitle}) {
                if (t != null && !k.isEmpty() && TextAssembler.key(t).contains(k)) {
                    return h1Text;
                }
            }
        }
        if (declared != null) {
            return stripSiteName(declared, siteName);
        }
        if (htmlTitle != null && !htmlTitle.isBlank()) {
            return stripSiteName(htmlTitle, siteName);
        }
        return h1Text;
    }

    /** "Headline | Site" -> "Headline"; keeps the longest part when the site is not named. */
    static String stripSiteName(String title, String siteName) {
        String t = clean(title);
        if (t == null) {
            return null;
        }
        String[] parts = TITLE_SEPARATOR.split(t);
        if (parts.length < 2) {
            return t;
        }
        String siteKey = TextAssembler.key(siteName);
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            String k = TextAssembler.key(p);
            if (!siteKey.isEmpty() && (k.equals(siteKey) || (k.length() > 2 && siteKey.contains(k)))) {
                continue;
            }
            kept.add(p);
        }
        if (kept.size() == parts.length) {
            // Unknown site name: drop only a short last part ("... - WSJ").
            String last = parts[parts.length - 1];
            if (last.length() <= 30 && last.length() * 3 < t.length()) {
                return t.substring(0, t.lastIndexOf(last)).replaceFirst("\\s+[|\\-–—:·•»/]\\s*$", "").strip();
            }
            return t;
        }
        return kept.isEmpty() ? t : String.join(" - ", kept);
    }

    private static void addAuthors(List<String> authors, String raw) {
        if (raw == null) {
            return;
        }
        String s = clean(raw);
        if (s == null || s.startsWith("http://") || s.startsWith("https://") || s.startsWith("@") || s.length() > 200) {
            return;
        }
        s = BY_PREFIX.matcher(s).replaceFirst("");
        for (String part : s.split("\\s*(?:,|;|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\ben\\b|\\bi\\b|&)\\s*")) {
            String p = part.strip();
            if (p.length() >= 3 && p.length() <= 80 && p.chars().anyMatch(Character::isLetter)) {
                authors.add(p);
            }
        }
    }

    private static List<String> dedupe(List<String> authors) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String a : authors) {
            if (keys.add(TextAssembler.key(a))) {
                out.add(a);
            }
        }
        return out;
    }

    private static String microdata(Element e) {
        if (e == null) {
            return null;
        }
        return first(nonEmpty(e.attr("content")), nonEmpty(e.attr("datetime")), nonEmpty(e.text()));
    }

    /** The publication time of the page: a {@code <time pubdate>}, else the first {@code <time datetime>}. */
    private static String timeElement(Markup m) {
        Element t = m.pubdateTime != null ? m.pubdateTime : m.firstTime;
        return t == null ? null : first(nonEmpty(t.attr("datetime")), nonEmpty(t.text()));
    }

    private static boolean isBylineName(String cls) {
        if (cls.isEmpty() || cls.length() > 300 || !containsNameIgnoringCase(cls)) {
            return false;
        }
        String c = cls.toLowerCase(Locale.ROOT);
        return c.contains("byline__name") || c.contains("byline-name") || c.contains("author-name")
                || c.contains("author__name") || c.contains("authorname");
    }

    /**
     * Whether "name" occurs in any case: every class name {@link #isBylineName} looks for contains it, so most
     * class values (this runs for every element) are ruled out without being lowercased. Only ASCII letters
     * lowercase to n, a, m, e.
     */
    private static boolean containsNameIgnoringCase(String s) {
        for (int i = 0; i + 4 <= s.length(); i++) {
            if ((s.charAt(i) | 0x20) == 'n' && (s.charAt(i + 1) | 0x20) == 'a' && (s.charAt(i + 2) | 0x20) == 'm'
                    && (s.charAt(i + 3) | 0x20) == 'e') {
                return true;
            }
        }
        return false;
    }

    /**
     * The elements metadata is read from, collected in one traversal of the document (instead of a dozen
     * selector queries, each of which would walk the whole page).
     */
    private static final class Markup {
        final List<Element> metas = new ArrayList<>();
        final List<Element> jsonLd = new ArrayList<>();
        final List<Element> authorElements = new ArrayList<>();
        Element h1;
        /** The first {@code <title>} that is not an SVG element's title. */
        Element title;
        Element canonical;
        Element imageSrc;
        Element datePublished;
        Element dateModified;
        Element pubdateTime;
        Element firstTime;
        String microdataType;

        static Markup collect(Document doc) {
            Markup m = new Markup();
            for (Element e = doc; e != null; e = ElementOrder.next(e, doc)) {
                m.visit(e);
            }
            return m;
        }

        private void visit(Element e) {
            switch (e.normalName()) {
                case "meta" -> metas.add(e);
                case "script" -> {
                    if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                        jsonLd.add(e);
                    }
                }
                case "title" -> {
                    if (title == null) {
                        Element parent = e.parent();
                        if (parent == null || !parent.normalName().equals("svg")) {
                            title = e;
                        }
                    }
                }
                case "h1" -> {
                    if (h1 == null) {
                        h1 = e;
                    }
                }
                case "link" -> {
                    String rel = e.attr("rel").toLowerCase(Locale.ROOT);
                    if (canonical == null && rel.equals("canonical")) {
                        canonical = e;
                    } else if (imageSrc == null && rel.equals("image_src")) {
                        imageSrc = e;
                    }
                }
                case "time" -> {
                    if (e.hasAttr("datetime")) {
                        if (firstTime == null) {
                            firstTime = e;
                        }
                        if (pubdateTime == null && (e.hasAttr("pubdate") || e.attr("itemprop").equals("datePublished"))) {
                            pubdateTime = e;
                        }
                    }
                }
                default -> {
                }
            }
            if (e.attributesSize() == 0) {
                return;
            }
            String itemprop = e.attr("itemprop");
            if (!itemprop.isEmpty()) {
                if (datePublished == null && itemprop.equals("datePublished")) {
                    datePublished = e;
                } else if (dateModified == null && itemprop.equals("dateModified")) {
                    dateModified = e;
                } else if (itemprop.equals("author") && authorElements.size() < 10) {
                    authorElements.add(e);
                }
            }
            if (authorElements.size() < 10 && (e.attr("rel").equalsIgnoreCase("author") || isBylineName(e.attr("class")))) {
                authorElements.add(e);
            }
            if (microdataType == null && e.hasAttr("itemscope")) {
                String type = e.attr("itemtype");
                String name = type.substring(type.lastIndexOf('/') + 1).strip();
                if (ARTICLE_TYPES.contains(name.toLowerCase(Locale.ROOT))) {
                    microdataType = name;
                }
            }
        }
    }

    private static String tag(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().replace('_', '-');
        int comma = s.indexOf(',');
        if (comma > 0) {
            s = s.substring(0, comma).strip();
        }
        if (!LANGUAGE_TAG.matcher(s).matches()) {
            return null;
        }
        String tag = Locale.forLanguageTag(s).toLanguageTag();
        return tag.equals("und") ? null : tag;
    }

    private static String absolute(Document doc, Element e, String attr) {
        if (e == null) {
            return null;
        }
        String abs = e.absUrl(attr);
        return nonEmpty(abs.isEmpty() ? e.attr(attr) : abs);
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("[\\s\\u00A0]+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Meta tags by lowercase name/property, first value wins. */
    private static final class Meta {
        private final java.util.Map<String, List<String>> values = new java.util.HashMap<>();
        private final java.util.Map<String, String> httpEquiv = new java.util.HashMap<>();

        Meta(List<Element> metas) {
            for (Element m : metas) {
                String content = m.attr("content");
                if (content.isBlank() || content.length() > 10_000) {
                    continue;
                }
                for (String attr : new String[] {"property", "name", "itemprop"}) {
                    String key = m.attr(attr);
                    if (!key.isEmpty()) {
                        values.computeIfAbsent(key.toLowerCase(Locale.ROOT).strip(), k -> new ArrayList<>()).add(content.strip());
                    }
                }
                String he = m.attr("http-equiv");
                if (!he.isEmpty()) {
                    httpEquiv.putIfAbsent(he.toLowerCase(Locale.ROOT), content.strip());
                }
            }
        }

        String content(String... names) {
            for (String n : names) {
                List<String> v = values.get(n);
                if (v != null && !v.isEmpty()) {
                    return v.get(0);
                }
            }
            return null;
        }

        List<String> contents(String... names) {
            List<String> out = new ArrayList<>();
            for (String n : names) {
                List<String> v = values.get(n);
                if (v != null) {
                    out.addAll(v);
                }
            }
            return out;
        }

        String httpEquiv(String name) {
            return httpEquiv.get(name);
        }
    }

    /** The article object of a page's JSON-LD, if any, flattened to the fields the extractor uses. */
    private static final class JsonLd {
        String type;
        String headline;
        String published;
        String modified;
        String description;
        String image;
        String url;
        String language;
        String siteName;
        String articleBody;
        final List<String> authors = new ArrayList<>();

        static JsonLd find(List<Element> scripts) {
            JsonLd out = new JsonLd();
            JsonNode best = null;
            int bestRank = 0;
            int budget = MAX_JSON_LD_CHARS;
            for (Element script : scripts) {
                String json = script.data();
                if (json.length() > budget) {
                    continue;
                }
                budget -= json.length();
                JsonNode root;
                try (JsonParser p = JSON.createParser(json.strip())) {
                    root = JSON.readTree(p);
                } catch (Exception e) {
                    continue; // broken JSON-LD is common; the other sources still count
                }
                List<JsonNode> objects = new ArrayList<>();
                collect(root, objects, 0);
                for (JsonNode o : objects) {
                    int rank = rank(o);
                    if (rank > bestRank) {
                        best = o;
                        bestRank = rank;
                    }
                    if (out.siteName == null && hasType(o, "website")) {
                        out.siteName = text(o.get("name"));
                    }
                }
            }
            if (best != null) {
                out.fill(best);
            }
            return out;
        }

        private static void collect(JsonNode n, List<JsonNode> out, int depth) {
            if (n == null || depth > 4 || out.size() > 200) {
                return;
            }
            if (n.isArray()) {
                for (JsonNode c : n) {
                    collect(c, out, depth + 1);
                }
            } else if (n.isObject()) {
                out.add(n);
                collect(n.get("@graph"), out, depth + 1);
                JsonNode main = n.get("mainEntity");
                if (main != null && main.isObject()) {
                    collect(main, out, depth + 1);
                }
            }
        }

        private static int rank(JsonNode o) {
            JsonNode t = o.get("@type");
            int best = 0;
            for (String type : types(t)) {
                String l = type.toLowerCase(Locale.ROOT);
                if (ARTICLE_TYPES.contains(l) || l.endsWith("article")) {
                    best = Math.max(best, o.has("articleBody") ? 4 : 3);
                } else if (PAGE_TYPES.contains(l) && (o.has("headline") || o.has("datePublished"))) {
                    best = Math.max(best, 1);
                }
            }
            return best;
        }

        private static boolean hasType(JsonNode o, String type) {
            for (String t : types(o.get("@type"))) {
                if (t.equalsIgnoreCase(type)) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> types(JsonNode t) {
            List<String> out = new ArrayList<>();
            if (t == null) {
                return out;
            }
            if (t.isArray()) {
                for (JsonNode x : t) {
                    if (x.isTextual()) {
                        out.add(strip(x.asText()));
                    }
                }
            } else if (t.isTextual()) {
                out.add(strip(t.asText()));
            }
            return out;
        }

        private static String strip(String type) {
            return type.substring(type.lastIndexOf('/') + 1).strip();
        }

        private void fill(JsonNode o) {
            List<String> ts = types(o.get("@type"));
            type = ts.isEmpty() ? null : ts.get(0);
            headline = first(text(o.get("headline")), text(o.get("name")));
            published = first(text(o.get("datePublished")), text(o.get("dateCreated")));
            modified = text(o.get("dateModified"));
            description = text(o.get("description"));
            image = url(o.get("image"));
            url = first(url(o.get("mainEntityOfPage")), text(o.get("url")));
            language = text(o.get("inLanguage"));
            articleBody = text(o.get("articleBody"));
            JsonNode publisher = o.get("publisher");
            if (siteName == null && publisher != null) {
                siteName = publisher.isObject() ? text(publisher.get("name")) : text(publisher);
            }
            JsonNode author = o.get("author");
            if (author == null) {
                author = o.get("creator");
            }
            addPeople(author);
        }

        private void addPeople(JsonNode n) {
            if (n == null) {
                return;
            }
            if (n.isArray()) {
                for (JsonNode c : n) {
                    addPeople(c);
                }
            } else if (n.isObject()) {
                addAuthors(authors, text(n.get("name")));
            } else if (n.isTextual()) {
                addAuthors(authors, n.asText());
            }
        }

        private static String url(JsonNode n) {
            if (n == null) {
                return null;
            }
            if (n.isArray()) {
                return n.size() > 0 ? url(n.get(0)) : null;
            }
            if (n.isObject()) {
                return first(text(n.get("url")), text(n.get("@id")), text(n.get("contentUrl")));
            }
            return text(n);
        }

        private static String text(JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isArray()) {
                return n.size() > 0 ? text(n.get(0)) : null;
            }
            if (n.isObject()) {
                return text(n.get("name"));
            }
            String s = n.asText().strip();
            if (s.isEmpty()) {
                return null;
            }
            if (s.indexOf('&') >= 0 || s.indexOf('<') >= 0) {
                // JSON-LD values are sometimes HTML-escaped or hold markup.
                s = org.jsoup.parser.Parser.unescapeEntities(s, false);
                if (s.indexOf('<') >= 0) {
                    s = org.jsoup.Jsoup.parse(s).text();
                }
            }
            return s.isBlank() ? null : s.strip();
        }
    }
}
