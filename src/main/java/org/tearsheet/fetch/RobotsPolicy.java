package org.tearsheet.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * robots.txt rules per host (scheme, host and port), fetched once per run with the shared client and cached.
 * A missing robots.txt (4xx) allows everything; a server error or an unreachable host defers every URL of that
 * host for the run, which is how the major crawlers treat it. With obeying switched off robots.txt is not
 * fetched at all: everything is allowed and only the configured politeness delay applies.
 */
public final class RobotsPolicy {

    private static final long MAX_ROBOTS_BYTES = 512 * 1024;

    private final HttpFetcher fetcher;
    private final boolean obey;
    private final String robotName;
    private final Map<String, CompletableFuture<BaseRobotRules>> cache = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

    public RobotsPolicy(HttpFetcher fetcher, boolean obey) {
        this.fetcher = fetcher;
        this.obey = obey;
        this.robotName = productToken(fetcher.userAgent());
    }

    /** Whether robots.txt is obeyed. */
    public boolean obeyed() {
        return obey;
    }

    /** The product token matched against User-agent lines (the user agent up to its first '/' or space). */
    public String robotName() {
        return robotName;
    }

    /** Whether {@code url} may be fetched. */
    public boolean allows(String url) {
        if (!obey) {
            return true;
        }
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) {
            return false;
        }
        BaseRobotRules rules = rulesFor(u);
        return !rules.isDeferVisits() && rules.isAllowed(url);
    }

    /** The Crawl-delay robots.txt asks of us for {@code url}'s host, or zero. */
    public Duration crawlDelay(String url) {
        if (!obey) {
            return Duration.ZERO;
        }
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) {
            return Duration.ZERO;
        }
        long ms = rulesFor(u).getCrawlDelay();
        return ms > 0 ? Duration.ofMillis(ms) : Duration.ZERO;
    }

    private BaseRobotRules rulesFor(HttpUrl url) {
        String key = url.scheme() + "://" + url.host() + ":" + url.port();
        // One fetch per host: the first caller fetches, concurrent callers wait for its result.
        CompletableFuture<BaseRobotRules> mine = new CompletableFuture<>();
        CompletableFuture<BaseRobotRules> existing = cache.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(fetchRules(url));
            } catch (RuntimeException e) {
                mine.complete(parser.failedFetch(503));
            }
            return mine.join();
        }
        return existing.join();
    }

    private BaseRobotRules fetchRules(HttpUrl url) {
        HttpUrl robotsUrl = url.newBuilder().encodedPath("/robots.txt").query(null).fragment(null).build();
        Request request = new Request.Builder().url(robotsUrl).header("User-Agent", fetcher.userAgent()).build();
        // A few redirects are normal for robots.txt (http -> https, www); OkHttp's own following is off.
        for (int hop = 0; hop < 5; hop++) {
            try (Response response = fetcher.client().newCall(request).execute()) {
                if (response.isRedirect() && response.header("Location") != null) {
                    HttpUrl next = request.url().resolve(response.header("Location"));
                    if (next == null) {
                        return allowAll();
                    }
                    request = request.newBuilder().url(next).build();
                    continue;
                }
                if (response.code() >= 200 && response.code() < 300) {
                    byte[] content = readCapped(response.body());
                    String type = response.header("Content-Type", "text/plain");
                    return parser.parseContent(robotsUrl.toString(), content, type, List.of(robotName));
                }
                return parser.failedFetch(response.code());
            } catch (IOException e) {
                // Unreachable: treat like a server error (defer), so we never crawl a host whose rules we could not read.
                return parser.failedFetch(503);
            }
        }
        return allowAll();
    }

    private static byte[] readCapped(ResponseBody body) throws IOException {
        try (var in = body.byteStream()) {
            return in.readNBytes((int) MAX_ROBOTS_BYTES);
        }
    }

    private static BaseRobotRules allowAll() {
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    }

    static String productToken(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }
}
