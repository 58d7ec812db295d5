package org.tearsheet.discover;

import java.time.Instant;

/**
 * One article URL found by discovery.
 *
 * @param url       the URL exactly as the feed, sitemap or page gave it (resolved to absolute)
 * @param canonical the dedupe key ({@link UrlCanonicalizer#canonical})
 * @param source    the seed it came from, e.g. {@code feed:https://example.com/rss.xml}
 * @param published the item's date from the feed or sitemap (the later of published and updated), or
 *                  {@code null} when it gave none
 */
public record DiscoveredUrl(String url, String canonical, String source, Instant published) {
}
