package org.tearsheet.replay;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes responses with the security headers every page of the server carries. */
final class Responses {

    /**
     * Policy of the browse UI: its own stylesheet and nothing else; no scripts at all, no framing.
     */
    static final String UI_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /**
     * Policy of replayed content. {@code sandbox} without {@code allow-scripts} and without {@code allow-same-origin}
     * runs the archived page with scripts disabled in an opaque origin: even a script the rewriter missed cannot run,
     * and nothing in the page can read the UI's origin (cookies, storage, same-origin fetches). {@code allow-popups}
     * keeps target=_blank links working. The fetch directives keep every subresource inside the archive, so replay
     * never leaks requests to the live web.
     */
    static final String REPLAY_CSP = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'self' data: blob:; "
            + "script-src 'none'; object-src 'none'; style-src 'self' 'unsafe-inline' data:; img-src 'self' data: blob:; "
            + "media-src 'self' data: blob:; font-src 'self' data:; frame-src 'self'; connect-src 'none'; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    private Responses() {
    }

    static void common(HttpExchange ex, String csp) {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Security-Policy", csp);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        if (csp.equals(UI_CSP)) {
            h.set("X-Frame-Options", "DENY");
        }
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body, String csp) throws IOException {
        common(ex, csp);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean head = "HEAD".equals(ex.getRequestMethod());
        if (head || body.length == 0 || status == 204 || status == 304) {
            if (head && body.length > 0) {
                ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static void html(HttpExchange ex, int status, String html) throws IOException {
        send(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), UI_CSP);
    }

    static void json(HttpExchange ex, int status, byte[] json) throws IOException {
        send(ex, status, "application/json", json, UI_CSP);
    }

    static void redirect(HttpExchange ex, int status, String location, String csp) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        send(ex, status, "text/plain; charset=utf-8", ("see " + location + "\n").getBytes(StandardCharsets.UTF_8), csp);
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        ex.getResponseHeaders().set("Connection", "close");
        html(ex, status, Pages.error(status, message));
    }
}
