package org.tearsheet.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one URL politely and persistently: waits for the host's politeness slot before every attempt,
 * retries connection failures, 5xx and 429 per the {@link RetryPolicy}, and reports why it gave up.
 * Earlier attempts' responses are discarded; only the last exchange is returned for recording.
 */
public final class PoliteFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

    private final HttpFetcher http;
    private final HostGates gates;
    private final RetryPolicy retry;

    public PoliteFetcher(HttpFetcher http, HostGates gates, RetryPolicy retry) {
        this.http = http;
        this.gates = gates;
        this.retry = retry;
    }

    /** Fetches {@code url} once or more; never throws for network trouble. */
    public FetchOutcome fetch(String url, Headers extraHeaders) throws InterruptedException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return new FetchOutcome(null, 0, "not an http(s) URL: " + url);
        }
        int attempt = 0;
        while (true) {
            attempt++;
            HttpExchange exchange;
            String problem;
            String retryAfter = null;
            try (HostGates.Permit ignored = gates.acquire(parsed.host(), url)) {
                exchange = http.get(url, extraHeaders);
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted while fetching " + url);
                }
                exchange = null;
                problem = "timeout: " + describe(e);
                if (attempt > retry.retries()) {
                    return new FetchOutcome(null, attempt, "gave up after " + attempt + " attempts: " + problem);
                }
                sleep(url, attempt, null, problem);
                continue;
            } catch (IOException e) {
                exchange = null;
                problem = "connection failed: " + describe(e);
                if (attempt > retry.retries()) {
                    return new FetchOutcome(null, attempt, "gave up after " + attempt + " attempts: " + problem);
                }
                sleep(url, attempt, null, problem);
                continue;
            }
            if (!RetryPolicy.retryableStatus(exchange.status())) {
                return new FetchOutcome(exchange, attempt, null);
            }
            problem = "HTTP " + exchange.status();
            if (attempt > retry.retries()) {
                return new FetchOutcome(exchange, attempt, "gave up after " + attempt + " attempts: " + problem);
            }
            retryAfter = exchange.responseHeaders().get("Retry-After");
            exchange.close();
            sleep(url, attempt, retryAfter, problem);
        }
    }

    private void sleep(String url, int attempt, String retryAfter, String problem) throws InterruptedException {
        Duration delay = retry.delayAfter(attempt, retryAfter, Instant.now());
        LOG.info("{}: {} (attempt {}), retrying in {} ms", url, problem, attempt, delay.toMillis());
        Thread.sleep(delay.toMillis());
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
