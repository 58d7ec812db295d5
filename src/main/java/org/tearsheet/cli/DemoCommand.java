package org.tearsheet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import org.tearsheet.capture.CaptureRequest;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.CaptureService;
import org.tearsheet.capture.CaptureSummary;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.demo.DemoConfig;
import org.tearsheet.demo.DemoSite;
import org.tearsheet.crawl.CaptureSetup;
import org.tearsheet.sidecar.SidecarWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serve a bundled local news site on 127.0.0.1, capture it, and print a summary. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Serve a bundled local news site on 127.0.0.1, capture it, and print a summary.",
            "With --serve, only serve the site (default port 8088) until Ctrl-C, e.g. for config/tearsheet.yaml."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "archive",
            description = "Archive folder for the capture (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--serve", description = "Serve the demo site in the foreground until Ctrl-C; capture nothing.")
    boolean serve;

    @Option(names = "--port", paramLabel = "PORT", description = "Port for --serve (default 8088; 0 = any free port).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (serve) {
            return serveForever(stdout);
        }
        if (port != null) {
            spec.commandLine().getErr().println("tearsheet demo: --port only applies with --serve");
            return ExitCodes.USAGE;
        }
        try (DemoSite site = DemoSite.start(0)) {
            List<String> urls = new ArrayList<>(site.articleUrls());
            urls.addAll(site.redirectUrls());
            stdout.println("Demo site \"The Larkhaven Courier\" serving at " + site.baseUrl() + "/");
            stdout.println("Capturing " + urls.size() + " article URLs (" + site.redirectUrls().size()
                    + " of them redirecting) into " + out.toAbsolutePath().normalize() + " ...");
            stdout.flush();
            TearsheetConfig config = DemoConfig.forLoopback(out);
            CaptureSummary summary = new CaptureSummary();
            List<Path> warcs;
            long started = System.nanoTime();
            try (CaptureService svc = CaptureSetup.standard().builder(config).build()) {
                svc.captureAll(urls.stream().map(CaptureRequest::of).toList(), (r, done, total) -> {
                    summary.add(r);
                    synchronized (stdout) {
                        stdout.println("  " + ArchiveCommand.line(r, done, total));
                        stdout.flush();
                    }
                });
                svc.close();
                warcs = svc.closedWarcs();
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            stdout.println();
            stdout.println("Pages:       " + summary.count(org.tearsheet.capture.Outcome.CAPTURED) + " captured of "
                    + summary.total() + " URLs in " + ms + " ms");
            summary.print(stdout);
            for (Path w : warcs) {
                stdout.println("WARC file:   " + w.toAbsolutePath().normalize() + " (" + Files.size(w) + " bytes)");
                Path sidecar = w.resolveSibling(SidecarWriter.nameFor(w.getFileName().toString()));
                if (Files.exists(sidecar)) {
                    stdout.println("Sidecar:     " + sidecar.toAbsolutePath().normalize());
                    printSample(stdout, sidecar);
                }
            }
            stdout.flush();
            return summary.failures().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
        }
    }

    private int serveForever(PrintWriter stdout) throws IOException, InterruptedException {
        int p = port == null ? 8088 : port;
        DemoSite site;
        try {
            site = DemoSite.start(p);
        } catch (java.net.BindException e) {
            spec.commandLine().getErr().println("tearsheet demo: cannot listen on 127.0.0.1:" + p + " ("
                    + e.getMessage() + "); is another demo running? Use --port");
            return ExitCodes.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            site.close();
            stopped.countDown();
        }, "demo-site-stop"));
        stdout.println("Demo site serving at " + site.baseUrl() + "/ (feeds: /feed.xml /atom.xml, sitemap: /sitemap.xml)");
        stdout.println("Articles:");
        site.articleUrls().forEach(u -> stdout.println("  " + u));
        stdout.println("Press Ctrl-C to stop.");
        stdout.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Prints the title and opening lines of the longest article in the sidecar: proof the text came out clean. */
    private static void printSample(PrintWriter stdout, Path sidecar) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode best = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(sidecar)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = json.readTree(line);
                if (best == null || n.path("text").asText().length() > best.path("text").asText().length()) {
                    best = n;
                }
            }
        }
        if (best == null) {
            return;
        }
        stdout.println("Example:     " + best.path("title").asText() + "  (" + best.path("byline").asText("") + ", "
                + best.path("published").asText("") + ")");
        String[] paragraphs = best.path("text").asText().split("\n\n");
        for (int i = 0; i < Math.min(3, paragraphs.length); i++) {
            stdout.println("             " + abbreviate(paragraphs[i], 160));
        }
    }

    private static String abbreviate(String s, int max) {
        String t = s.replace('\n', ' ').strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
