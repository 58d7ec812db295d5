package org.tearsheet.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.tearsheet.index.CdxjEntry;

/** The browse UI: listing with filters and search ({@code /}), article pages, the JSON API and the stylesheet. */
final class BrowseHandler {

    static final int PAGE_SIZE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleCatalog catalog;
    private final CaptureLookup lookup;
    private final byte[] stylesheet;

    BrowseHandler(ArticleCatalog catalog, CaptureLookup lookup) throws IOException {
        this.catalog = catalog;
        this.lookup = lookup;
        try (InputStream in = BrowseHandler.class.getResourceAsStream("style.css")) {
            if (in == null) {
                throw new IOException("style.css missing from the classpath");
            }
            this.stylesheet = in.readAllBytes();
        }
    }

    void stylesheet(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "max-age=3600");
        Responses.send(ex, 200, "text/css; charset=utf-8", stylesheet, Responses.UI_CSP);
    }

    private static ArticleQuery query(QueryString qs) {
        return new ArticleQuery(qs.get("q"), qs.get("site"), qs.date("from"), qs.date("to"), qs.get("verdict"),
                qs.integer("page", 1), qs.integer("page_size", PAGE_SIZE));
    }

    void listing(HttpExchange ex) throws IOException {
        QueryString qs = new QueryString(ex.getRequestURI().getRawQuery());
        ArticleQuery q;
        try {
            q = query(qs);
        } catch (IllegalArgumentException e) {
            Responses.error(ex, 400, e.getMessage());
            return;
        }
        boolean byRelevance = "relevance".equals(qs.get("sort"));
        ArticleCatalog.Page page = catalog.search(q, byRelevance);
        Responses.html(ex, 200, Pages.listing(page, q, byRelevance, catalog.hosts()));
    }

    void listingJson(HttpExchange ex) throws IOException {
        QueryString qs = new QueryString(ex.getRequestURI().getRawQuery());
        ArticleQuery q;
        try {
            q = query(qs);
        } catch (IllegalArgumentException e) {
            ObjectNode err = JSON.createObjectNode().put("error", e.getMessage());
            Responses.json(ex, 400, JSON.writeValueAsBytes(err));
            return;
        }
        ArticleCatalog.Page page = catalog.search(q, "relevance".equals(qs.get("sort")));
        ObjectNode o = JSON.createObjectNode();
        o.put("total", page.total()).put("page", page.page()).put("page_size", page.pageSize()).put("pages", page.pages());
        ArrayNode items = o.putArray("articles");
        for (ArticleSummary a : page.items()) {
            ObjectNode n = summaryJson(a);
            if (a.snippet() != null) {
                n.put("snippet", a.snippet().replace("\u0002", "").replace("\u0003", ""));
            }
            items.add(n);
        }
        Responses.json(ex, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
    }

    private static ObjectNode summaryJson(ArticleSummary a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", a.id()).put("url", a.url()).put("final_url", a.finalUrl()).put("title", a.title())
                .put("site", a.site()).put("host", a.host()).put("captured", a.captured())
                .put("word_count", a.wordCount()).put("paywall", a.paywall()).put("paywall_kind", a.paywallKind())
                .put("article", "/article/" + a.id()).put("replay", "/web/" + a.timestamp() + "/" + a.finalUrl());
        return n;
    }

    void articleJson(HttpExchange ex, String id) throws IOException {
        ArticleDetail d = validId(id) ? catalog.article(id) : null;
        if (d == null) {
            Responses.json(ex, 404, JSON.writeValueAsBytes(JSON.createObjectNode().put("error", "no such article")));
            return;
        }
        ObjectNode n = summaryJson(d.summary());
        n.put("byline", d.byline()).put("published", d.published()).put("language", d.language())
                .put("status", d.status()).put("warc_file", d.warcFile()).put("warc_offset", d.warcOffset())
                .put("warc_record_id", d.warcRecordId()).put("text_sha256", d.textSha256()).put("text", d.text());
        n.putPOJO("paywall_signals", d.paywallSignals());
        Responses.json(ex, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }

    void article(HttpExchange ex, String id) throws IOException {
        ArticleDetail d = validId(id) ? catalog.article(id) : null;
        if (d == null) {
            Responses.error(ex, 404, "No archived article has the id " + id + ".");
            return;
        }
        List<CdxjEntry> captures = new java.util.ArrayList<>(lookup.captures(d.summary().url()));
        if (!d.summary().finalUrl().equals(d.summary().url())) {
            captures.addAll(lookup.captures(d.summary().finalUrl()));
        }
        captures.sort((x, y) -> y.timestamp().compareTo(x.timestamp()));
        Responses.html(ex, 200, Pages.article(d, captures, catalog.history(d.summary().url())));
    }

    private static boolean validId(String id) {
        return id.matches("[A-Za-z0-9-]{1,64}");
    }
}
