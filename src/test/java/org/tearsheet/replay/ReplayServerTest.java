package org.tearsheet.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.testing.Fixtures;

class ReplayServerTest {

    @TempDir
    static Path dir;
    static ReplayServer server;
    static HttpClient client;
    static final String TS1 = "20261120101530";
    static final String TS2 = "20261125080000";

    @BeforeAll
    static void start() throws Exception {
        Fixtures.write(dir);
        server = ReplayServer.start(dir, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request line as written (HttpClient would normalise dot-segments). */
    static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void listingShowsArticlesNewestFirstWithVerdicts() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("ol.articles h2").eachText())
                .containsExactly("Other site story", "Budget vote (updated)", "Long read", "Budget vote");
        assertThat(d.select("ol.articles li").get(2).text()).contains("truncated by paywall (metered)", "news.example");
        assertThat(d.select("ol.articles li").get(3).text()).contains("no paywall");
        assertThat(d.select("ol.articles li").get(0).text()).contains("paywall not checked");
        assertThat(d.select("script")).isEmpty();
    }

    @Test
    void searchAndFilters() throws Exception {
        Document d = Jsoup.parse(get("/?q=mayor").body());
        assertThat(d.select("ol.articles h2").eachText()).containsExactly("Budget vote (updated)");
        assertThat(d.select("p.snippet mark").eachText()).contains("mayor");

        assertThat(Jsoup.parse(get("/?q=%22long+debate%22").body()).select("ol.articles h2")).hasSize(2);
        assertThat(Jsoup.parse(get("/?q=rivers&site=other.example").body()).select("ol.articles h2").eachText())
                .containsExactly("Other site story");
        assertThat(Jsoup.parse(get("/?verdict=truncated").body()).select("ol.articles h2").eachText())
                .containsExactly("Long read");
        assertThat(Jsoup.parse(get("/?verdict=unknown").body()).select("ol.articles h2")).hasSize(2);
        assertThat(Jsoup.parse(get("/?from=2026-11-21&to=2026-11-30").body()).select("ol.articles h2")).hasSize(2);
        assertThat(Jsoup.parse(get("/?to=2026-11-20").body()).select("ol.articles h2")).hasSize(2);
        // FTS syntax in user input is not an error
        assertThat(get("/?q=AND+OR+%22+*+NEAR(").statusCode()).isEqualTo(200);
        assertThat(get("/?from=yesterday").statusCode()).isEqualTo(400);

        Document p1 = Jsoup.parse(get("/?page_size=3").body());
        assertThat(p1.select("ol.articles li")).hasSize(3);
        assertThat(p1.select("a[rel=next]").attr("href")).contains("page=2");
        assertThat(Jsoup.parse(get("/?page_size=3&page=2").body()).select("ol.articles h2").eachText())
                .containsExactly("Budget vote");
    }

