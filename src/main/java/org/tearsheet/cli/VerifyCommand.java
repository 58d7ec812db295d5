package org.tearsheet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tearsheet.verify.ArchiveVerifier;
import org.tearsheet.verify.Problem;
import org.tearsheet.verify.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Re-check every digest, sidecar line, index entry and the manifest hash chain. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-check every digest, sidecar line, index entry and the manifest hash chain.",
            "Prints every problem with its location and exits 1 when there is any; prints the latest chain hash "
                + "(the value to anchor outside the archive, see docs/verify.md)."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "archive", paramLabel = "ARCHIVE_DIR",
            description = "Archive folder (default: ${DEFAULT-VALUE}).")
    Path archiveDir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(archiveDir)) {
            spec.commandLine().getErr().println("tearsheet verify: no archive folder at " + archiveDir);
            return ExitCodes.USAGE;
        }
        VerificationReport r = ArchiveVerifier.verify(archiveDir);
        var out = spec.commandLine().getOut();
        for (Problem p : r.problems()) {
            out.println("PROBLEM " + p);
        }
        out.printf("checked %d WARC(s), %d records, %d digests, %d sidecar lines, %d index entries, %d manifest entries%n",
                r.warcs(), r.records(), r.digestsChecked(), r.sidecarLines(), r.indexEntries(), r.manifestEntries());
        if (r.latestChainHash() != null) {
            out.println("latest chain hash: " + r.latestChainHash());
        }
        // Files still named *.open were never closed: a run in progress, or one that was killed. They are not part
        // of the sealed archive (no manifest entry, not indexed), so they are not problems, but an operator
        // checking an archive must know they are there.
        try (var open = Files.list(archiveDir)) {
            open.filter(f -> f.getFileName().toString().endsWith(".warc.gz.open")).sorted()
                    .forEach(f -> out.println("NOTE unclosed WARC (run in progress or interrupted; not verified, "
                            + "not in the manifest): " + f.getFileName()));
        }
        if (r.ok()) {
            out.println("OK: archive verified, no problems");
            return ExitCodes.OK;
        }
        out.println("FAILED: " + r.problems().size() + " problem(s)");
        return ExitCodes.SOME_FAILED;
    }
}
