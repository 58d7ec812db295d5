package org.tearsheet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tearsheet.capture.Outcome;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.discover.UrlCanonicalizer;
import org.tearsheet.state.CaptureRecord;
import org.tearsheet.state.SqliteStateStore;
import org.tearsheet.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** List the captures of one URL and whether its text changed. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the captures of one URL made by scheduled jobs, and whether its text changed.",
            "The URL is matched by its canonical form (tracking parameters, fragment and parameter order ignored).",
            "Text changes compare the sha256 of the extracted text with the previous full capture."})
public final class HistoryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "URL", description = "The article URL.")
    String url;

    @Override
    public Integer call() throws ConfigException {
        TearsheetConfig cfg = config.load();
        PrintWriter out = spec.commandLine().getOut();
        if (!UrlCanonicalizer.isHttpUrl(url)) {
            spec.commandLine().getErr().println("tearsheet: not an http(s) URL: " + url);
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(cfg.archive().dir().resolve(SqliteStateStore.FILE_NAME))) {
            out.println("no captures of " + url + " (no state database in " + cfg.archive().dir() + ")");
            out.flush();
            return ExitCodes.SOME_FAILED;
        }
        List<CaptureRecord> captures;
        try (StateStore store = SqliteStateStore.open(cfg.archive().dir())) {
            captures = store.captures(UrlCanonicalizer.canonical(url));
        }
        if (captures.isEmpty()) {
            out.println("no captures of " + url);
            out.flush();
            return ExitCodes.SOME_FAILED;
        }
        out.println(captures.size() + " capture(s) of " + UrlCanonicalizer.canonical(url));
        out.printf(Locale.ROOT, "%-20s  %-8s  %-6s  %-10s  %-22s  %s%n", "captured", "outcome", "status", "job", "text",
                "warc file / record");
        String previousText = null;
        for (CaptureRecord c : captures) {
            String text;
            if (c.outcome() == Outcome.REVISIT) {
                text = "unchanged (revisit)";
            } else if (c.textSha256() == null) {
                text = "no text extracted";
            } else if (previousText == null) {
                text = "first capture";
            } else {
                text = previousText.equals(c.textSha256()) ? "unchanged" : "CHANGED";
            }
            if (c.outcome() == Outcome.CAPTURED && c.textSha256() != null) {
                previousText = c.textSha256();
            }
            out.printf(Locale.ROOT, "%-20s  %-8s  %-6d  %-10s  %-22s  %s %s%n",
                    c.capturedAt().truncatedTo(ChronoUnit.SECONDS), c.outcome().wireName(), c.status(), c.job(), text,
                    c.warcFile(), c.warcRecordId());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
