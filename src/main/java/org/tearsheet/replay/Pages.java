package org.tearsheet.replay;

import static org.tearsheet.replay.Html.esc;
import static org.tearsheet.replay.Html.url;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tearsheet.index.CdxjEntry;

/** The server-rendered pages of the browse UI. Plain HTML and one stylesheet; nothing needs JavaScript. */
final class Pages {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String[] VERDICTS = {"none", "truncated", "full", "blocked", "unknown"};

    private Pages() {
    }

    static String shown(String isoInstant) {
        try {
            return SHOWN.format(Instant.parse(isoInstant));
        } catch (RuntimeException e) {
            return isoInstant;
        }
    }

    static String listing(ArticleCatalog.Page page, ArticleQuery q, boolean byRelevance, List<String> hosts) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Archived articles</h1>");
        b.append("<form class=\"filters\" method=\"get\" action=\"/\">");
        b.append("<label class=\"wide\">Search text<input type=\"search\" name=\"q\" value=\"").append(esc(q.text()))
                .append("\" placeholder=\"words or &quot;a phrase&quot;\"></label>");
        b.append("<label>Site<select name=\"site\"><option value=\"\">all sites</option>");
        for (String h : hosts) {
            b.append("<option").append(h.equals(q.host()) ? " selected" : "").append(">").append(esc(h)).append("</option>");
        }
        b.append("</select></label>");
        b.append("<label>From<input type=\"date\" name=\"from\" value=\"").append(q.from() == null ? "" : q.from())
                .append("\"></label>");
        b.append("<label>To<input type=\"date\" name=\"to\" value=\"").append(q.to() == null ? "" : q.to()).append("\"></label>");
        b.append("<label>Paywall<select name=\"verdict\"><option value=\"\">any</option>");
        for (String v : VERDICTS) {
            b.append("<option value=\"").append(v).append("\"").append(v.equals(q.verdict()) ? " selected" : "").append(">")
                    .append(v.equals("unknown") ? "not checked" : v).append("</option>");
        }
        b.append("</select></label><button class=\"wide\" type=\"submit\">Filter</button></form>");
        b.append("<p class=\"count\">").append(page.total()).append(page.total() == 1 ? " article" : " articles");
        if (q.text() != null) {
            b.append(" matching “").append(esc(q.text())).append("” · ");
            b.append(byRelevance ? "<a href=\"" + esc(link(q, q.page(), false)) + "\">sort newest first</a>"
                    : "<a href=\"" + esc(link(q, 1, true)) + "\">sort by relevance</a>");
        } else {
            b.append(", newest first");
        }
        b.append(" · <a href=\"").append(esc(apiLink(q))).append("\">JSON</a></p>");
        if (page.items().isEmpty()) {
            b.append("<p class=\"notice\">Nothing archived matches these filters.</p>");
        }
        b.append("<ol class=\"articles\">");
        for (ArticleSummary a : page.items()) {
            b.append("<li><h2><a href=\"/article/").append(esc(a.id())).append("\">")
                    .append(esc(a.title() == null || a.title().isBlank() ? a.finalUrl() : a.title())).append("</a></h2>");
            b.append("<div class=\"meta\"><span>").append(esc(a.site())).append("</span><span>captured ")
                    .append(esc(shown(a.captured()))).append("</span>").append(Html.verdictBadge(a.paywall(), a.paywallKind()))
                    .append("<span>").append(a.wordCount()).append(" words</span>")
                    .append("<a href=\"/web/").append(a.timestamp()).append("/").append(esc(a.finalUrl()))
                    .append("\">replay</a></div>");
            if (a.snippet() != null) {
                b.append("<p class=\"snippet\">").append(snippet(a.snippet())).append("</p>");
            }
            b.append("</li>");
        }
        b.append("</ol>");
        b.append("<nav class=\"pages\">");
        b.append(page.page() > 1 ? "<a rel=\"prev\" href=\"" + esc(link(q, page.page() - 1, byRelevance)) + "\">← newer</a>"
                : "<span class=\"off\">← newer</span>");
        b.append("<span>page ").append(page.page()).append(" of ").append(page.pages()).append("</span>");
        b.append(page.page() < page.pages() ? "<a rel=\"next\" href=\"" + esc(link(q, page.page() + 1, byRelevance))
                + "\">older →</a>" : "<span class=\"off\">older →</span>");
        b.append("</nav>");
        return Html.page("Archived articles", b.toString());
    }

    /** Escapes a search snippet and turns the FTS match markers into mark elements. */
    static String snippet(String raw) {
        return esc(raw).replace("\u0002", "<mark>").replace("\u0003", "</mark>");
    }

    static String link(ArticleQuery q, int page, boolean byRelevance) {
        StringBuilder s = new StringBuilder("/?");
        params(s, q);
        if (byRelevance) {
            s.append("sort=relevance&");
        }
        s.append("page=").append(page);
        return s.toString();
    }

    private static String apiLink(ArticleQuery q) {
        StringBuilder s = new StringBuilder("/api/articles?");
        params(s, q);
        s.append("page=").append(q.page());
        return s.toString();
    }

    private static void params(StringBuilder s, ArticleQuery q) {
        if (q.text() != null) {
            s.append("q=").append(url(q.text())).append('&');
        }
        if (q.host() != null) {
            s.append("site=").append(url(q.host())).append('&');
        }
        if (q.from() != null) {
            s.append("from=").append(q.from()).append('&');
        }
        if (q.to() != null) {
            s.append("to=").append(q.to()).append('&');
        }
        if (q.verdict() != null) {
            s.append("verdict=").append(url(q.verdict())).append('&');
        }
    }

    static String article(ArticleDetail d, List<CdxjEntry> captures, List<ArticleSummary> articleHistory) {
        ArticleSummary a = d.summary();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(a.title() == null || a.title().isBlank() ? a.finalUrl() : a.title())).append("</h1>");
        b.append("<div class=\"meta\"><span>").append(esc(a.site())).append("</span>");
        if (d.byline() != null && !d.byline().isBlank()) {
            b.append("<span>").append(esc(d.byline())).append("</span>");
        }
        b.append("<span>captured ").append(esc(shown(a.captured()))).append("</span>")
                .append(Html.verdictBadge(a.paywall(), a.paywallKind())).append("<span>").append(a.wordCount())
                .append(" words</span></div>");
        b.append("<div class=\"actions\"><a class=\"primary\" href=\"/web/").append(a.timestamp()).append("/")
                .append(esc(a.finalUrl())).append("\">Replay archived page</a>");
        b.append("<a href=\"/warc/").append(esc(d.warcFile())).append("?offset=").append(d.warcOffset())
                .append("\">Raw WARC record</a>");
        b.append("<a href=\"/api/articles/").append(esc(a.id())).append("\">JSON</a></div>");
        b.append("<article class=\"text\">");
        String text = d.text() == null ? "" : d.text();
        for (String para : text.split("\\n\\s*\\n|\\n")) {
            if (!para.isBlank()) {
                b.append("<p>").append(esc(para.trim())).append("</p>");
            }
        }
        if (text.isBlank()) {
            b.append("<p><em>No text was extracted from this page.</em></p>");
        }
        b.append("</article>");
        b.append("<h2>About this capture</h2><dl class=\"facts\">");
        fact(b, "URL", "<span class=\"mono\">" + esc(a.url()) + "</span>");
        if (!a.finalUrl().equals(a.url())) {
            fact(b, "Final URL", "<span class=\"mono\">" + esc(a.finalUrl()) + "</span>");
        }
        if (d.redirectChain().size() > 1) {
            fact(b, "Redirects", "<span class=\"mono\">" + esc(String.join(" → ", d.redirectChain())) + "</span>");
        }
        fact(b, "HTTP status", Integer.toString(d.status()));
        factText(b, "Published", d.published());
        factText(b, "Modified", d.modified());
        factText(b, "Language", d.language());
        factText(b, "Description", d.description());
        if (d.canonicalUrl() != null) {
            fact(b, "Canonical URL", "<span class=\"mono\">" + esc(d.canonicalUrl()) + "</span>");
        }
        fact(b, "Paywall", Html.verdictBadge(a.paywall(), a.paywallKind())
                + (d.paywallSignals().isEmpty() ? "" : " <span class=\"mono\">" + esc(String.join("; ", d.paywallSignals())) + "</span>"));
        factText(b, "Credentials", d.credentials());
        fact(b, "WARC file", "<span class=\"mono\">" + esc(d.warcFile()) + "</span> at offset " + d.warcOffset());
        fact(b, "Record ID", "<span class=\"mono\">" + esc(d.warcRecordId()) + "</span>");
        fact(b, "Text sha256", "<span class=\"mono\">" + esc(d.textSha256()) + "</span>");
        b.append("</dl>");
        b.append("<h2>Capture history of this URL</h2>");
        b.append("<table class=\"history\"><thead><tr><th>Captured</th><th>Record</th><th>Text</th></tr></thead><tbody>");
        for (CdxjEntry e : captures) {
            String iso = CaptureLookup.instantOf(e.timestamp()).toString();
            ArticleSummary withText = articleHistory.stream().filter(h -> h.isAt(e)).findFirst().orElse(null);
            b.append("<tr><td><a href=\"/web/").append(e.timestamp()).append("/").append(esc(e.url())).append("\">")
                    .append(esc(shown(iso))).append("</a>").append(a.isAt(e) ? " (this one)" : "")
                    .append("</td><td>").append(CaptureLookup.isRevisit(e) ? "revisit (unchanged)" : "HTTP " + e.status())
                    .append("</td><td>");
            if (withText != null) {
                b.append("<a href=\"/article/").append(esc(withText.id())).append("\">").append(withText.wordCount())
                        .append(" words</a>");
            } else {
                b.append("–");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table>");
        b.append("<p><a href=\"/web/timemap/").append(esc(a.url())).append("\">TimeMap (link format)</a></p>");
        return Html.page(a.title() == null ? a.finalUrl() : a.title(), b.toString());
    }

    private static void fact(StringBuilder b, String name, String html) {
        b.append("<dt>").append(esc(name)).append("</dt><dd>").append(html).append("</dd>");
    }

    private static void factText(StringBuilder b, String name, String text) {
        if (text != null && !text.isBlank()) {
            fact(b, name, esc(text));
        }
    }

    static String notArchived(String url, String timestamp, String host) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Not archived</h1><div class=\"notice\"><p>This archive has no capture of</p><p class=\"mono\">")
                .append(esc(url)).append("</p>");
        if (timestamp != null) {
            b.append("<p>(asked for the capture nearest to ").append(esc(timestamp)).append(")</p>");
        }
        b.append("<p>The page was never captured, or capture failed. Nothing was fetched from the live web.</p></div>");
        if (host != null) {
            b.append("<p><a href=\"/?site=").append(url(host)).append("\">Articles archived from ").append(esc(host))
                    .append("</a></p>");
        }
        b.append("<p><a href=\"/\">Browse the archive</a></p>");
        return Html.page("Not archived", b.toString());
    }

    static String error(int status, String message) {
        return Html.page("Error " + status, "<h1>Error " + status + "</h1><p class=\"notice\">" + esc(message)
                + "</p><p><a href=\"/\">Browse the archive</a></p>");
    }

    /** The small banner put at the top of every replayed HTML page (styled inline: the page has its own CSS). */
    static String banner(String url, String timestamp, String articleId) {
        String when = shown(CaptureLookup.instantOf(timestamp).toString());
        String box = "all:initial;display:block;position:relative;z-index:2147483647;background:#1d2125;color:#fff;"
                + "font:13px/1.4 system-ui,sans-serif;padding:6px 10px;border-bottom:2px solid #e6c27d;";
        String a = "all:initial;color:#ffd97a;font:inherit;text-decoration:underline;cursor:pointer;margin-left:10px;";
        String strong = "all:initial;color:#fff;font:inherit;font-weight:700;";
        return "<div id=\"tearsheet-banner\" style=\"" + box + "\"><span style=\"" + strong + "\">Archived copy</span> "
                + "<span style=\"all:initial;color:#c5cbd1;font:inherit;overflow-wrap:anywhere;\">of " + esc(url)
                + " · captured " + esc(when) + "</span>"
                + (articleId != null ? "<a style=\"" + a + "\" href=\"/article/" + esc(articleId) + "\">text</a>" : "")
                + "<a style=\"" + a + "\" href=\"/web/timemap/" + esc(url) + "\">other captures</a>"
                + "<a style=\"" + a + "\" href=\"/\">archive</a></div>";
    }
}
