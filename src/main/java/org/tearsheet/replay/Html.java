package org.tearsheet.replay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping and the page frame shared by every server-rendered page. */
final class Html {

    private Html() {
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** A full page: the given title and body inside the common header and footer. */
    static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · tearsheet</title>"
                + "<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body>"
                + "<header class=\"top\"><a class=\"brand\" href=\"/\">tearsheet</a><span>news archive</span></header>"
                + "<main>" + body + "</main>"
                + "<footer>Archived copies are shown as captured. Replays run without scripts.</footer>"
                + "</body></html>\n";
    }

    /** The paywall badge for a verdict wire name (null = no detector ran). */
    static String verdictBadge(String verdict, String kind) {
        String v = verdict == null ? "unknown" : verdict;
        String label = switch (v) {
            case "none" -> "no paywall";
            case "full" -> "paywalled";
            case "truncated" -> "truncated by paywall";
            case "blocked" -> "blocked";
            case "unknown" -> "paywall not checked";
            default -> v;
        };
        if (kind != null && !kind.isBlank() && !"none".equals(v)) {
            label += " (" + kind + ")";
        }
        return "<span class=\"badge v-" + esc(v.matches("[a-z]+") ? v : "unknown") + "\">" + esc(label) + "</span>";
    }
}
