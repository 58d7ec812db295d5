package org.tearsheet.replay;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.CdxjEntry;

/**
 * Wayback-style replay: {@code /web/<timestamp>[id_]/<url>} (nearest capture, rewritten), {@code /web/<url>}
 * (latest capture), {@code /web/timemap/[link/]<url>} (RFC 7089 link format) and {@code /warc/<file>?offset=N}
 * (the raw gzip member of one record, as stored).
 */
final class ReplayHandler {

    private static final Pattern DATED = Pattern.compile("^(\\d{1,14})(id_|[a-z]{2}_)?/(.+)$", Pattern.DOTALL);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** Archived headers passed on as they were: they describe the content and cannot affect the archive's origin. */
    private static final Set<String> SAFE_HEADERS = Set.of("content-language", "last-modified", "content-disposition");
    /** Archived headers never echoed, not even prefixed: cookies, framing of the transfer, and our own policy. */
    private static final Set<String> DROPPED_HEADERS = Set.of("set-cookie", "set-cookie2", "content-length",
            "content-encoding", "transfer-encoding", "connection", "keep-alive", "content-type",
            "content-security-policy", "content-security-policy-report-only", "strict-transport-security",
            "public-key-pins", "clear-site-data", "alt-svc", "location");

    private final CaptureLookup lookup;
    private final RecordLoader loader;
    private final ArticleCatalog catalog;
    private final Path archiveDir;

    ReplayHandler(Path archiveDir, CaptureLookup lookup, RecordLoader loader, ArticleCatalog catalog) {
        this.archiveDir = archiveDir;
        this.lookup = lookup;
        this.loader = loader;
        this.catalog = catalog;
    }

    /** {@code rest} is everything after {@code /web/} (raw), including the archived URL's query. */
    void web(HttpExchange ex, String rest) throws IOException {
        if (rest.startsWith("timemap/")) {
            String u = rest.substring("timemap/".length());
            timemap(ex, normalizeUrl(u.startsWith("link/") ? u.substring(5) : u));
            return;
        }
        Matcher m = DATED.matcher(rest);
        if (!m.matches()) {
            latest(ex, normalizeUrl(rest));
            return;
        }
        String ts = m.group(1);
        String mod = m.group(2) == null ? "" : m.group(2);
        String url = normalizeUrl(m.group(3));
        if (url == null) {
            Responses.error(ex, 400, "Not a web address: " + m.group(3));
            return;
        }
        CdxjEntry entry = lookup.nearest(url, ts);
        if (entry == null) {
            String alt = url.startsWith("https://") ? "http://" + url.substring(8)
                    : url.startsWith("http://") ? "https://" + url.substring(7) : null;
            entry = alt == null ? null : lookup.nearest(alt, ts);
        }
        if (entry == null) {
            notArchived(ex, url, ts);
            return;
        }
        if (!entry.timestamp().equals(ts)) {
            Responses.redirect(ex, 302, "/web/" + entry.timestamp() + mod + "/" + entry.url(), Responses.REPLAY_CSP);
            return;
        }
        CdxjEntry source = entry;
        if (CaptureLookup.isRevisit(entry)) {
            source = lookup.original(entry);
            if (source == null) {
                notArchived(ex, url, ts);
                return;
            }
        }
        StoredResponse r = loader.load(source.filename(), source.offset());
        replay(ex, entry, source, r, mod);
    }

    private void replay(HttpExchange ex, CdxjEntry entry, CdxjEntry source, StoredResponse r, String mod)
            throws IOException {
        Headers out = ex.getResponseHeaders();
        boolean raw = mod.equals("id_");
        for (Map.Entry<String, String> h : r.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (SAFE_HEADERS.contains(name)) {
                out.add(h.getKey(), h.getValue());
            } else if (!DROPPED_HEADERS.contains(name) && !h.getValue().contains("\n")) {
                out.add("X-Archive-Orig-" + h.getKey(), h.getValue());
            }
        }
        out.set("Memento-Datetime", HTTP_DATE.format(CaptureLookup.instantOf(entry.timestamp())));
        out.set("Link", "<" + entry.url() + ">; rel=\"original\", </web/timemap/" + entry.url()
                + ">; rel=\"timemap\"; type=\"application/link-format\"");
        out.set("Cache-Control", "no-cache");
        String location = r.header("Location");
        if (r.status() >= 300 && r.status() < 400 && location != null) {
            String target = new LinkRewriter(entry.timestamp()).archived(entry.url(), location);
            Responses.redirect(ex, r.status(), target != null ? target : "/", Responses.REPLAY_CSP);
            return;
        }
        byte[] body = r.body();
        String type = r.contentType();
        String contentType = r.header("Content-Type");
        if (!raw && (type.equals("text/html") || type.equals("application/xhtml+xml"))) {
            body = rewriteHtml(entry, source, r);
            contentType = "text/html; charset=utf-8";
        } else if (!raw && type.equals("text/css")) {
            Charset cs = charset(r.charset());
            body = new LinkRewriter(entry.timestamp()).rewriteCss(entry.url(), new String(body, cs)).getBytes(cs);
        }
        Responses.send(ex, r.status(), contentType == null ? "application/octet-stream" : contentType, body,
                Responses.REPLAY_CSP);
    }

