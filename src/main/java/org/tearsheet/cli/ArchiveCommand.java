package org.tearsheet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import org.tearsheet.access.SubscriberAccess;
import org.tearsheet.capture.CaptureRequest;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.CaptureService;
import org.tearsheet.capture.CaptureSummary;
import org.tearsheet.config.ConfigLoader;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.crawl.CaptureSetup;
import org.tearsheet.paywall.PaywallVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Capture the given article URLs (and their redirects) into WARC files with cleaned-text sidecars. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Capture the given article URLs (and their redirects) into WARC files with cleaned-text sidecars.",
            "Exit codes: 0 all captured, 1 some failed (summary lists them), 2 bad usage or invalid config,",
            "3 every capture of a site with configured subscriber access was rejected (login expired?)."})
public final class ArchiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Archive folder (default: archive.dir of the config, else ./archive).")
    Path out;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (tearsheet.yaml); default: embedded defaults.")
    Path config;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "Article URLs to capture (http or https).")
    List<String> urls;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        for (String url : urls) {
            if (HttpUrl.parse(url) == null) {
                err.println("tearsheet archive: not an http(s) URL: " + url);
                return ExitCodes.USAGE;
            }
        }
        TearsheetConfig cfg = config == null ? TearsheetConfig.defaults() : new ConfigLoader().load(config);
        if (out != null) {
            cfg = cfg.withArchive(cfg.archive().withDir(out));
        }
        CaptureSummary summary = new CaptureSummary();
        SubscriberAccess access = SubscriberAccess.fromConfig(cfg);
        try (CaptureService svc = access.applyTo(CaptureSetup.standard().builder(cfg)).build()) {
            List<CaptureRequest> requests = urls.stream().map(CaptureRequest::of).toList();
            svc.captureAll(requests, (r, done, total) -> {
                summary.add(r);
                access.report().record(r);
                synchronized (stdout) {
                    stdout.println(access.redactor().redact(line(r, done, total)));
                    stdout.flush();
                }
            });
        }
        summary.print(stdout);
        access.report().print(stdout);
        stdout.println("archive: " + cfg.archive().dir().toAbsolutePath().normalize());
        stdout.flush();
        if (!access.report().sitesAllRejected().isEmpty()) {
            return ExitCodes.CREDENTIALS_REJECTED;
        }
        return summary.failures().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    static String line(CaptureResult r, int done, int total) {
        StringBuilder b = new StringBuilder().append('[').append(done).append('/').append(total).append("] ")
                .append(r.outcome().wireName());
        if (r.status() > 0) {
            b.append(' ').append(r.status());
        }
        b.append(' ').append(r.requestedUrl());
        if (!r.finalUrl().equals(r.requestedUrl())) {
            b.append(" -> ").append(r.finalUrl());
        }
        if (r.title() != null) {
            b.append("  \"").append(r.title()).append('"');
        }
        if (r.paywall() != null && r.paywall().status() != PaywallVerdict.Status.NONE) {
            b.append("  [paywall: ").append(r.paywall().status().wireName()).append(", ")
                    .append(r.paywall().kind().wireName()).append(", credentials ")
                    .append(r.paywall().credentials().wireName()).append(']');
        }
        if (r.error() != null) {
            b.append("  (").append(r.error()).append(')');
        }
        return b.toString();
    }
}
