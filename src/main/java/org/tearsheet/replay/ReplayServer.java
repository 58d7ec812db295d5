package org.tearsheet.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.index.CdxjIndex;

/**
 * The browse, search and replay server of one archive folder, on the JDK's built-in HTTP server.
 *
 * <pre>
 * /                         articles newest first; q, site, from, to, verdict, page, sort=relevance
 * /api/articles[/{id}]      the same as JSON
 * /article/{id}             cleaned text, metadata, capture history, links to replay and raw record
 * /web/{timestamp}/{url}    replay of the nearest capture (links rewritten into the archive, sandboxed)
 * /web/{url}                the latest capture
 * /web/timemap/{url}        RFC 7089 TimeMap in link format
 * /warc/{file}?offset=N     one record's gzip member as stored
 * </pre>
 */
public final class ReplayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayServer.class);
    /** Largest payload replay reads into memory for rewriting; larger ones are cut (and flagged as truncated). */
    static final long MAX_REPLAY_BODY = 64L * 1024 * 1024;
    /** How often, at most, a request makes the server look for new WARCs and sidecars. */
    private static final long REFRESH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final HttpServer server;
    private final ExecutorService executor;
    private final ArticleCatalog catalog;
    private final CdxjIndex index;
    private final BrowseHandler browse;
    private final ReplayHandler replay;
    private final boolean indexWritable;
    private long lastRefresh;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ReplayServer(Path archiveDir, InetSocketAddress bind, int threads) throws IOException {
        this.index = CdxjIndex.of(archiveDir);
        this.indexWritable = Files.isWritable(archiveDir);
        if (indexWritable) {
            index.update().warnings().forEach(w -> LOG.warn("index: {}", w));
        }
        this.catalog = ArticleCatalog.open(archiveDir);
        CaptureLookup lookup = new CaptureLookup(archiveDir);
        this.browse = new BrowseHandler(catalog, lookup);
        this.replay = new ReplayHandler(archiveDir, lookup, new RecordLoader(archiveDir, MAX_REPLAY_BODY), catalog);
        this.lastRefresh = System.nanoTime();
        this.server = HttpServer.create(bind, 64);
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tearsheet-serve");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts serving {@code archiveDir} (indexing WARCs that are not indexed yet) on {@code bind}; port 0 picks a
     * free port.
     */
    public static ReplayServer start(Path archiveDir, InetSocketAddress bind) throws IOException {
        if (!Files.isDirectory(archiveDir)) {
            throw new IOException("archive folder does not exist: " + archiveDir);
        }
        return new ReplayServer(archiveDir, bind, 4);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            RequestGuard.Refusal refusal = RequestGuard.check(ex);
            if (refusal != null) {
                Responses.error(ex, refusal.status(), refusal.message());
                return;
            }
            refreshIfDue();
            route(ex);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {}: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
            try {
                Responses.error(ex, 500, "The archive could not answer this request: " + e.getMessage());
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent; the connection is closed below
            }
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.equals("/")) {
            browse.listing(ex);
        } else if (path.equals("/static/style.css")) {
            browse.stylesheet(ex);
        } else if (path.equals("/api/articles")) {
            browse.listingJson(ex);
        } else if (path.startsWith("/api/articles/")) {
            browse.articleJson(ex, path.substring("/api/articles/".length()));
        } else if (path.startsWith("/article/")) {
            browse.article(ex, path.substring("/article/".length()));
        } else if (path.startsWith("/web/")) {
            String query = ex.getRequestURI().getRawQuery();
            replay.web(ex, path.substring("/web/".length()) + (query == null ? "" : "?" + query));
        } else if (path.startsWith("/warc/")) {
            replay.rawRecord(ex, path.substring("/warc/".length()));
        } else if (path.equals("/favicon.ico")) {
            Responses.send(ex, 204, null, new byte[0], Responses.UI_CSP);
        } else {
            Responses.error(ex, 404, "Nothing here. Start from the article list.");
        }
    }

    /** Picks up WARCs and sidecars that capture closed since the last look, at most every few seconds. */
    private void refreshIfDue() {
        synchronized (this) {
            if (System.nanoTime() - lastRefresh < REFRESH_INTERVAL_NANOS) {
                return;
            }
            lastRefresh = System.nanoTime();
        }
        try {
            if (indexWritable) {
                index.update();
            }
            catalog.refresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("refresh: {}", e.toString());
        }
    }

    /** Stops accepting requests, waits briefly for running ones, and closes the search database. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catalog.close();
    }
}
