package org.tearsheet.discover;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article-looking links of a section or front page: same site (host equal up to a leading {@code www.}),
 * not the page itself, and shaped like an article rather than navigation (a path with a slug, a date or an
 * {@code .html} leaf; no tag/author/search/login pages, no assets).
 */
final class PageLinks {

    private static final Pattern NAVIGATION = Pattern.compile(
            "/(tags?|topics?|category|categories|authors?|search|login|signin|sign-in|register|subscribe|"
                    + "account|newsletters?|about|contact|privacy|terms|cookies?|help|feeds?|rss)(/|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSET = Pattern.compile(
            "\\.(jpe?g|png|gif|webp|svg|ico|css|js|json|xml|pdf|zip|gz|mp[34]|avi|mov|woff2?|ttf)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_IN_PATH = Pattern.compile("/(19|20)\\d\\d[/-]\\d\\d?([/-]|$)");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+){2,}", Pattern.CASE_INSENSITIVE);

    private PageLinks() {
    }

    static List<String> read(byte[] body, String pageUrl) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(body), null, pageUrl);
        HttpUrl page = HttpUrl.parse(pageUrl);
        String pageKey = UrlCanonicalizer.canonical(pageUrl);
        Set<String> links = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            HttpUrl link = HttpUrl.parse(href);
            if (link != null && sameSite(page, link) && looksLikeArticle(link)
                    && !UrlCanonicalizer.canonical(href).equals(pageKey)) {
                links.add(href);
            }
        }
        return List.copyOf(links);
    }

    private static boolean sameSite(HttpUrl page, HttpUrl link) {
        return bareHost(page.host()).equals(bareHost(link.host()));
    }

    private static String bareHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    static boolean looksLikeArticle(HttpUrl url) {
        String path = url.encodedPath();
        if (path.equals("/") || NAVIGATION.matcher(path).find() || ASSET.matcher(path).find()) {
            return false;
        }
        List<String> segments = url.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty()) {
            return false;
        }
        String leaf = segments.get(segments.size() - 1).toLowerCase(Locale.ROOT);
        return leaf.endsWith(".html") || leaf.endsWith(".htm") || DATE_IN_PATH.matcher(path).find()
                || SLUG.matcher(leaf).find() || (segments.size() >= 2 && leaf.chars().anyMatch(Character::isDigit));
    }
}
