package org.tearsheet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import org.tearsheet.bench.CaptureBenchmark;
import org.tearsheet.bench.ProcessCpu;
import org.tearsheet.bench.RunFigures;
import org.tearsheet.bench.ServerCeiling;
import org.tearsheet.bench.WgetBaseline;
import org.tearsheet.config.ArchiveSettings;
import org.tearsheet.config.ConfigLoader;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.TearsheetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Capture a local site and compare with wget on the same URLs. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Capture a local site and compare with wget on the same URLs, in the same run.",
            "Reports pages/s, MB/s (payload bytes as received), CPU seconds, peak heap and the ratios to wget.",
            "Politeness is lifted for loopback hosts only (127.0.0.1, localhost)."})
public final class BenchCaptureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--urls", required = true, paramLabel = "FILE", description = "File with one URL per line.")
    Path urls;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-out/capture",
            description = "Where each run's WARCs go, in a new run-<time> folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-extract", description = "Capture only: no extraction, metadata records or sidecar.")
    boolean noExtract;

    @Option(names = "--no-paywall", description = "Extract, but leave the paywall detector out.")
    boolean noPaywall;

    @Option(names = "--no-wget", description = "Skip the wget baseline.")
    boolean noWget;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file; default: embedded defaults.")
    Path config;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Requests in flight to a loopback host and overall (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--gzip-level", paramLabel = "L", description = "Override archive.gzip_level (1..9).")
    Integer gzipLevel;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N URLs of the file.")
    Integer limit;

    @Option(names = "--accept-encoding", paramLabel = "VALUE",
            description = "Send this Accept-Encoding instead of tearsheet's gzip (e.g. identity, as wget does).")
    String acceptEncoding;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = {"Capture N other URLs first (the ones after the measured set in the file), unmeasured,",
                "so the measured run shows a warm JVM, as in a long-running job (default: ${DEFAULT-VALUE})."})
    int warmup;

    @Option(names = "--live-heap", description = {"Force a full GC at each tenth of the run and report the live heap",
        "(shows memory does not accumulate; the collections cost the measured run time)."})
    boolean liveHeap;

    @Option(names = "--no-ceiling", description = "Skip the fetch-only run that shows the server's ceiling.")
    boolean noCeiling;

    @Option(names = "--server-pid", paramLabel = "PID", split = ",",
            description = "Web server process ids (e.g. the nginx worker) whose CPU time to report per run.")
    List<Long> serverPids = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        List<String> all = readUrls();
        List<String> list = all.subList(0, limit == null ? all.size() : Math.min(limit, all.size()));
        if (list.isEmpty()) {
            spec.commandLine().getErr().println("tearsheet bench capture: no URLs in " + urls);
            return ExitCodes.USAGE;
        }
        Path run = out.resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(run);
        Path urlFile = run.resolve("urls.txt");
        Files.write(urlFile, list);
        TearsheetConfig cfg = benchConfig(config == null ? TearsheetConfig.defaults() : new ConfigLoader().load(config),
                run.resolve("tearsheet"), list);
        o.printf(Locale.ROOT, "bench capture: %d URLs, concurrency %d, gzip level %d, extraction %s, heap max %d MiB,"
                        + " GC %s%n", list.size(), concurrency, cfg.archive().gzipLevel(), noExtract ? "off" : "on",
                Runtime.getRuntime().maxMemory() >> 20, String.join("/", java.lang.management.ManagementFactory
                        .getGarbageCollectorMXBeans().stream().map(java.lang.management.GarbageCollectorMXBean::getName)
                        .toList()));
        o.flush();

        ProcessCpu server = new ProcessCpu(serverPids);
        RunFigures wget = null;
        if (!noWget) {
            Path bin = WgetBaseline.onPath();
            if (bin == null) {
                o.println("wget not found on PATH: baseline skipped");
            } else {
                o.println("running wget ...");
                o.flush();
                double before = server.seconds();
                wget = new WgetBaseline(bin).run(urlFile, run.resolve("wget"), list.size());
                wget = wget.withServerCpu(before < 0 ? -1 : server.seconds() - before);
            }
        }
        if (warmup > 0) {
            List<String> warm = warmupUrls(all, list.size());
            o.println("warming up: capturing " + warm.size() + " other URLs, not measured ...");
            o.flush();
            TearsheetConfig warmCfg = cfg.withArchive(new ArchiveSettings(run.resolve("warmup"), cfg.archive().prefix(),
                    cfg.archive().rotateSize(), cfg.archive().operator(), cfg.archive().gzipLevel()));
            new CaptureBenchmark(warmCfg, !noExtract, acceptEncoding, !noPaywall).run(warm, line -> { });
        }
        o.println("running tearsheet ...");
        o.flush();
        double before = server.seconds();
        CaptureBenchmark.Outcome ts = new CaptureBenchmark(cfg, !noExtract, acceptEncoding, !noPaywall, liveHeap)
                .run(list, line -> {
            o.println(line);
            o.flush();
        });
        RunFigures tsFigures = ts.figures().withServerCpu(before < 0 ? -1 : server.seconds() - before);
        RunFigures ceiling = null;
        if (!noCeiling) {
            o.println("running fetch only (the server's ceiling) ...");
            o.flush();
            double b = server.seconds();
            ceiling = new ServerCeiling(concurrency, acceptEncoding != null ? acceptEncoding : "gzip").run(list);
            ceiling = ceiling.withServerCpu(b < 0 ? -1 : server.seconds() - b);
        }

        o.println();
        o.println(String.format(Locale.ROOT, "%-36s %6s %8s %8s %7s %7s %9s %9s %10s", "tool", "pages", "seconds",
                "pages/s", "MB/s", "CPU s", "server s", "WARC MB", "peak heap"));
        if (wget != null) {
            row(o, wget);
        }
        row(o, tsFigures);
        if (ceiling != null) {
            row(o, ceiling);
        }
        if (liveHeap) {
            o.println("live heap after full GC at 10%, 20%, ... 100% (MiB): " + ts.heapFloorsMiB()
                    + "; heap max " + (ts.maxHeapBytes() >> 20) + " MiB");
        }
        if (wget != null && wget.pagesPerSecond() > 0) {
            RunFigures t = tsFigures;
            o.println(String.format(Locale.ROOT, "ratios vs wget: pages/s %.2fx, CPU per page %.2fx",
                    t.pagesPerSecond() / wget.pagesPerSecond(),
                    (t.cpuSeconds() / Math.max(1, t.captured())) / (wget.cpuSeconds() / Math.max(1, wget.captured()))));
            if (ceiling != null && ceiling.pagesPerSecond() > 0) {
                o.println(String.format(Locale.ROOT,
                        "server ceiling: %.2fx wget's pages/s; tearsheet reached %.0f%% of it",
                        ceiling.pagesPerSecond() / wget.pagesPerSecond(),
                        100 * t.pagesPerSecond() / ceiling.pagesPerSecond()));
            }
        }
        long failed = ts.results().stream().filter(r -> r.status() != 200).count();
        if (failed > 0) {
            o.println(failed + " URLs did not end in HTTP 200 (first: " + ts.results().stream()
                    .filter(r -> r.status() != 200).findFirst().map(r -> r.requestedUrl() + " " + r.outcome().wireName()
                            + " " + r.error()).orElse("") + ")");
        }
        o.println("output: " + run.toAbsolutePath().normalize());
        o.flush();
        return ExitCodes.OK;
    }

    private static void row(PrintWriter o, RunFigures f) {
        o.println(String.format(Locale.ROOT, "%-36s %6d %8.2f %8.1f %7.1f %7.1f %9s %9.1f %10s", f.tool(), f.captured(),
                f.seconds(), f.pagesPerSecond(), f.megabytesPerSecond(), f.cpuSeconds(),
                f.serverCpuSeconds() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", f.serverCpuSeconds()),
                f.warcBytes() / 1e6, f.peakHeapBytes() < 0 ? "-" : (f.peakHeapBytes() >> 20) + " MiB"));
    }

    private List<String> readUrls() throws java.io.IOException {
        List<String> list = new ArrayList<>();
        for (String line : Files.readAllLines(urls)) {
            String u = line.strip();
            if (!u.isEmpty() && !u.startsWith("#")) {
                list.add(u);
            }
            if (limit != null && list.size() >= limit + warmup) {
                break;
            }
        }
        return list;
    }

    /** Warm-up URLs: those after the measured ones, else (a short file) the measured ones again. */
    private List<String> warmupUrls(List<String> all, int measured) {
        List<String> rest = all.subList(measured, all.size());
        List<String> source = rest.isEmpty() ? all.subList(0, measured) : rest;
        return source.subList(0, Math.min(warmup, source.size()));
    }

    /** The given config writing to {@code dir}, with politeness lifted for the loopback hosts in the list. */
    private TearsheetConfig benchConfig(TearsheetConfig base, Path dir, List<String> list) {
        Set<String> loopback = new LinkedHashSet<>();
        for (String u : list) {
            HttpUrl url = HttpUrl.parse(u);
            if (url != null && (url.host().equals("127.0.0.1") || url.host().equals("localhost"))) {
                loopback.add(url.host());
            }
        }
        FetchSettings f = base.fetch();
        Map<String, FetchSettings.HostOverride> hosts = new HashMap<>(f.hosts());
        loopback.forEach(h -> hosts.put(h, new FetchSettings.HostOverride(Duration.ZERO, concurrency)));
        FetchSettings fetch = new FetchSettings(f.userAgent(), f.connectTimeout(), f.readTimeout(), f.callTimeout(),
                f.maxRedirects(), f.maxBodySize(), f.retries(), f.retryBaseDelay(), f.retryMaxDelay(), f.obeyRobots(),
                f.politenessDelay(), f.perHostConcurrency(), concurrency, f.http2(), hosts);
        ArchiveSettings a = base.archive();
        ArchiveSettings archive = new ArchiveSettings(dir, a.prefix(), a.rotateSize(), a.operator(),
                gzipLevel != null ? gzipLevel : a.gzipLevel());
        return base.withArchive(archive).withFetch(fetch);
    }
}
