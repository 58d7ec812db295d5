package org.tearsheet.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * robots.txt rules per host (scheme, host and port), fetched once per run with the shared client and cached.
 * A missing robots.txt (4xx) allows everything; a server error or an unreachable host defers every URL of that
 * host for the run, which is how the major crawlers treat it. With obeying switched off robots.txt is not
 * fetched at all: everything is allowed and only the configured politeness delay applies.
 */
public final class RobotsPolicy {

    private static final long MAX_ROBOTS_BYTES = 512 * 1024;
    // robots.txt is asked for unencoded, so the rules parse from the bytes as recorded.
    private static final Headers IDENTITY = Headers.of("Accept-Encoding", "identity");

    private final HttpFetcher fetcher;
    private final boolean obey;
    private final String robotName;
    private final Map<String, CompletableFuture<BaseRobotRules>> cache = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Recorder recorder;

    /** Receives the exchanges of each robots.txt fetch (the redirect hops and the final answer), to archive them. */
    @FunctionalInterface
    public interface Recorder {
        /** Called once per host and run, on the fetching thread; the exchanges are closed after it returns. */
        void record(List<HttpExchange> hops);
    }

    /** Rules fetched through {@code fetcher}, not archived. */
    public RobotsPolicy(HttpFetcher fetcher, boolean obey) {
        this(fetcher, obey, hops -> { });
    }

    /** Rules fetched through {@code fetcher}; every robots.txt exchange is handed to {@code recorder}. */
    public RobotsPolicy(HttpFetcher fetcher, boolean obey, Recorder recorder) {
        this.fetcher = fetcher;
        this.obey = obey;
        this.robotName = productToken(fetcher.userAgent());
        this.recorder = Objects.requireNonNull(recorder, "recorder");
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
        List<HttpExchange> hops = new ArrayList<>();
        try {
            return fetchRules(robotsUrl, hops);
        } finally {
            if (!hops.isEmpty()) {
                recorder.record(List.copyOf(hops));
            }
            hops.forEach(HttpExchange::close);
        }
    }

    private BaseRobotRules fetchRules(HttpUrl robotsUrl, List<HttpExchange> hops) {
        HttpUrl current = robotsUrl;
        // A few redirects are normal for robots.txt (http -> https, www); they are followed here, each one recorded.
        for (int hop = 0; hop < 5; hop++) {
            HttpExchange exchange;
            try {
                exchange = fetcher.get(current.toString(), IDENTITY);
            } catch (IOException e) {
                // Unreachable: treat like a server error (defer), so we never crawl a host whose rules we could not read.
                return parser.failedFetch(503);
            }
            hops.add(exchange);
            if (exchange.isRedirect()) {
                HttpUrl next = current.resolve(exchange.responseHeaders().get("Location"));
                if (next == null) {
                    return allowAll();
                }
                current = next;
                continue;
            }
            if (exchange.status() >= 200 && exchange.status() < 300) {
                byte[] content = readCapped(exchange);
                String type = Objects.requireNonNullElse(exchange.responseHeaders().get("Content-Type"), "text/plain");
                return parser.parseContent(robotsUrl.toString(), content, type, List.of(robotName));
            }
            return parser.failedFetch(exchange.status());
        }
        return allowAll();
    }

    private static byte[] readCapped(HttpExchange exchange) {
        try (InputStream in = exchange.body().openStream()) {
            return in.readNBytes((int) MAX_ROBOTS_BYTES);
        } catch (IOException e) {
            return new byte[0];
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
