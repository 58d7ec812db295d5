package org.tearsheet.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.tearsheet.capture.CaptureRequest;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.CaptureService;
import org.tearsheet.config.TearsheetConfig;

/**
 * Captures a URL list with tearsheet in this process and measures wall time, process CPU time and heap.
 * The archive is read back afterwards (outside the measured time) for the payload and WARC byte counts.
 */
public final class CaptureBenchmark {

    private final TearsheetConfig config;
    private final boolean extract;
    private final String acceptEncoding;
    private final boolean paywall;
    private final boolean liveHeap;

    /**
     * @param config         capture configuration; its archive dir receives the WARCs
     * @param extract        whether to extract text (metadata records + sidecar) or capture only
     * @param acceptEncoding the Accept-Encoding to send instead of tearsheet's {@code gzip}, or null for the default
     */
    public CaptureBenchmark(TearsheetConfig config, boolean extract, String acceptEncoding) {
        this(config, extract, acceptEncoding, true);
    }

    /** As above; {@code paywall} false leaves the paywall detector out (sidecar {@code paywall: null}). */
    public CaptureBenchmark(TearsheetConfig config, boolean extract, String acceptEncoding, boolean paywall) {
        this(config, extract, acceptEncoding, paywall, false);
    }

    /** As above; {@code liveHeap} forces a full GC at each tenth of the run to report the live heap. */
    public CaptureBenchmark(TearsheetConfig config, boolean extract, String acceptEncoding, boolean paywall,
                            boolean liveHeap) {
        this.config = config;
        this.extract = extract;
        this.acceptEncoding = acceptEncoding;
        this.paywall = paywall;
        this.liveHeap = liveHeap;
    }

    /** The result of a tearsheet run: figures plus the heap profile. */
    public record Outcome(RunFigures figures, List<Long> heapFloorsMiB, long maxHeapBytes, List<CaptureResult> results) {
    }

    public Outcome run(List<String> urls, Consumer<String> log) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<CaptureRequest> requests = urls.stream().map(CaptureRequest::of).toList();
        System.gc();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<CaptureResult> results;
        long peak;
        List<Long> floors;
        try (HeapSampler heap = new HeapSampler(liveHeap)) {
            CaptureService.Builder b = CaptureService.builder(config);
            if (extract && paywall) {
                // The full pipeline a job runs: extraction, paywall verdict, metadata record and sidecar line.
                b.paywallDetector(org.tearsheet.paywall.PaywallDetectors.standard(config.paywall()));
            } else if (!extract) {
                b.extractor(null);
            }
            if (acceptEncoding != null) {
                // Still set explicitly, so OkHttp never decompresses: only the value changes.
                b.interceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Accept-Encoding", acceptEncoding).build()));
            }
            int step = Math.max(1, urls.size() / 10);
            try (CaptureService svc = b.build()) {
                results = svc.captureAll(requests, (r, done, total) -> {
                    heap.progress(done, total);
                    if (done % step == 0) {
                        log.accept("  tearsheet: " + done + "/" + total);
                    }
                });
            }
            peak = heap.peak();
            floors = heap.decileFloorsMiB();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        ArchiveStats.Stats stats = ArchiveStats.of(config.archive().dir());
        String name = (extract ? (paywall ? "tearsheet" : "tearsheet (no paywall detector)") : "tearsheet (no extraction)")
                + (acceptEncoding != null ? " [" + acceptEncoding + "]" : "");
        RunFigures f = new RunFigures(name, urls.size(), stats.ok(),
                seconds, cpu, stats.payloadBytes(), stats.warcBytes(), peak, -1);
        return new Outcome(f, floors, Runtime.getRuntime().maxMemory(), results);
    }
}
