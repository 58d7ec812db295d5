package org.tearsheet.extract;

/**
 * Turns a parsed HTML page into an {@link Article}. Implementations are thread-safe and never throw on
 * malformed input: the worst case is an article with empty text.
 */
public interface Extractor {

    /** Extracts the article from {@code page}; must not modify {@code page.document()}. */
    Article extract(HtmlPage page);
}
