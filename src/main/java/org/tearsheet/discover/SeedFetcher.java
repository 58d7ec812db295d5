package org.tearsheet.discover;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.tearsheet.config.FetchSettings;

/**
 * Fetches seed documents (feeds, sitemaps, section pages) for discovery, as politely as captures are made:
 * the configured User-Agent, robots.txt obeyed (when configured), a gap between requests to one host, a
 * size cap, the operator's subscriber credentials where they belong. These fetches are not archived; only the
 * articles they lead to are captured.
 */
final class SeedFetcher implements AutoCloseable {

    /** A stop was requested: no more seed documents are fetched. */
    static final class StoppedException extends IOException {
        private static final long serialVersionUID = 1L;

        StoppedException() {
            super("stop requested");
        }
    }

    /** A fetched document; {@code body} is content-decoded and gunzipped when it was a gzip file. */
    record Document(String url, String contentType, byte[] body) {
    }

    private final OkHttpClient client;
    private final FetchSettings fetch;
    private final Map<String, FetchSettings.HostOverride> jobHosts;
    private final String robotName;
    private final long maxBytes;
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final Map<String, Long> lastRequestAt = new HashMap<>();
    private final java.util.function.BooleanSupplier stopRequested;

    /** @param credentials subscriber credentials added per hop (a network interceptor), or {@code null} */
    SeedFetcher(FetchSettings fetch, Map<String, FetchSettings.HostOverride> jobHosts,
                java.util.function.BooleanSupplier stopRequested, Interceptor credentials) {
        this.fetch = fetch;
        this.stopRequested = stopRequested;
        this.jobHosts = jobHosts;
        this.robotName = robotName(fetch.userAgent());
        this.maxBytes = fetch.maxBodySize().bytes();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(fetch.connectTimeout())
                .readTimeout(fetch.readTimeout())
                .callTimeout(fetch.callTimeout())
                .followRedirects(true);
        if (credentials != null) {
            // OkHttp follows redirects here; as a network interceptor it judges every hop by that hop's own host.
            b.addNetworkInterceptor(credentials);
        }
        this.client = b.build();
    }

    /**
     * Fetches {@code url}.
     *
     * @throws StoppedException when a stop was requested
     * @throws IOException      for network errors, non-2xx statuses, robots refusals, oversize or broken bodies
     */
    Document get(String url) throws IOException {
        if (stopRequested.getAsBoolean()) {
            throw new StoppedException();
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IOException("not an http(s) URL: " + url);
        }
        if (fetch.obeyRobots() && !robotsFor(parsed).isAllowed(url)) {
            throw new IOException("robots.txt disallows " + url);
        }
        try (Response response = execute(parsed)) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " for " + url);
            }
            ResponseBody body = response.body();
            byte[] bytes = gunzipIfGzip(readCapped(body.byteStream(), url), url);
            String type = response.header("Content-Type");
            return new Document(response.request().url().toString(), type == null ? "" : type, bytes);
        }
    }

    private Response execute(HttpUrl url) throws IOException {
        awaitTurn(url);
        Request request = new Request.Builder().url(url)
                .header("User-Agent", fetch.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                        + "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
                .build();
        return client.newCall(request).execute();
    }

    /** Waits out the politeness gap for the host: job override, then fetch.hosts, then global; Crawl-delay wins when larger. */
    private void awaitTurn(HttpUrl url) throws IOException {
        String host = url.host();
        FetchSettings.HostOverride jobOverride = jobHosts.get(host);
        Duration delay = jobOverride != null && jobOverride.politenessDelay() != null
                ? jobOverride.politenessDelay() : fetch.forHost(host).politenessDelay();
        BaseRobotRules rules = robots.get(origin(url));
        if (rules != null && rules.getCrawlDelay() > delay.toMillis()) {
            delay = Duration.ofMillis(rules.getCrawlDelay());
        }
        Long last = lastRequestAt.get(host);
        long now = System.nanoTime();
        if (last != null) {
            long waitNanos = last + delay.toNanos() - now;
            if (waitNanos > 0) {
                try {
                    Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting to fetch " + url);
                }
            }
        }
        lastRequestAt.put(host, System.nanoTime());
    }

    private BaseRobotRules robotsFor(HttpUrl url) throws IOException {
        String origin = origin(url);
        BaseRobotRules rules = robots.get(origin);
        if (rules != null) {
            return rules;
        }
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        String robotsUrl = origin + "/robots.txt";
        try (Response r = execute(HttpUrl.get(robotsUrl))) {
            if (r.isSuccessful()) {
                String type = r.header("Content-Type", "text/plain");
                rules = parser.parseContent(robotsUrl, readCapped(r.body().byteStream(), robotsUrl), type, robotName);
            } else {
                // 4xx: no rules; 5xx: crawler-commons treats the site as temporarily closed
                rules = parser.failedFetch(r.code());
            }
        } catch (IOException e) {
            rules = parser.failedFetch(500);
        }
        robots.put(origin, rules);
        return rules;
    }

    private byte[] readCapped(InputStream in, String url) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + (long) n > maxBytes) {
                throw new IOException(url + " is larger than max_body_size (" + fetch.maxBodySize() + ")");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Sitemaps are often served as {@code .xml.gz} with a generic type: recognise gzip by its magic bytes. */
    private byte[] gunzipIfGzip(byte[] bytes, String url) throws IOException {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return readCapped(in, url);
        } catch (IOException e) {
            throw new IOException("broken gzip in " + url + ": " + e.getMessage(), e);
        }
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
    }

    /** The robots.txt product token: the User-Agent's first word without its version ("tearsheet"). */
    static String robotName(String userAgent) {
        String first = userAgent.trim().split("[\\s/]", 2)[0];
        return first.isEmpty() ? "tearsheet" : first.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
