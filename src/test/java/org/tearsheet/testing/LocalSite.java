package org.tearsheet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP server on 127.0.0.1 serving fixed responses by path (query ignored), recording every request's
 * headers. Unknown paths get 404. Close it in the test's cleanup.
 */
public final class LocalSite implements AutoCloseable {

    /** A canned response. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply html(String html) {
            return new Reply(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                    html.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply redirect(String location) {
            return new Reply(302, Map.of("Location", location, "Content-Type", "text/html"),
                    "<a href=\"x\">moved</a>".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One request as the server saw it. */
    public record Seen(String path, String query, Map<String, List<String>> headers) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return String.join(", ", e.getValue());
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    public LocalSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL with the given host name, e.g. {@code http://localhost:1234}. */
    public String base(String hostName) {
        return "http://" + hostName + ":" + port();
    }

    public LocalSite route(String path, Reply reply) {
        routes.put(path, reply);
        return this;
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public List<Seen> seen(String path) {
        return seen().stream().filter(s -> s.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        seen.add(new Seen(path, ex.getRequestURI().getRawQuery(), headers));
        Reply r = routes.get(path);
        if (r == null) {
            r = new Reply(404, Map.of("Content-Type", "text/plain"), "not found".getBytes(StandardCharsets.UTF_8));
        }
        r.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Length") && !k.equalsIgnoreCase("Date")) {
                ex.getResponseHeaders().add(k, v);
            }
        });
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(r.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
