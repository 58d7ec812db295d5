package org.tearsheet.replay;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses requests the server never needs to serve before any route sees them: other methods than GET/HEAD,
 * request bodies, over-long URLs and headers, and dot-segments (raw or percent-encoded) that could walk a path out
 * of the archive folder.
 */
final class RequestGuard {

    static final int MAX_URI = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /** Why a request was refused. */
    record Refusal(int status, String message) {
    }

    private RequestGuard() {
    }

    /** Null when the request may proceed. */
    static Refusal check(HttpExchange ex) {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            return new Refusal(405, "Only GET and HEAD are served.");
        }
        String raw = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? ""
                : "?" + ex.getRequestURI().getRawQuery());
        if (raw.length() > MAX_URI) {
            return new Refusal(414, "The request URL is longer than " + MAX_URI + " bytes.");
        }
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            for (String v : h.getValue()) {
                headerBytes += h.getKey().length() + v.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return new Refusal(431, "The request headers are larger than " + MAX_HEADER_BYTES + " bytes.");
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if ((length != null && !length.trim().equals("0")) || ex.getRequestHeaders().containsKey("Transfer-Encoding")) {
            return new Refusal(413, "Requests with a body are not accepted.");
        }
        if (hasDotSegment(ex.getRequestURI().getRawPath())) {
            return new Refusal(400, "Path traversal is not allowed.");
        }
        return null;
    }

    /** True for any {@code ..} path segment, also when percent-encoded or written with backslashes. */
    static boolean hasDotSegment(String rawPath) {
        String p = rawPath.toLowerCase(Locale.ROOT).replace("%2e", ".").replace("%2f", "/").replace("%5c", "/")
                .replace('\\', '/');
        for (String seg : p.split("/", -1)) {
            if (seg.equals("..") || seg.equals(".")) {
                return true;
            }
        }
        return p.contains("\0") || p.contains("%00");
    }
}
