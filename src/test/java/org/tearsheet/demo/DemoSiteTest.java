package org.tearsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The embedded demo site serves what discovery, capture and paywall detection expect. */
class DemoSiteTest {

    static DemoSite site;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        site = DemoSite.start(0);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.baseUrl() + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void frontPageFeedsAndSitemapsListTheArticlesWithAbsoluteUrls() throws Exception {
        assertThat(site.articleUrls()).hasSizeBetween(5, 8).allMatch(u -> u.startsWith(site.baseUrl() + "/news/"));
        Document front = Jsoup.parse(new String(get("/").body(), StandardCharsets.UTF_8), site.baseUrl() + "/");
        assertThat(front.select("a[href^=/news/]").eachAttr("abs:href")).containsAll(site.articleUrls());
        for (String feedPath : new String[] {"/feed.xml", "/atom.xml"}) {
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(get(feedPath).body())));
            assertThat(feed.getEntries()).extracting(e -> e.getLink()).containsExactlyInAnyOrderElementsOf(site.articleUrls());
        }
        String index = new String(get("/sitemap.xml").body(), StandardCharsets.UTF_8);
        assertThat(index).contains("<sitemapindex").contains(site.baseUrl() + "/sitemaps/news.xml")
                .contains(site.baseUrl() + "/sitemaps/archive.xml.gz");
        assertThat(new String(get("/sitemaps/news.xml").body(), StandardCharsets.UTF_8))
                .contains("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"").contains("<news:publication_date>");
        byte[] gz = get("/sitemaps/archive.xml.gz").body();
        String archive = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(archive).contains("<urlset").contains(site.baseUrl() + "/news/");
        assertThat(new String(get("/robots.txt").body(), StandardCharsets.UTF_8))
                .contains("Sitemap: " + site.baseUrl() + "/sitemap.xml");
    }

    @Test
    void articlesCarryBoilerplateMetadataAndOnePaywalledTeaser() throws Exception {
        long paywalled = 0;
        for (String url : site.articleUrls()) {
            String html = new String(get(url.substring(site.baseUrl().length())).body(), StandardCharsets.UTF_8);
            assertThat(html).contains("application/ld+json").contains("og:title").contains("Reuse this content")
                    .contains("cookie-banner").contains("comments-widget").contains("newsletter-signup")
                    .contains("share-bar").contains("related-links");
            if (html.contains("\"isAccessibleForFree\": false")) {
                paywalled++;
                assertThat(html).contains("Subscribe to continue reading");
            }
        }
        assertThat(paywalled).isEqualTo(1);
    }

    @Test
    void gzipValidatorsAndRedirects() throws Exception {
        String path = site.articleUrls().get(0).substring(site.baseUrl().length());
        HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
        String etag = gz.headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(path).headers().firstValue("Content-Encoding")).isEmpty();
        String redirect = site.redirectUrls().get(0).substring(site.baseUrl().length());
        HttpResponse<byte[]> moved = get(redirect);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(site.articleUrls()).contains(site.baseUrl() + moved.headers().firstValue("Location").orElseThrow());
        assertThat(get("/news/nothing-here.html").statusCode()).isEqualTo(404);
    }
}
