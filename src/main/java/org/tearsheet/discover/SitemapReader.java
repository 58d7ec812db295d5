package org.tearsheet.discover;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a sitemap (index or urlset, plain or gzipped, Google News extension) through crawler-commons,
 * fetching child sitemaps with the seed fetcher. A child that cannot be read is reported and skipped.
 */
final class SitemapReader {

    /** Sitemap indexes may nest; deeper than this is a loop or a mistake. */
    private static final int MAX_DEPTH = 4;

    private final SeedFetcher fetcher;
    private final SiteMapParser parser;

    SitemapReader(SeedFetcher fetcher) {
        this.fetcher = fetcher;
        this.parser = new SiteMapParser(false);
        this.parser.enableExtension(Extension.NEWS);
    }

    /** Items of the sitemap at {@code url} and its children; problems with children go to {@code errors}. */
    List<FeedReader.Item> read(String url, List<String> errors) throws IOException {
        List<FeedReader.Item> items = new ArrayList<>();
        walk(url, 0, new HashSet<>(), items, errors);
        return items;
    }

    private void walk(String url, int depth, Set<String> seen, List<FeedReader.Item> items, List<String> errors)
            throws IOException {
        if (!seen.add(url)) {
            return;
        }
        SeedFetcher.Document doc = fetcher.get(url);
        AbstractSiteMap map;
        try {
            // the body is already gunzipped, so it is always XML (or a plain-text URL list) here
            map = parser.parseSiteMap(contentTypeOf(doc), doc.body(), new URL(doc.url()));
        } catch (UnknownFormatException e) {
            throw new IOException("not a sitemap: " + e.getMessage(), e);
        }
        if (map instanceof SiteMapIndex index) {
            if (depth >= MAX_DEPTH) {
                errors.add("sitemap " + url + ": nested deeper than " + MAX_DEPTH + " indexes, not followed");
                return;
            }
            for (AbstractSiteMap child : index.getSitemaps()) {
                String childUrl = child.getUrl().toString();
                try {
                    walk(childUrl, depth + 1, seen, items, errors);
                } catch (SeedFetcher.StoppedException e) {
                    throw e;
                } catch (IOException e) {
                    errors.add("sitemap " + childUrl + ": " + e.getMessage());
                }
            }
        } else if (map instanceof SiteMap siteMap) {
            for (SiteMapURL u : siteMap.getSiteMapUrls()) {
                items.add(new FeedReader.Item(u.getUrl().toString(), dateOf(u)));
            }
        }
    }

    private static String contentTypeOf(SeedFetcher.Document doc) {
        String type = doc.contentType().toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/plain") ? "text/plain" : "text/xml";
    }

    /** The later of lastmod and the News publication date. */
    private static Instant dateOf(SiteMapURL u) {
        Instant date = u.getLastModified() == null ? null : u.getLastModified().toInstant();
        ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata m : news) {
                if (m instanceof NewsAttributes n && n.getPublicationDateTime() != null) {
                    date = FeedReader.later(date, n.getPublicationDateTime().toInstant());
                }
            }
        }
        return date;
    }
}
