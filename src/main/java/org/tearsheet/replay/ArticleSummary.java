package org.tearsheet.replay;

/**
 * An archived article as listed by the browse page and the JSON API.
 *
 * @param id          stable id: the UUID of the response record the text was extracted from
 * @param url         requested URL
 * @param finalUrl    URL after redirects (the captured page)
 * @param site        site name from the page, or its host
 * @param host        host of {@code finalUrl} without a leading {@code www.}
 * @param captured    capture time, ISO-8601 UTC
 * @param timestamp   capture time as 14 digits, for replay links
 * @param title       page title (may be null)
 * @param wordCount   words in the cleaned text
 * @param paywall     paywall status (none/full/truncated/blocked), null when no detector ran
 * @param paywallKind paywall kind (e.g. metered), may be null
 * @param snippet     search snippet with matches between U+0002 and U+0003, null without a query
 * @param warcFile    WARC holding the response record the text came from
 * @param warcOffset  offset of that record (matches the CDXJ entry of the capture)
 */
public record ArticleSummary(String id, String url, String finalUrl, String site, String host, String captured,
                             String timestamp, String title, int wordCount, String paywall, String paywallKind,
                             String snippet, String warcFile, long warcOffset) {

    /** Whether this article was extracted from the record a CDXJ entry points at. */
    public boolean isAt(org.tearsheet.index.CdxjEntry e) {
        return warcOffset == e.offset() && e.filename().equals(warcFile);
    }
}
