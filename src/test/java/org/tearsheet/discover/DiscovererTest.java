package org.tearsheet.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.JobConfig;
import org.tearsheet.testing.JobsTestSite;

class DiscovererTest {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private JobsTestSite site;
    private Discoverer discoverer;

    @BeforeEach
    void setUp() throws IOException {
        site = new JobsTestSite();
        site.put("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        FetchSettings fetch = new FetchSettings("tearsheet-test/1.0 (+http://example.org/contact)", null, null,
                Duration.ofSeconds(10), null, null, null, null, null, null, Duration.ZERO, null, null, null, null);
        discoverer = new Discoverer(fetch);
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    private static String rfc822(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    private static JobConfig job(JobConfig.Seeds seeds, List<String> include, List<String> exclude, Duration lookback) {
        return new JobConfig("t", null, null, seeds, include, exclude, null, lookback, null, null);
    }

    private static JobConfig.Seeds feeds(String... urls) {
        return new JobConfig.Seeds(null, List.of(urls), null, null);
    }

    @Test
    void rss20WithDatesAndRss091WithoutDates() {
        site.put("/rss.xml", "application/rss+xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>/</link><description>d</description>
                <item><title>a</title><link>%s</link><pubDate>%s</pubDate></item>
                <item><title>b</title><link>/news/b.html</link><pubDate>%s</pubDate></item>
                </channel></rss>""".formatted(site.url("/news/a.html"), rfc822(NOW.minus(Duration.ofDays(1))),
                rfc822(NOW.minus(Duration.ofDays(2)))));
        site.put("/rss091.xml", "text/xml", """
                <?xml version="1.0"?><rss version="0.91"><channel><title>t</title><link>http://x/</link><description>d</description>
                <language>en</language>
                <item><title>c</title><link>%s</link></item></channel></rss>""".formatted(site.url("/news/c.html")));

        Discovery d = discoverer.discover(job(feeds(site.url("/rss.xml"), site.url("/rss091.xml")), List.of(), List.of(), null), NOW);

        assertThat(d.errors()).isEmpty();
        assertThat(d.urls()).extracting(DiscoveredUrl::url)
                .containsExactly(site.url("/news/a.html"), site.url("/news/b.html"), site.url("/news/c.html"));
        assertThat(d.urls().get(0).published()).isCloseTo(NOW.minus(Duration.ofDays(1)), within());
        assertThat(d.urls().get(2).published()).isNull();
        assertThat(d.urls().get(0).source()).isEqualTo("feed:" + site.url("/rss.xml"));
        assertThat(site.hits("/rss.xml")).allSatisfy(h -> assertThat(h.userAgent()).startsWith("tearsheet-test/1.0"));
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS);
    }

    @Test
    void atomWithAndWithoutDatesAndJsonFeed() {
        site.put("/atom.xml", "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
                <id>urn:x</id><updated>%1$s</updated>
                <entry><title>a</title><id>urn:a</id><link rel="alternate" href="%2$s"/><updated>%1$s</updated></entry>
                <entry><title>b</title><id>urn:b</id><link href="%3$s"/></entry></feed>""".formatted(
                NOW.minus(Duration.ofHours(3)).toString(), site.url("/news/a.html"), site.url("/news/b.html")));
        site.put("/feed.json", "application/feed+json", """
                {"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
                  {"id": "1", "url": "/news/j.html", "date_published": "%s"},
                  {"id": "2", "url": "%s"}]}""".formatted(NOW.minus(Duration.ofDays(3)).toString(), site.url("/news/k.html")));

        Discovery d = discoverer.discover(job(feeds(site.url("/atom.xml"), site.url("/feed.json")), List.of(), List.of(), null), NOW);

        assertThat(d.errors()).isEmpty();
        assertThat(d.urls()).extracting(DiscoveredUrl::url).containsExactly(site.url("/news/a.html"),
                site.url("/news/b.html"), site.url("/news/j.html"), site.url("/news/k.html"));
        assertThat(d.urls().get(0).published()).isCloseTo(NOW.minus(Duration.ofHours(3)), within());
        assertThat(d.urls().get(1).published()).isNull();
        assertThat(d.urls().get(2).published()).isCloseTo(NOW.minus(Duration.ofDays(3)), within());
    }

    @Test
    void sitemapIndexWithGzippedChildAndNewsSitemap() throws IOException {
        site.put("/sitemap.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%s</loc></sitemap>
                  <sitemap><loc>%s</loc></sitemap>
                  <sitemap><loc>%s</loc></sitemap>
                </sitemapindex>""".formatted(site.url("/sitemaps/news.xml"), site.url("/sitemaps/old.xml.gz"),
                site.url("/sitemaps/missing.xml")));
        site.put("/sitemaps/news.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>%s</loc><news:news><news:publication><news:name>T</news:name><news:language>en</news:language>
                    </news:publication><news:publication_date>%s</news:publication_date><news:title>N</news:title></news:news></url>
                </urlset>""".formatted(site.url("/news/fresh.html"), NOW.minus(Duration.ofHours(2)).toString()));
        site.put("/sitemaps/old.xml.gz", "application/octet-stream", gzip("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc><lastmod>%s</lastmod></url>
                  <url><loc>%s</loc></url>
                </urlset>""".formatted(site.url("/news/old.html"), NOW.minus(Duration.ofDays(400)).toString().substring(0, 10),
                site.url("/news/undated.html"))));

        JobConfig.Seeds seeds = new JobConfig.Seeds(null, null, List.of(site.url("/sitemap.xml")), null);
        Discovery all = discoverer.discover(job(seeds, List.of(), List.of(), null), NOW);
        assertThat(all.urls()).extracting(DiscoveredUrl::url).containsExactly(site.url("/news/fresh.html"),
                site.url("/news/old.html"), site.url("/news/undated.html"));
        assertThat(all.urls().get(0).published()).isCloseTo(NOW.minus(Duration.ofHours(2)), within());
        assertThat(all.errors()).singleElement().asString().contains("missing.xml").contains("404");

        Discovery recent = discoverer.discover(job(seeds, List.of(), List.of(), Duration.ofDays(30)), NOW);
        assertThat(recent.urls()).extracting(DiscoveredUrl::url)
                .containsExactly(site.url("/news/fresh.html"), site.url("/news/undated.html"));
        assertThat(recent.tooOld()).isEqualTo(1);
    }

    @Test
    void scopeRulesAndDedupeAcrossSeeds() {
        site.put("/rss.xml", "application/rss+xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>/</link><description>d</description>
                <item><title>a</title><link>%s</link></item>
                <item><title>b</title><link>%s</link></item>
                <item><title>c</title><link>%s</link></item>
                <item><title>d</title><link>%s</link></item>
                </channel></rss>""".formatted(site.url("/news/a.html?utm_source=rss"), site.url("/sport/b.html"),
                site.url("/news/live-blog.html"), site.url("/news/a.html#comments")));
        site.put("/", "text/html", """
                <html><body><a href="/">home</a><a href="/news/">section</a><a href="/news/a.html">dup</a>
                <a href="/news/2026/03/01/budget-vote-passes">dated</a><a href="/tag/politics">tag</a>
                <a href="/img/x.jpg">img</a><a href="http://elsewhere.example/news/z.html">other site</a>
                <a href="/news/e.html">e</a></body></html>""");

        JobConfig.Seeds seeds = new JobConfig.Seeds(List.of(site.url("/explicit/given.html")),
                List.of(site.url("/rss.xml")), null, List.of(site.url("/")));
        Discovery d = discoverer.discover(job(seeds, List.of("/news/"), List.of("live-blog"), null), NOW);

        assertThat(d.urls()).extracting(DiscoveredUrl::url).containsExactly(
                site.url("/explicit/given.html"), // explicit urls bypass include/exclude
                site.url("/news/a.html?utm_source=rss"), // first sighting is fetched as written
                site.url("/news/2026/03/01/budget-vote-passes"),
                site.url("/news/e.html"));
        assertThat(d.outOfScope()).isEqualTo(2);
        assertThat(d.urls().get(3).source()).isEqualTo("page:" + site.url("/"));
    }

    @Test
    void robotsAndBrokenSeedsAreReportedNotFatal() {
        site.put("/private/feed.xml", "application/rss+xml", "<rss/>");
        site.put("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><item>");
        site.put("/bad.xml.gz", "application/gzip", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        site.put("/ok.xml", "application/rss+xml", """
                <rss version="2.0"><channel><title>t</title><link>/</link><description>d</description>
                <item><link>%s</link></item></channel></rss>""".formatted(site.url("/news/ok.html")));
        JobConfig.Seeds seeds = new JobConfig.Seeds(null,
                List.of(site.url("/private/feed.xml"), site.url("/broken.xml"), site.url("/ok.xml")),
                List.of(site.url("/bad.xml.gz")), null);

        Discovery d = discoverer.discover(job(seeds, List.of(), List.of(), null), NOW);

        assertThat(d.urls()).extracting(DiscoveredUrl::url).containsExactly(site.url("/news/ok.html"));
        assertThat(d.errors()).hasSize(3);
        assertThat(d.errors().get(0)).contains("robots.txt disallows");
        assertThat(d.errors().get(2)).contains("broken gzip");
        assertThat(site.hits("/private/feed.xml")).isEmpty();
    }

    @Test
    void aStopRequestEndsDiscoveryKeepingWhatWasFound() {
        for (String name : List.of("one", "two")) {
            site.put("/" + name + ".xml", "application/rss+xml", """
                    <rss version="2.0"><channel><title>t</title><link>/</link><description>d</description>
                    <item><link>%s</link></item></channel></rss>""".formatted(site.url("/news/" + name + ".html")));
        }
        FetchSettings fetch = new FetchSettings(null, null, null, null, null, null, null, null, null, null,
                Duration.ZERO, null, null, null, null);
        Discoverer stopping = new Discoverer(fetch, () -> !site.hits("/one.xml").isEmpty());

        Discovery d = stopping.discover(job(feeds(site.url("/one.xml"), site.url("/two.xml")), List.of(), List.of(), null), NOW);

        assertThat(d.urls()).extracting(DiscoveredUrl::url).containsExactly(site.url("/news/one.html"));
        assertThat(d.errors()).isEmpty();
        assertThat(site.hits("/two.xml")).isEmpty();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
