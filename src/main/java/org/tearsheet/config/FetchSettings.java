package org.tearsheet.config;

import java.time.Duration;
import java.util.Map;

/**
 * How pages are fetched: identity, timeouts, limits, politeness.
 *
 * @param userAgent          sent on every request; must name the operator's contact URL
 * @param connectTimeout     TCP connect limit
 * @param readTimeout        limit on silence while reading
 * @param callTimeout        limit on one whole request/response
 * @param maxRedirects       hops followed before giving up (each hop is recorded)
 * @param maxBodySize        bytes read from one body before it is cut and marked truncated
 * @param retries            extra attempts after a connection failure, 5xx or 429
 * @param retryBaseDelay     first backoff delay; doubled per attempt, with jitter
 * @param retryMaxDelay      cap on one backoff delay (and on an honoured Retry-After)
 * @param obeyRobots         whether robots.txt is obeyed (recorded in warcinfo either way)
 * @param politenessDelay    minimum gap between requests to one host (robots Crawl-delay wins when larger)
 * @param perHostConcurrency requests in flight per host
 * @param globalConcurrency  requests in flight overall
 * @param http2              allow HTTP/2 (off: the WARC must hold HTTP/1.1 as it crossed the wire)
 * @param hosts              per-host overrides, keyed by host name
 */
public record FetchSettings(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        Integer maxRedirects,
        DataSize maxBodySize,
        Integer retries,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        Boolean obeyRobots,
        Duration politenessDelay,
        Integer perHostConcurrency,
        Integer globalConcurrency,
        Boolean http2,
        Map<String, HostOverride> hosts) {

    public static final String DEFAULT_USER_AGENT =
            "tearsheet/0.1 (+https://github.com/tearsheet-archiver/tearsheet; archival crawler)";

    public FetchSettings {
        userAgent = userAgent == null ? DEFAULT_USER_AGENT : userAgent;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        callTimeout = callTimeout == null ? Duration.ofMinutes(2) : callTimeout;
        maxRedirects = maxRedirects == null ? 10 : maxRedirects;
        maxBodySize = maxBodySize == null ? DataSize.ofBytes(50L << 20) : maxBodySize;
        retries = retries == null ? 3 : retries;
        retryBaseDelay = retryBaseDelay == null ? Duration.ofSeconds(1) : retryBaseDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofSeconds(60) : retryMaxDelay;
        obeyRobots = obeyRobots == null ? Boolean.TRUE : obeyRobots;
        politenessDelay = politenessDelay == null ? Duration.ofSeconds(1) : politenessDelay;
        perHostConcurrency = perHostConcurrency == null ? 1 : perHostConcurrency;
        globalConcurrency = globalConcurrency == null ? 8 : globalConcurrency;
        http2 = http2 == null ? Boolean.FALSE : http2;
        hosts = hosts == null ? Map.of() : Map.copyOf(hosts);
    }

    public static FetchSettings defaults() {
        return new FetchSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Politeness for one host: the host override when there is one, else the global settings. */
    public HostOverride forHost(String host) {
        HostOverride o = hosts.get(host);
        return new HostOverride(
                o != null && o.politenessDelay() != null ? o.politenessDelay() : politenessDelay,
                o != null && o.concurrency() != null ? o.concurrency() : perHostConcurrency);
    }

    /**
     * Per-host politeness override.
     *
     * @param politenessDelay minimum gap between requests to this host
     * @param concurrency     requests in flight to this host
     */
    public record HostOverride(Duration politenessDelay, Integer concurrency) {
    }
}
