package org.tearsheet.capture;

import java.util.List;
import java.util.Locale;
import org.tearsheet.extract.Article;
import org.tearsheet.extract.Extractor;
import org.tearsheet.extract.HtmlDecoder;
import org.tearsheet.extract.HtmlPage;
import org.tearsheet.fetch.HttpExchange;
import org.tearsheet.paywall.PaywallDetector;
import org.tearsheet.paywall.PaywallInput;
import org.tearsheet.paywall.PaywallVerdict;

/**
 * Extraction and paywall verdict for a final response, decided before anything is written (the truncated
 * policy may drop the capture).
 *
 * @param article the extracted article, {@code null} when extraction failed
 * @param verdict the paywall verdict, {@code null} when no detector ran
 * @param charset name of the charset the page was decoded with, {@code null} when not decoded
 * @param error   why extraction failed, {@code null} when it worked
 * @param textSha256 hex SHA-256 of the article text's UTF-8 bytes, {@code null} without an article; computed once
 *                   here because the result, the metadata record and the sidecar line all carry it
 */
record PageAnalysis(Article article, PaywallVerdict verdict, String charset, String error, String textSha256) {

    PageAnalysis(Article article, PaywallVerdict verdict, String charset, String error) {
        this(article, verdict, charset, error, article == null ? null : MetadataJson.sha256Hex(article.text()));
    }

    /** Statuses whose HTML is analysed: success, and the access-denied answers a paywall may give. */
    static boolean analysable(int status) {
        return (status >= 200 && status < 300) || status == 401 || status == 402 || status == 403 || status == 451;
    }

    /** Whether the response is HTML (declared, or undeclared but looking like markup). */
    static boolean isHtml(HttpExchange exchange) {
        String type = exchange.responseHeaders().get("Content-Type");
        if (type != null) {
            String t = type.toLowerCase(Locale.ROOT);
            return t.contains("text/html") || t.contains("application/xhtml");
        }
        return false;
    }

    static PageAnalysis of(HttpExchange exchange, Extractor extractor, PaywallDetector detector,
                           List<String> redirectChain, boolean credentialsSent) {
        byte[] html;
        try {
            html = ContentDecoding.decode(exchange.body(), exchange.responseHeaders().get("Content-Encoding"),
                    exchange.truncated());
        } catch (ContentDecoding.UndecodableBody e) {
            PaywallVerdict verdict = detector == null ? null : detector.detect(
                    new PaywallInput(null, Article.empty(), exchange.status(), redirectChain, credentialsSent));
            return new PageAnalysis(null, verdict, null, e.getMessage());
        }
        HtmlPage page = HtmlDecoder.decode(html, exchange.url(), exchange.responseHeaders().get("Content-Type"));
        Article article;
        try {
            article = extractor.extract(page);
        } catch (RuntimeException e) {
            // The contract says never throws; a bug there must not lose the capture.
            return new PageAnalysis(null, null, page.charset().name(), "extractor failed: " + e);
        }
        PaywallVerdict verdict = detector == null ? null
                : detector.detect(new PaywallInput(page, article, exchange.status(), redirectChain, credentialsSent));
        if (verdict != null && verdict.status() == PaywallVerdict.Status.BLOCKED) {
            // A barrier or login page holds no article text; whatever the extractor kept is the barrier's own
            // wording, which must not pass for the article in the sidecar. Metadata (title etc.) is kept.
            article = article.withoutText();
        }
        return new PageAnalysis(article, verdict, page.charset().name(), null);
    }
}