    @Test
    void jsonApi() throws Exception {
        HttpResponse<String> r = get("/api/articles?site=news.example&page_size=2");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/json");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(tree.get("total").asInt()).isEqualTo(3);
        assertThat(tree.get("pages").asInt()).isEqualTo(2);
        assertThat(tree.get("articles").get(0).get("title").asText()).isEqualTo("Budget vote (updated)");
        String id = tree.get("articles").get(0).get("id").asText();
        var one = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get("/api/articles/" + id).body());
        assertThat(one.get("text").asText()).contains("the mayor signed it");
    }

    @Test
    void articlePageHasTextLinksAndHistory() throws Exception {
        Document list = Jsoup.parse(get("/?q=mayor").body());
        String href = list.select("ol.articles h2 a").attr("href");
        HttpResponse<String> r = get(href);
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("h1").text()).isEqualTo("Budget vote (updated)");
        assertThat(d.select("article.text").text()).contains("Update: the mayor signed it.");
        assertThat(d.select(".actions a").eachAttr("href"))
                .contains("/web/" + TS2 + "/" + Fixtures.ARTICLE)
                .anySatisfy(h -> assertThat(h).startsWith("/warc/tearsheet-").contains(".warc.gz?offset="));
        assertThat(d.select("table.history tbody tr")).hasSize(2);
        assertThat(d.select("table.history").text()).contains("(this one)", "HTTP 200");

        // the raw record link serves the record's gzip member exactly
        String raw = d.select(".actions a").eachAttr("href").stream().filter(h -> h.startsWith("/warc/")).findFirst().orElseThrow();
        HttpResponse<byte[]> rec = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + raw)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(rec.statusCode()).isEqualTo(200);
        assertThat(rec.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/warc");
        String record = new String(new GZIPInputStream(new ByteArrayInputStream(rec.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(record).startsWith("WARC/1.1").contains("WARC-Type: response", "WARC-Target-URI: " + Fixtures.ARTICLE,
                "(second)");

        assertThat(get(raw.substring(0, raw.indexOf("?")) + "?offset=3").statusCode()).as("not a record start").isEqualTo(404);
        assertThat(get(raw.substring(0, raw.indexOf("?")) + "?offset=999999999").statusCode()).isEqualTo(404);
        assertThat(get("/article/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void replayRewritesLinksAndResourcesIntoTheArchive() throws Exception {
        HttpResponse<String> r = get("/web/" + TS1 + "/" + Fixtures.ARTICLE);
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        String w = "/web/" + TS1 + "/";
        assertThat(d.select("a#rel").attr("href")).isEqualTo(w + "http://news.example/features/long-read.html");
        assertThat(d.select("a#abs").attr("href")).isEqualTo(w + "http://other.example/a?id=7");
        assertThat(d.select("a#frag").attr("href")).isEqualTo("#top");
        assertThat(d.select("a#mail").attr("href")).isEqualTo("mailto:desk@news.example");
        assertThat(d.select("link[rel=stylesheet]").attr("href")).isEqualTo(w + "http://news.example/static/site.css");
        assertThat(d.select("img").attr("src")).isEqualTo(w + "http://news.example/img/photo.png");
        assertThat(d.select("img").attr("srcset")).isEqualTo(w + "http://news.example/img/photo.png 1x, "
                + w + "http://news.example/img/photo.png 2x");
        assertThat(d.select("#tearsheet-banner").text()).contains("Archived copy", Fixtures.ARTICLE, "2026-11-20 10:15 UTC");
        assertThat(d.select("h1").text()).isEqualTo("Budget vote");
        assertThat(r.body()).contains("(first)");
        // headers: our sandbox policy, original headers where safe, never the origin's cookies
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("sandbox ").doesNotContain("allow-scripts").doesNotContain("allow-same-origin")
                .contains("script-src 'none'");
        assertThat(r.headers().firstValue("Memento-Datetime").orElseThrow()).isEqualTo("Fri, 20 Nov 2026 10:15:30 GMT");
        assertThat(r.headers().map().keySet()).noneMatch(k -> k.toLowerCase().contains("cookie"));

        HttpResponse<String> css = get(w + "http://news.example/static/site.css");
        assertThat(css.body()).contains("url(" + w + "http://news.example/img/bg.png)");
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/css");
        assertThat(css.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox ");
    }

    @Test
    void replayPicksTheNearestCaptureAndRedirectsToIt() throws Exception {
        HttpResponse<String> r = get("/web/20261124/" + Fixtures.ARTICLE);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/web/" + TS2 + "/" + Fixtures.ARTICLE);
        assertThat(get("/web/2026/" + Fixtures.ARTICLE).headers().firstValue("Location").orElseThrow())
                .isEqualTo("/web/" + TS1 + "/" + Fixtures.ARTICLE);
        assertThat(get("/web/" + TS2 + "/" + Fixtures.ARTICLE).body()).contains("(second)");
        // resources captured at another time are found too (nearest)
        assertThat(get("/web/" + TS2 + "/http://news.example/static/site.css").headers().firstValue("Location").orElseThrow())
                .isEqualTo("/web/" + TS1 + "/http://news.example/static/site.css");
        // the latest capture
        assertThat(get("/web/" + Fixtures.ARTICLE).headers().firstValue("Location").orElseThrow())
                .isEqualTo("/web/" + TS2 + "/" + Fixtures.ARTICLE);
        // Memento timegate: Accept-Datetime picks the nearest capture
        HttpResponse<String> tg = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/web/" + Fixtures.ARTICLE)).header("Accept-Datetime", "Sat, 21 Nov 2026 00:00:00 GMT").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tg.statusCode()).isEqualTo(302);
        assertThat(tg.headers().firstValue("Location").orElseThrow()).isEqualTo("/web/" + TS1 + "/" + Fixtures.ARTICLE);
        assertThat(tg.headers().firstValue("Vary").orElseThrow()).isEqualTo("Accept-Datetime");
        // query strings belong to the archived URL
        assertThat(get("/web/20261125080005/" + Fixtures.SECOND_HOST).statusCode()).isEqualTo(200);
    }

    @Test
    void notArchivedPage() throws Exception {
        HttpResponse<String> r = get("/web/" + TS1 + "/http://never.example/page.html");
        assertThat(r.statusCode()).isEqualTo(404);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("h1").text()).isEqualTo("Not archived");
        assertThat(d.text()).contains("http://never.example/page.html", "Nothing was fetched from the live web");
        assertThat(get("/web/timemap/http://never.example/").statusCode()).isEqualTo(404);
    }

    @Test
    void timemapInLinkFormat() throws Exception {
        HttpResponse<String> r = get("/web/timemap/" + Fixtures.ARTICLE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/link-format");
        String base = "http://127.0.0.1:" + server.port();
        assertThat(r.body())
                .startsWith("<" + Fixtures.ARTICLE + ">; rel=\"original\",\n")
                .contains("<" + base + "/web/" + TS1 + "/" + Fixtures.ARTICLE + ">; rel=\"first memento\"; datetime=\"Fri, 20 Nov 2026 10:15:30 GMT\"")
                .contains("<" + base + "/web/" + TS2 + "/" + Fixtures.ARTICLE + ">; rel=\"last memento\"")
                .contains("rel=\"timegate\"");
    }

    @Test
    void traversalAndOversizedRequestsAreRefused() throws Exception {
        assertThat(raw("GET /warc/../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("Path traversal is not allowed");
        assertThat(raw("GET /static/%2e%2e/%2e%2e/manifest.jsonl HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400");
        assertThat(raw("GET /web/" + TS1 + "/http://news.example/..%2f..%2fetc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400");
        // only WARCs of the archive, by plain name, at indexed offsets
        assertThat(get("/warc/manifest.jsonl?offset=0").statusCode()).isEqualTo(404);
        assertThat(get("/warc/%2Fetc%2Fpasswd?offset=0").statusCode()).isIn(400, 404);

        assertThat(get("/?q=" + "a".repeat(9000)).statusCode()).isEqualTo(414);
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(raw("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"))
                .startsWith("HTTP/1.1 413");
        assertThat(raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 431");
    }

    @Test
    void bindsToLoopbackByDefaultInTheCommand() throws Exception {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(new org.tearsheet.cli.ServeCommand().bind()).isEqualTo("127.0.0.1");
    }
}
