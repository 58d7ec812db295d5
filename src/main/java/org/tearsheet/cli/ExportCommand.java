package org.tearsheet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tearsheet.export.CaptureFilter;
import org.tearsheet.export.JobCaptures;
import org.tearsheet.export.TextExporter;
import org.tearsheet.export.WaczExporter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Export an archive as a WACZ package or merged cleaned text. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export an archive as a WACZ package (opens in ReplayWeb.page) or as merged cleaned text.",
            "Filters: --from/--to (capture day, UTC, inclusive) and --job (from the WARCs' metadata records and state.db)."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Exactly one output kind. */
    static final class Output {
        @Option(names = "--wacz", paramLabel = "OUT.wacz", description = "Write a WACZ 1.1.1 package.")
        Path wacz;

        @Option(names = "--text", paramLabel = "OUT.jsonl", description = "Write the sidecar lines merged into one JSON-lines file.")
        Path text;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Output output;

    @Option(names = "--job", paramLabel = "NAME", description = "Only captures made by this job (named in capture's metadata records or in state.db).")
    String job;

    @Option(names = "--from", paramLabel = "DATE", description = "Only captures on or after this day (yyyy-MM-dd, UTC).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only captures on or before this day (yyyy-MM-dd, UTC).")
    LocalDate to;

    @Option(names = "--title", description = "Title written into the WACZ datapackage.")
    String title;

    @Parameters(index = "0", arity = "0..1", defaultValue = "archive", paramLabel = "ARCHIVE_DIR",
            description = "Archive folder (default: ${DEFAULT-VALUE}).")
    Path archiveDir;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (!Files.isDirectory(archiveDir)) {
            err.println("tearsheet export: no archive folder at " + archiveDir);
            return ExitCodes.USAGE;
        }
        if (from != null && to != null && to.isBefore(from)) {
            err.println("tearsheet export: --to " + to + " is before --from " + from);
            return ExitCodes.USAGE;
        }
        Set<String> jobIds = null;
        if (job != null) {
            try {
                jobIds = JobCaptures.recordIds(archiveDir, job);
            } catch (IOException e) {
                err.println("tearsheet export: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        CaptureFilter filter = new CaptureFilter(from, to, jobIds);
        var out = spec.commandLine().getOut();
        try {
            if (output.wacz != null) {
                WaczExporter.Result r = WaczExporter.builder(archiveDir).filter(filter).title(title)
                        .software("tearsheet " + java.util.Objects.requireNonNullElse(
                                getClass().getPackage().getImplementationVersion(), "dev")).build()
                        .write(output.wacz);
                out.printf("wrote %s: %d WARC(s), %d pages, %d index entries, %d bytes; datapackage.json sha256 %s%n",
                        output.wacz, r.warcs(), r.pages(), r.indexEntries(), r.bytes(), r.datapackageSha256());
            } else {
                TextExporter.Result r = TextExporter.export(archiveDir, filter, output.text);
                out.printf("wrote %s: %d articles, %d bytes%s%n", output.text, r.articles(), r.bytes(),
                        r.skippedLines() > 0 ? " (" + r.skippedLines() + " unreadable sidecar lines skipped)" : "");
            }
        } catch (IOException e) {
            err.println("tearsheet export: " + e.getMessage());
            return ExitCodes.SOME_FAILED;
        }
        return ExitCodes.OK;
    }
}
