package org.tearsheet.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * The embedded demo news site ("The Larkhaven Courier"): a front page, article pages with realistic boilerplate,
 * one metered-paywall teaser, one redirecting URL, robots.txt, RSS and Atom feeds, and a sitemap index with a
 * Google News sitemap and a gzipped child — served from this package's resources by the JDK HTTP server on
 * 127.0.0.1 only. Answers gzip when asked, sends ETag and Last-Modified, and answers conditional requests with
 * 304, like a real news site behind a CDN.
 */
public final class DemoSite implements AutoCloseable {

    private static final String ROOT = "/org/tearsheet/demo/site/";
    private static final String LAST_MODIFIED = "Sat, 28 Nov 2026 08:00:00 GMT";
    private static final List<String> FILES = List.of("index.html", "robots.txt", "feed.xml", "atom.xml",
            "sitemap.xml", "sitemaps/news.xml", "sitemaps/archive.xml");

    private final HttpServer server;
    private final ExecutorService executor;
    private final String base;
    private final Map<String, Page> pages = new HashMap<>();
    private final Map<String, String[]> redirects = new HashMap<>();
    private final List<String> articlePaths;

    private DemoSite(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.base = "http://127.0.0.1:" + server.getAddress().getPort();
        this.articlePaths = lines("articles.txt");
        for (String f : FILES) {
            add("/" + f, f);
        }
        pages.put("/", pages.get("/index.html"));
        for (String path : articlePaths) {
            add(path, path.substring(1));
        }
        byte[] archive = pages.get("/sitemaps/archive.xml").body;
        pages.put("/sitemaps/archive.xml.gz", new Page("application/gzip", gzip(archive), false));
        for (String line : lines("redirects.txt")) {
            String[] parts = line.split(" ");
            redirects.put(parts[0], new String[] {parts[1], parts[2]});
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /**
     * Starts the site on 127.0.0.1.
     *
     * @param port the port, or 0 for any free port
     */
    public static DemoSite start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-site");
            t.setDaemon(true);
            return t;
        });
        DemoSite site = new DemoSite(server, executor);
        server.start();
        return site;
    }

    /** The site's base URL, e.g. {@code http://127.0.0.1:8088} (no trailing slash). */
    public String baseUrl() {
        return base;
    }

    /** Absolute URLs of every article page (newest first), the paywalled teaser included. */
    public List<String> articleUrls() {
        return articlePaths.stream().map(p -> base + p).toList();
    }

    /** Absolute URLs that redirect to an article. */
    public List<String> redirectUrls() {
        return redirects.keySet().stream().sorted().map(p -> base + p).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain", "method not allowed\n".getBytes(StandardCharsets.UTF_8), false, method);
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            String[] redirect = redirects.get(path);
            if (redirect != null) {
                ex.getResponseHeaders().add("Location", redirect[0]);
                send(ex, Integer.parseInt(redirect[1]), "text/html; charset=utf-8",
                        ("<p>Moved to <a href=\"" + redirect[0] + "\">" + redirect[0] + "</a></p>\n")
                                .getBytes(StandardCharsets.UTF_8), false, method);
                return;
            }
            Page page = pages.get(path);
            if (page == null) {
                send(ex, 404, "text/html; charset=utf-8",
                        "<!DOCTYPE html><title>Page not found</title><h1>Page not found</h1>\n"
                                .getBytes(StandardCharsets.UTF_8), false, method);
                return;
            }
            ex.getResponseHeaders().add("ETag", page.etag);
            ex.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            ex.getResponseHeaders().add("Cache-Control", "max-age=60");
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
            if (page.etag.equals(inm) || (inm == null && LAST_MODIFIED.equals(ims))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
            boolean gzip = page.compressible && accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
            send(ex, 200, page.type, gzip ? page.gzipped : page.body, gzip, method);
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean gzipped, String method)
            throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.getResponseHeaders().add("Vary", "Accept-Encoding");
        if (gzipped) {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        boolean head = method.equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void add(String path, String resource) {
        byte[] raw = resource(resource);
        byte[] body = new String(raw, StandardCharsets.UTF_8).replace("{{BASE}}", base).getBytes(StandardCharsets.UTF_8);
        pages.put(path, new Page(typeOf(resource), body, true));
    }

    private static String typeOf(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".txt")) return "text/plain; charset=utf-8";
        if (name.equals("feed.xml")) return "application/rss+xml; charset=utf-8";
        if (name.equals("atom.xml")) return "application/atom+xml; charset=utf-8";
        return "application/xml; charset=utf-8";
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        for (String line : new String(resource(resource), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoSite.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("demo site resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One servable resource, with its gzip variant and validator precomputed. */
    private static final class Page {
        final String type;
        final byte[] body;
        final byte[] gzipped;
        final boolean compressible;
        final String etag;

        Page(String type, byte[] body, boolean compressible) {
            this.type = type;
            this.body = body;
            this.compressible = compressible;
            this.gzipped = compressible ? gzip(body) : body;
            this.etag = "\"" + sha1Hex(body).substring(0, 16) + "\"";
        }
    }

    private static String sha1Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
