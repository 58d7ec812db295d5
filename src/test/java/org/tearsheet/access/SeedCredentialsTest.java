package org.tearsheet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tearsheet.access.AccessFixtures.COOKIE_SECRET;
import static org.tearsheet.access.AccessFixtures.TOKEN_HEADER;
import static org.tearsheet.access.AccessFixtures.TOKEN_SECRET;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.config.AccessSettings;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.JobConfig;
import org.tearsheet.discover.DiscoveredUrl;
import org.tearsheet.discover.Discoverer;
import org.tearsheet.discover.Discovery;

/**
 * A subscriber-only feed (full-text RSS behind the operator's login) is read with the operator's credentials, and a
 * feed that redirects to another host gets none of them there.
 */
class SeedCredentialsTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.add(request);
                String path = request.getUrl().encodedPath();
                if (path.equals("/members/feed.xml")) {
                    String cookie = request.getHeaders().get("Cookie");
                    return cookie != null && cookie.contains("sid=" + COOKIE_SECRET) ? rss("/news/members-only.html")
                            : new MockResponse.Builder().code(403).body("subscribers only").build();
                }
                return routes.getOrDefault(path, new MockResponse.Builder().code(404).build());
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private MockResponse rss(String link) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                .body("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>/</link>"
                        + "<description>d</description><item><title>a</title><link>" + url("127.0.0.1", link)
                        + "</link></item></channel></rss>").build();
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + server.getPort() + path;
    }

    private Discoverer discoverer() throws Exception {
        AccessSettings access = AccessFixtures.access("the-paper", "127.0.0.1",
                AccessFixtures.cookiesFile(dir, "127.0.0.1"), AccessFixtures.tokenFile(dir));
        SubscriberAccess credentials = SubscriberAccess.fromConfig(AccessFixtures.config(dir.resolve("archive"), access));
        FetchSettings fetch = new FetchSettings("tearsheet-test/1.0 (+http://example.org/contact)", null, null,
                Duration.ofSeconds(10), null, null, null, null, null, null, Duration.ZERO, null, null, null, null);
        return new Discoverer(fetch, () -> false, credentials.interceptor());
    }

    private static JobConfig job(String... feeds) {
        return new JobConfig("t", null, null, new JobConfig.Seeds(null, List.of(feeds), null, null), List.of(),
                List.of(), null, null, null, null);
    }

    @Test
    void subscriberFeedIsReadWithTheOperatorsCredentials() throws Exception {
        Discovery d = discoverer().discover(job(url("127.0.0.1", "/members/feed.xml")), Instant.now());

        assertThat(d.errors()).isEmpty();
        assertThat(d.urls()).extracting(DiscoveredUrl::url).containsExactly(url("127.0.0.1", "/news/members-only.html"));
        RecordedRequest feed = seen.stream().filter(r -> r.getUrl().encodedPath().equals("/members/feed.xml"))
                .findFirst().orElseThrow();
        assertThat(feed.getHeaders().get(TOKEN_HEADER)).isEqualTo(TOKEN_SECRET);
    }

    @Test
    void aRedirectToAnotherHostCarriesNoCredentials() throws Exception {
        // 127.0.0.1 has credentials; localhost (same server, another host name) has none.
        routes.put("/feed.xml", new MockResponse.Builder().code(302)
                .addHeader("Location", url("localhost", "/elsewhere/feed.xml")).build());
        routes.put("/elsewhere/feed.xml", rss("/news/public.html"));

        Discovery d = discoverer().discover(job(url("127.0.0.1", "/feed.xml")), Instant.now());

        assertThat(d.errors()).isEmpty();
        assertThat(d.urls()).extracting(DiscoveredUrl::url).containsExactly(url("127.0.0.1", "/news/public.html"));
        RecordedRequest first = seen.stream().filter(r -> r.getUrl().encodedPath().equals("/feed.xml"))
                .findFirst().orElseThrow();
        RecordedRequest second = seen.stream().filter(r -> r.getUrl().encodedPath().equals("/elsewhere/feed.xml"))
                .findFirst().orElseThrow();
        assertThat(first.getHeaders().get(TOKEN_HEADER)).isEqualTo(TOKEN_SECRET);
        assertThat(second.getUrl().host()).isEqualTo("localhost");
        assertThat(second.getHeaders().get(TOKEN_HEADER)).isNull();
        assertThat(second.getHeaders().get("Cookie")).isNull();
    }
}
