package org.tearsheet.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.tearsheet.config.FetchSettings;

/**
 * Performs single HTTP GET exchanges with one shared {@link OkHttpClient} and returns them as they crossed the
 * wire. No redirects, no retries, no transparent decompression, no cookies: the caller decides all of that, so
 * every hop and every byte can be recorded. Thread-safe.
 */
public final class HttpFetcher implements AutoCloseable {

    private final OkHttpClient client;
    private final String userAgent;
    private final long maxBodySize;
    private final int spillThreshold;

    /**
     * @param settings     timeouts, user agent, body limit, HTTP/2 switch
     * @param interceptors application interceptors run on every request (e.g. operator credentials)
     */
    public HttpFetcher(FetchSettings settings, List<Interceptor> interceptors) {
        this(settings, interceptors, SpillBuffer.DEFAULT_THRESHOLD);
    }

    HttpFetcher(FetchSettings settings, List<Interceptor> interceptors, int spillThreshold) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .protocols(settings.http2() ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .cookieJar(CookieJar.NO_COOKIES)
                .connectionPool(new ConnectionPool(Math.max(5, settings.globalConcurrency() * 2), 2, TimeUnit.MINUTES));
        for (Interceptor i : interceptors) {
            b.addInterceptor(i);
        }
        b.addNetworkInterceptor(new WireProbe());
        this.client = b.build();
        this.userAgent = settings.userAgent();
        this.maxBodySize = settings.maxBodySize().bytes();
        this.spillThreshold = spillThreshold;
    }

    String userAgent() {
        return userAgent;
    }

    /**
     * Sends one GET to {@code url} and reads the whole body (up to the configured maximum).
     *
     * @param url          absolute http(s) URL
     * @param extraHeaders headers to add (conditional request headers)
     * @throws IOException on connection failure or timeout; no partial exchange is returned
     */
    public HttpExchange get(String url, Headers extraHeaders) throws IOException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IOException("not an http(s) URL: " + url);
        }
        WireProbe.Slot slot = new WireProbe.Slot();
        Request request = new Request.Builder()
                .url(parsed)
                .headers(merge(extraHeaders))
                .tag(WireProbe.Slot.class, slot)
                .build();
        Instant started = Instant.now();
        try (Response response = client.newCall(request).execute()) {
            // Sized from Content-Length when the server sent one, so the buffer is not regrown and copied.
            long announced = response.body().contentLength();
            SpillBuffer body = new SpillBuffer(spillThreshold,
                    announced > 0 ? (int) Math.min(announced, spillThreshold) : 65536);
            boolean truncated;
            byte[] sha1;
            try {
                MessageDigest digest = sha1();
                truncated = readBody(response.body(), body, digest);
                sha1 = digest.digest();
            } catch (IOException | RuntimeException e) {
                body.close();
                throw e;
            }
            Request wire = slot.wireRequest != null ? slot.wireRequest : response.request();
            String protocol = slot.protocol != null ? slot.protocol : protocolName(response.protocol());
            return new HttpExchange(url, started, slot.address, requestLine(wire, protocol), wire.headers(),
                    protocolName(response.protocol()), response.code(), response.message(), response.headers(),
                    body, sha1, truncated);
        }
    }

    /** Our headers plus the caller's. Accept-Encoding is set by us so OkHttp leaves the body as the server sent it. */
    private Headers merge(Headers extra) {
        Headers.Builder h = new Headers.Builder().add("User-Agent", userAgent).add("Accept-Encoding", "gzip")
                .add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (extra != null) {
            for (int i = 0; i < extra.size(); i++) {
                h.set(extra.name(i), extra.value(i));
            }
        }
        return h.build();
    }

    private boolean readBody(ResponseBody body, SpillBuffer out, MessageDigest digest) throws IOException {
        byte[] buf = new byte[65536];
        long total = 0;
        try (InputStream in = body.byteStream()) {
            while (true) {
                int want = (int) Math.min(buf.length, maxBodySize - total);
                if (want <= 0) {
                    // At the limit: one more byte tells whether the body really is longer.
                    return in.read() >= 0;
                }
                int n = in.read(buf, 0, want);
                if (n < 0) {
                    return false;
                }
                out.write(buf, 0, n);
                digest.update(buf, 0, n);
                total += n;
            }
        }
    }

    static String requestLine(Request request, String protocol) {
        HttpUrl url = request.url();
        String target = url.encodedPath() + (url.encodedQuery() != null ? "?" + url.encodedQuery() : "");
        return request.method() + " " + target + " " + protocol;
    }

    static String protocolName(Protocol protocol) {
        return switch (protocol) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_2, H2_PRIOR_KNOWLEDGE -> "HTTP/2";
            default -> "HTTP/1.1";
        };
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-1", e);
        }
    }

    /** Closes pooled connections and the dispatcher's threads. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