    private byte[] rewriteHtml(CdxjEntry entry, CdxjEntry source, StoredResponse r) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(r.body()), r.charset() == null ? null : charset(r.charset()).name(),
                entry.url());
        new LinkRewriter(entry.timestamp()).rewrite(doc, entry.url());
        String articleId = null;
        for (ArticleSummary a : catalog.history(entry.url())) {
            if (a.isAt(source)) {
                articleId = a.id();
            }
        }
        Element body = doc.body();
        body.prepend(Pages.banner(entry.url(), entry.timestamp(), articleId));
        doc.charset(StandardCharsets.UTF_8);
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.trim().replace("\"", ""));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private void latest(HttpExchange ex, String url) throws IOException {
        if (url == null) {
            Responses.error(ex, 404, "Unknown address. Replay URLs look like /web/20261129120000/https://example.com/");
            return;
        }
        List<CdxjEntry> all = lookup.captures(url);
        if (all.isEmpty()) {
            notArchived(ex, url, null);
            return;
        }
        CdxjEntry chosen = all.get(all.size() - 1);
        String acceptDatetime = ex.getRequestHeaders().getFirst("Accept-Datetime");
        if (acceptDatetime != null) {
            // RFC 7089 timegate: the capture nearest to the asked-for time
            try {
                java.time.Instant wanted = java.time.ZonedDateTime.parse(acceptDatetime.trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                chosen = lookup.nearest(url, DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
                        .format(wanted));
            } catch (java.time.format.DateTimeParseException e) {
                Responses.error(ex, 400, "Accept-Datetime must be an HTTP date, e.g. Thu, 20 Nov 2026 10:15:30 GMT");
                return;
            }
        }
        ex.getResponseHeaders().set("Vary", "Accept-Datetime");
        ex.getResponseHeaders().set("Link", "<" + url + ">; rel=\"original\", </web/timemap/" + url
                + ">; rel=\"timemap\"; type=\"application/link-format\"");
        Responses.redirect(ex, 302, "/web/" + chosen.timestamp() + "/" + chosen.url(), Responses.REPLAY_CSP);
    }

    private void timemap(HttpExchange ex, String url) throws IOException {
        List<CdxjEntry> all = url == null ? List.of() : lookup.captures(url);
        if (all.isEmpty()) {
            Responses.send(ex, 404, "text/plain; charset=utf-8", ("not archived: " + url + "\n").getBytes(StandardCharsets.UTF_8),
                    Responses.UI_CSP);
            return;
        }
        String base = baseUrl(ex);
        StringBuilder sb = new StringBuilder();
        sb.append('<').append(url).append(">; rel=\"original\",\n");
        sb.append('<').append(base).append("/web/timemap/link/").append(url)
                .append(">; rel=\"self\"; type=\"application/link-format\"; from=\"")
                .append(HTTP_DATE.format(CaptureLookup.instantOf(all.get(0).timestamp()))).append("\"; until=\"")
                .append(HTTP_DATE.format(CaptureLookup.instantOf(all.get(all.size() - 1).timestamp()))).append("\",\n");
        sb.append('<').append(base).append("/web/").append(url).append(">; rel=\"timegate\"");
        for (int i = 0; i < all.size(); i++) {
            CdxjEntry e = all.get(i);
            String rel = all.size() == 1 ? "first last memento" : i == 0 ? "first memento"
                    : i == all.size() - 1 ? "last memento" : "memento";
            sb.append(",\n<").append(base).append("/web/").append(e.timestamp()).append('/').append(e.url())
                    .append(">; rel=\"").append(rel).append("\"; datetime=\"")
                    .append(HTTP_DATE.format(CaptureLookup.instantOf(e.timestamp()))).append('"');
        }
        sb.append('\n');
        Responses.send(ex, 200, "application/link-format", sb.toString().getBytes(StandardCharsets.UTF_8), Responses.UI_CSP);
    }

    /** {@code /warc/<file>?offset=N}: the gzip member of the record starting there, exactly as stored. */
    void rawRecord(HttpExchange ex, String name) throws IOException {
        QueryString qs = new QueryString(ex.getRequestURI().getRawQuery());
        Path warc = ArchiveFiles.resolveWarc(archiveDir, name);
        long offset;
        try {
            offset = Long.parseLong(qs.get("offset") == null ? "-1" : qs.get("offset"));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        long length = warc == null ? -1 : loader.recordLength(name, offset);
        if (length <= 0) {
            Responses.error(ex, 404, "No WARC record starts at that file and offset.");
            return;
        }
        Responses.common(ex, Responses.UI_CSP);
        ex.getResponseHeaders().set("Content-Type", "application/warc");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\""
                + name.replace(".warc.gz", "") + "-" + offset + ".warc.gz\"");
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(200, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(200, length);
        try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.READ); OutputStream out = ex.getResponseBody()) {
            ch.transferTo(offset, length, Channels.newChannel(out));
        }
    }

    private void notArchived(HttpExchange ex, String url, String ts) throws IOException {
        Responses.html(ex, 404, Pages.notArchived(url, ts, ArticleCatalog.hostOf(url)));
    }

    /** An absolute http(s) URL from the replay path ({@code http:/x} collapsed by some clients is repaired). */
    static String normalizeUrl(String u) {
        if (u == null || u.isBlank()) {
            return null;
        }
        String s = u.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:/") && !lower.startsWith("http://")) {
            s = "http://" + s.substring(6);
        } else if (lower.startsWith("https:/") && !lower.startsWith("https://")) {
            s = "https://" + s.substring(7);
        } else if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            if (!s.contains(".") || s.contains(":") && !s.matches("^[^/:]+:\\d+.*")) {
                return null;
            }
            s = "http://" + s;
        }
        return s;
    }

    private static String baseUrl(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host != null && host.matches("[A-Za-z0-9.\\-\\[\\]:]{1,255}")) {
            return "http://" + host;
        }
        return "";
    }
}
