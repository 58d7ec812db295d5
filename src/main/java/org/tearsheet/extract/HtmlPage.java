package org.tearsheet.extract;

import java.nio.charset.Charset;
import org.jsoup.nodes.Document;

/**
 * A decoded, parsed HTML page shared by the extractor and the paywall detector.
 * The document is read-only by contract: an implementation that needs to prune nodes works on a copy,
 * because the paywall detector reads the same document after extraction.
 *
 * @param url      the URL the page was served from (base for relative links)
 * @param document the parsed DOM
 * @param charset  the charset the bytes were decoded with
 */
public record HtmlPage(String url, Document document, Charset charset) {
}
