package org.tearsheet.extract.batch;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.tearsheet.extract.Article;
import org.tearsheet.extract.Extractor;
import org.tearsheet.extract.HtmlDecoder;
import org.tearsheet.extract.HtmlPage;

/**
 * Extracts every HTML document found under a list of paths (HTML files, optionally gzipped, directories,
 * WARC files) on a pool of threads, and hands the results to a consumer in input order.
 *
 * <p>Order is deterministic whatever the thread count: jobs are submitted in scan order and results are
 * taken from the head of a bounded window of futures, which also bounds memory on huge WARC files.
 */
public final class BatchExtractor {

    /** Documents larger than this (after decompression) are reported as errors instead of extracted. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    /** Payload bytes read ahead of the workers at most (WARC records are read sequentially, extracted in parallel). */
    private static final long MAX_IN_FLIGHT_BYTES = 256L * 1024 * 1024;

    private final Extractor extractor;
    private final int threads;
    private final InputScanner scanner;

    /**
     * @param extractor        the extractor to run (thread-safe)
     * @param threads          worker threads (at least 1)
     * @param maxDocumentBytes documents larger than this become errors
     */
    public BatchExtractor(Extractor extractor, int threads, long maxDocumentBytes) {
        this.extractor = extractor;
        this.threads = Math.max(1, threads);
        this.scanner = new InputScanner(maxDocumentBytes);
    }

    /**
     * Runs the extraction and calls {@code sink} once per document, in input order, on the calling thread.
     *
     * @return the number of documents that failed
     */
    public int run(List<Path> paths, Consumer<ExtractedDocument> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<ExtractedDocument>> window = new ArrayDeque<>();
        Deque<Long> windowBytes = new ArrayDeque<>();
        long[] inFlightBytes = {0};
        int maxInFlight = threads * 8;
        int[] failures = {0};
        Consumer<ExtractedDocument> counting = d -> {
            if (d.failed()) {
                failures[0]++;
            }
            sink.accept(d);
        };
        try {
            for (Path path : paths) {
                scanner.scan(path, job -> {
                    long size = job.body() == null ? 0 : job.body().length;
                    window.addLast(pool.submit(() -> process(job)));
                    windowBytes.addLast(size);
                    inFlightBytes[0] += size;
                    // Bounded by count and by bytes held: WARC payloads wait in memory until processed.
                    while (window.size() >= maxInFlight || (inFlightBytes[0] > MAX_IN_FLIGHT_BYTES && window.size() > 1)) {
                        inFlightBytes[0] -= windowBytes.removeFirst();
                        counting.accept(await(window.removeFirst()));
                    }
                });
            }
            while (!window.isEmpty()) {
                windowBytes.removeFirst();
                counting.accept(await(window.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
        return failures[0];
    }

    /** Extracts one job; never throws. */
    ExtractedDocument process(ExtractionJob job) {
        if (job.error() != null) {
            return new ExtractedDocument(job.source(), job.url(), job.warcRecordId(), job.httpStatus(), null, job.error());
        }
        try {
            byte[] body = job.body() != null ? job.body() : scanner.readHtmlFile(Path.of(job.source()));
            HtmlPage page = HtmlDecoder.decode(body, job.url(), job.contentType());
            Article article = extractor.extract(page);
            return new ExtractedDocument(job.source(), job.url(), job.warcRecordId(), job.httpStatus(), article, null);
        } catch (java.io.IOException e) {
            return new ExtractedDocument(job.source(), job.url(), job.warcRecordId(), job.httpStatus(), null,
                    "cannot read file: " + InputScanner.message(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // The extractor never throws by contract; this keeps the run going if a bug or a huge page breaks it.
            return new ExtractedDocument(job.source(), job.url(), job.warcRecordId(), job.httpStatus(), null,
                    "cannot extract: " + InputScanner.message(e));
        }
    }

    private static ExtractedDocument await(Future<ExtractedDocument> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // process() catches everything it can; this is a worker dying of an Error.
            throw new IllegalStateException("extraction worker failed", e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "extract-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
