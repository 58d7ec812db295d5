package org.tearsheet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small mutable web site on 127.0.0.1 for job tests: paths map to bodies; every resource has a strong ETag
 * and a Last-Modified, conditional requests get 304, an optional per-request delay makes it slow.
 */
public final class JobsTestSite implements AutoCloseable {

    /** One request as received. */
    public record Hit(String path, String ifNoneMatch, String ifModifiedSince, String userAgent) {
        public boolean conditional() {
            return ifNoneMatch != null || ifModifiedSince != null;
        }
    }

    private record Resource(String contentType, byte[] body, String etag, String lastModified) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean validators = true;

    public JobsTestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public JobsTestSite put(String path, String contentType, String body) {
        return put(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public JobsTestSite put(String path, String contentType, byte[] body) {
        String etag = "\"" + sha1(body).substring(0, 16) + "\"";
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
        resources.put(path, new Resource(contentType, body, etag, lastModified));
        return this;
    }

    /** Off: no ETag/Last-Modified, conditional requests get full 200 responses (like many CMSs). */
    public void sendValidators(boolean on) {
        this.validators = on;
    }

    public void slowDown(Duration perRequest) {
        this.delay = perRequest;
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    public void clearHits() {
        hits.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            hits.add(new Hit(path, inm, ex.getRequestHeaders().getFirst("If-Modified-Since"),
                    ex.getRequestHeaders().getFirst("User-Agent")));
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            Resource r = resources.getOrDefault(path, resources.get(ex.getRequestURI().getRawPath()));
            if (r == null) {
                byte[] body = "not found".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain");
                ex.sendResponseHeaders(404, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            if (validators) {
                ex.getResponseHeaders().set("ETag", r.etag());
                ex.getResponseHeaders().set("Last-Modified", r.lastModified());
            }
            if (validators && inm != null && inm.contains(r.etag())) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.sendResponseHeaders(200, r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha1(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
