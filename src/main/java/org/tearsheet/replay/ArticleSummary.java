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
 */
public record ArticleSummary(String id, String url, String finalUrl, String site, String host, String captured,
                             String timestamp, String title, int wordCount, String paywall, String paywallKind,
                             String snippet) {
}
