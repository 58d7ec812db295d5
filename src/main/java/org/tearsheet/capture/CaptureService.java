package org.tearsheet.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.extract.Extractor;
import org.tearsheet.extract.Extractors;
import org.tearsheet.fetch.HostGates;
import org.tearsheet.fetch.HttpFetcher;
import org.tearsheet.fetch.PoliteFetcher;
import org.tearsheet.fetch.RetryPolicy;
import org.tearsheet.fetch.RobotsPolicy;
import org.tearsheet.paywall.PaywallDetector;
import org.tearsheet.record.ExchangeRecords;
import org.tearsheet.record.Redaction;
import org.tearsheet.record.RotatingWarcWriter;
import org.tearsheet.record.WarcClosedListener;
import org.tearsheet.sidecar.SidecarWriter;

/**
 * Captures article URLs into WARC files with cleaned-text sidecars: the pipeline's front door.
 *
 * <pre>{@code
 * try (CaptureService svc = CaptureService.builder(config).paywallDetector(detector).build()) {
 *     CaptureResult r = svc.capture(CaptureRequest.of("https://example.org/news/a.html"));
 * }
 * }</pre>
 *
 * One instance owns one shared HTTP client, the robots cache, the per-host politeness gates and one rotating WARC
 * writer in {@code config.archive().dir()}. Thread-safe; {@link #close()} closes the current WARC (fsync, rename)
 * and fires the {@link WarcClosedListener}s.
 */
public final class CaptureService implements Closeable {

    private final FetchSettings fetch;
    private final HttpFetcher http;
    private final RobotsPolicy robots;
    private final RotatingWarcWriter writer;
    private final UrlCapturer capturer;
    private final Path dir;

    private CaptureService(Builder b) {
        TearsheetConfig config = b.config;
        this.fetch = config.fetch();
        this.dir = config.archive().dir();
        this.http = new HttpFetcher(fetch, b.interceptors);
        SidecarWriter sidecar = new SidecarWriter(dir);
        RotatingWarcWriter.Builder wb = RotatingWarcWriter.builder(dir)
                .prefix(config.archive().prefix())
                .rotateSize(config.archive().rotateSize().bytes())
                .gzipLevel(config.archive().gzipLevel())
                .warcinfo(WarcinfoFields.of(config, fetch.obeyRobots()))
                .lifecycle(sidecar);
        b.listeners.forEach(wb::listener);
        this.writer = wb.build();
        ExchangeRecords records = new ExchangeRecords(new Redaction(b.secretHeaderNames));
        this.robots = new RobotsPolicy(http, fetch.obeyRobots(), new RobotsArchiver(records, writer));
        HostGates gates = new HostGates(fetch, robots::crawlDelay);
        PoliteFetcher polite = new PoliteFetcher(http, gates,
                new RetryPolicy(fetch.retries(), fetch.retryBaseDelay(), fetch.retryMaxDelay()));
        Extractor extractor = b.extractorSet ? b.extractor
                : (config.extraction().enabled() ? Extractors.standard() : null);
        this.capturer = new UrlCapturer(fetch.maxRedirects(), robots, polite, records, writer, sidecar, extractor,
                b.paywallDetector);
    }

    /** Starts configuring a service for {@code config}. */
    public static Builder builder(TearsheetConfig config) {
        return new Builder(config);
    }

    /** The folder WARCs and sidecars are written to. */
    public Path archiveDir() {
        return dir;
    }

    /** WARC files closed so far by this service (final names). */
    public List<Path> closedWarcs() {
        return writer.closedFiles();
    }

    /**
     * Captures one URL with its redirects, on the calling thread. Never throws for network or server trouble:
     * the result's outcome and error say what happened. An interrupt ends the capture as FAILED and keeps the
     * thread's interrupt flag set.
     */
    public CaptureResult capture(CaptureRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return capturer.capture(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(request, "interrupted");
        }
    }

    /** Captures all {@code requests} concurrently; results are in the order of the requests. */
    public List<CaptureResult> captureAll(List<CaptureRequest> requests) {
        return captureAll(requests, null);
    }

    /**
     * Captures all {@code requests} with up to {@code global_concurrency} workers, each host limited by its
     * politeness settings; results are in the order of the requests. Hosts are interleaved so one slow host does
     * not hold every worker.
     */
    public List<CaptureResult> captureAll(List<CaptureRequest> requests, ProgressListener progress) {
        int total = requests.size();
        CaptureResult[] results = new CaptureResult[total];
        if (total == 0) {
            return List.of();
        }
        int workers = Math.max(1, Math.min(fetch.globalConcurrency(), total));
        ExecutorService pool = Executors.newFixedThreadPool(workers, new WorkerThreads());
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(total);
        try {
            List<Integer> indexes = java.util.stream.IntStream.range(0, total).boxed().toList();
            for (int index : HostInterleaving.order(indexes, i -> requests.get(i).url())) {
                CaptureRequest request = requests.get(index);
                futures.add(pool.submit(() -> {
                    CaptureResult r = capture(request);
                    results[index] = r;
                    if (progress != null) {
                        progress.captured(r, done.incrementAndGet(), total);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw new IllegalStateException("capture worker failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < total; i++) {
            if (results[i] == null) {
                results[i] = failed(requests.get(i), "interrupted before capture");
            }
        }
        return Arrays.asList(results);
    }

    /** Closes the current WARC (fsync, rename, listeners) and releases connections. */
    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            http.close();
        }
    }

    private static CaptureResult failed(CaptureRequest request, String why) {
        return new CaptureResult(request.url(), request.url(), Outcome.FAILED, 0, List.of(), null, null, null, -1,
                null, null, null, null, null, null, why, 0);
    }

    /** Names capture workers and lets the JVM exit if a caller forgets to close. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "capture-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /** Configures a {@link CaptureService}. */
    public static final class Builder {
        private final TearsheetConfig config;
        private Extractor extractor;
        private boolean extractorSet;
        private PaywallDetector paywallDetector;
        private final List<Interceptor> interceptors = new ArrayList<>();
        private final Set<String> secretHeaderNames = new LinkedHashSet<>();
        private final List<WarcClosedListener> listeners = new ArrayList<>();

        private Builder(TearsheetConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The extractor for HTML articles; default {@link Extractors#standard()}; {@code null} disables extraction. */
        public Builder extractor(Extractor extractor) {
            this.extractor = extractor;
            this.extractorSet = true;
            return this;
        }

        /** Decides the paywall verdict; default none (the sidecar's {@code paywall} is null). */
        public Builder paywallDetector(PaywallDetector detector) {
            this.paywallDetector = detector;
            return this;
        }

        /** An application interceptor run on every request of every hop (operator credentials go here). */
        public Builder interceptor(Interceptor interceptor) {
            this.interceptors.add(Objects.requireNonNull(interceptor));
            return this;
        }

        /** Request headers redacted in request records besides Cookie, Authorization and Proxy-Authorization. */
        public Builder secretHeaderNames(Set<String> names) {
            this.secretHeaderNames.addAll(names);
            return this;
        }

        /** Told after each WARC is fsynced and renamed to its final name. */
        public Builder warcClosedListener(WarcClosedListener listener) {
            this.listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        public CaptureService build() {
            return new CaptureService(this);
        }
    }
}
