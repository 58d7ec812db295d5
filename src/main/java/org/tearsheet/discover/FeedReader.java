package org.tearsheet.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Reads the items of a feed: RSS 0.9x/1.0/2.0 and Atom (via Rome) or JSON Feed 1.x (via Jackson). */
final class FeedReader {

    /** One feed item: its link (absolute) and its date, the later of published and updated, when given. */
    record Item(String url, Instant date) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedReader() {
    }

    static List<Item> read(byte[] body, String feedUrl) throws IOException {
        return looksLikeJson(body) ? readJsonFeed(body, feedUrl) : readXmlFeed(body, feedUrl);
    }

    private static List<Item> readXmlFeed(byte[] body, String feedUrl) throws IOException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body))) {
            feed = new SyndFeedInput().build(reader);
        } catch (FeedException | IllegalArgumentException e) {
            throw new IOException("not a readable RSS/Atom feed: " + e.getMessage(), e);
        }
        List<Item> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String link = e.getLink() != null ? e.getLink() : e.getUri();
            String absolute = resolve(feedUrl, link);
            if (absolute != null) {
                items.add(new Item(absolute, later(instant(e.getPublishedDate()), instant(e.getUpdatedDate()))));
            }
        }
        return items;
    }

    private static List<Item> readJsonFeed(byte[] body, String feedUrl) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode entries = root.path("items");
        if (!root.path("version").asText("").startsWith("https://jsonfeed.org/version/") || !entries.isArray()) {
            throw new IOException("not a JSON Feed (no jsonfeed.org version or items)");
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode item : entries) {
            String link = item.hasNonNull("url") ? item.get("url").asText() : item.path("external_url").asText(null);
            String absolute = resolve(feedUrl, link);
            if (absolute != null) {
                items.add(new Item(absolute, later(rfc3339(item.path("date_published").asText(null)),
                        rfc3339(item.path("date_modified").asText(null)))));
            }
        }
        return items;
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b) && (b & 0xff) != 0xEF && (b & 0xff) != 0xBB && (b & 0xff) != 0xBF) {
                return b == '{';
            }
        }
        return false;
    }

    /** Resolves a possibly relative link; returns null for missing or non-http links. */
    static String resolve(String base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            String absolute = URI.create(base).resolve(link.trim()).toString();
            return UrlCanonicalizer.isHttpUrl(absolute) ? absolute : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static Instant rfc3339(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }
}
