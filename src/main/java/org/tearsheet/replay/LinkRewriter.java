package org.tearsheet.replay;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Rewrites the links and embedded resources of an archived page so they point into the archive
 * ({@code /web/<timestamp>/<absolute url>}) instead of the live web: HTML attributes, {@code srcset},
 * meta refresh, inline styles and stylesheets ({@code url()} and {@code @import}).
 */
final class LinkRewriter {

    private static final String[][] URL_ATTRIBUTES = {
        {"a", "href"}, {"area", "href"}, {"link", "href"}, {"img", "src"}, {"image", "href"}, {"script", "src"},
        {"iframe", "src"}, {"frame", "src"}, {"embed", "src"}, {"object", "data"}, {"source", "src"},
        {"video", "src"}, {"video", "poster"}, {"audio", "src"}, {"track", "src"}, {"input", "src"},
        {"form", "action"}, {"button", "formaction"}, {"blockquote", "cite"}, {"q", "cite"}, {"ins", "cite"},
        {"del", "cite"}, {"body", "background"}, {"table", "background"}, {"td", "background"}, {"th", "background"},
    };
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+(['\"])([^'\"]+)\\1", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFRESH = Pattern.compile("(?i)^(\\s*\\d+\\s*;\\s*url\\s*=\\s*)(['\"]?)(.+?)\\2\\s*$");

    private final String timestamp;

    /** @param timestamp the 14-digit timestamp the rewritten links carry (the nearest capture is chosen on replay) */
    LinkRewriter(String timestamp) {
        this.timestamp = timestamp;
    }

    /** Rewrites {@code doc} in place; {@code pageUrl} is the archived URL of the page. */
    void rewrite(Document doc, String pageUrl) {
        String base = pageUrl;
        Element baseEl = doc.selectFirst("base[href]");
        if (baseEl != null) {
            String b = resolve(pageUrl, baseEl.attr("href"));
            if (b != null) {
                base = b;
            }
            baseEl.remove();
        }
        for (String[] ta : URL_ATTRIBUTES) {
            for (Element e : doc.select(ta[0] + "[" + ta[1] + "]")) {
                String rewritten = archived(base, e.attr(ta[1]));
                if (rewritten != null) {
                    e.attr(ta[1], rewritten);
                }
            }
        }
        for (Element e : doc.select("img[srcset], source[srcset]")) {
            e.attr("srcset", rewriteSrcset(base, e.attr("srcset")));
        }
        for (Element e : doc.select("meta[http-equiv]")) {
            String equiv = e.attr("http-equiv").toLowerCase(Locale.ROOT);
            if (equiv.equals("refresh")) {
                Matcher m = REFRESH.matcher(e.attr("content"));
                if (m.matches()) {
                    String r = archived(base, m.group(3));
                    if (r != null) {
                        e.attr("content", m.group(1) + r);
                    }
                }
            } else if (equiv.equals("content-security-policy") || equiv.equals("set-cookie")) {
                // an archived page's own policy or cookies must not act on the archive's origin
                e.remove();
            }
        }
        for (Element e : doc.select("[style]")) {
            e.attr("style", rewriteCss(base, e.attr("style")));
        }
        for (Element style : doc.select("style")) {
            for (DataNode d : style.dataNodes()) {
                d.setWholeData(rewriteCss(base, d.getWholeData()));
            }
        }
        // integrity hashes would no longer match rewritten resources; the archive checks digests itself
        doc.select("[integrity]").removeAttr("integrity");
    }

    /** Rewrites url() and @import references of a stylesheet. */
    String rewriteCss(String base, String css) {
        Matcher m = CSS_URL.matcher(css);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String r = archived(base, m.group(2).trim());
            m.appendReplacement(sb, Matcher.quoteReplacement(r == null ? m.group() : "url(" + m.group(1) + r + m.group(1) + ")"));
        }
        m.appendTail(sb);
        Matcher imp = CSS_IMPORT.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (imp.find()) {
            String r = archived(base, imp.group(2).trim());
            imp.appendReplacement(out, Matcher.quoteReplacement(r == null ? imp.group()
                    : "@import " + imp.group(1) + r + imp.group(1)));
        }
        imp.appendTail(out);
        return out.toString();
    }

    private String rewriteSrcset(String base, String srcset) {
        StringBuilder out = new StringBuilder();
        for (String candidate : srcset.split(",")) {
            String c = candidate.trim();
            if (c.isEmpty()) {
                continue;
            }
            int sp = c.indexOf(' ');
            String url = sp < 0 ? c : c.substring(0, sp);
            String rest = sp < 0 ? "" : c.substring(sp);
            String r = archived(base, url);
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(r == null ? url : r).append(rest);
        }
        return out.toString();
    }

    /** The archive URL for a reference, or null to leave it alone (fragments, mailto:, data:, javascript:...). */
    String archived(String base, String ref) {
        if (ref == null) {
            return null;
        }
        String r = ref.trim();
        if (r.isEmpty() || r.startsWith("#")) {
            return null;
        }
        String lower = r.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:") || lower.startsWith("mailto:") || lower.startsWith("tel:")
                || lower.startsWith("javascript:") || lower.startsWith("about:") || lower.startsWith("blob:")) {
            return null;
        }
        String abs = resolve(base, r);
        if (abs == null) {
            return null;
        }
        return "/web/" + timestamp + "/" + abs;
    }

    private static String resolve(String base, String ref) {
        try {
            URI b = URI.create(escape(base));
            if (b.getRawPath() == null || b.getRawPath().isEmpty()) {
                b = b.resolve("/");
            }
            String s;
            if (ref.startsWith("?")) {
                // java.net.URI follows RFC 2396 here and would drop the last path segment
                String bs = b.toString();
                int q = bs.indexOf('?');
                int f = bs.indexOf('#');
                int cut = q >= 0 ? q : f >= 0 ? f : bs.length();
                s = bs.substring(0, cut) + escape(ref);
            } else {
                s = b.resolve(escape(ref)).toString();
            }
            String lower = s.toLowerCase(Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://") ? s : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Escapes characters that are common in real-world hrefs but illegal in java.net.URI. */
    private static String escape(String ref) {
        StringBuilder sb = new StringBuilder(ref.length());
        for (char ch : ref.toCharArray()) {
            if (ch == ' ') {
                sb.append("%20");
            } else if (ch == '|' || ch == '"' || ch == '<' || ch == '>' || ch == '\\' || ch == '^' || ch == '`'
                    || ch == '{' || ch == '}') {
                sb.append('%').append(String.format("%02X", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
