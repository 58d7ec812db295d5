package org.tearsheet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.CdxjIndex;
import org.tearsheet.verify.Manifest;
import org.tearsheet.verify.ManifestEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Write or update the CDXJ index of an archive folder. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Write or update the CDXJ index (index.cdxj) of an archive folder.",
            "Only WARCs not indexed yet are read; the index stays sorted (pywb / ReplayWeb.page format)."})
public final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "archive", paramLabel = "ARCHIVE_DIR",
            description = "Archive folder (default: ${DEFAULT-VALUE}).")
    Path archiveDir;

    @Option(names = "--seal", description = "Also add closed WARCs that are missing from manifest.jsonl to the hash "
            + "chain (for archives written without the upkeep listener). Run verify first: sealing vouches for the "
            + "files as they are now.")
    boolean seal;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(archiveDir)) {
            spec.commandLine().getErr().println("tearsheet index: no archive folder at " + archiveDir);
            return ExitCodes.USAGE;
        }
        var out = spec.commandLine().getOut();
        CdxjIndex.UpdateResult r = CdxjIndex.of(archiveDir).update();
        r.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        out.printf("indexed %d new WARC(s), %d new entries; %s now has %d entries%n", r.filesIndexed(),
                r.entriesAdded(), CdxjIndex.of(archiveDir).file(), r.totalEntries());
        if (seal) {
            Manifest manifest = Manifest.of(archiveDir);
            java.util.Set<String> listed = new java.util.HashSet<>();
            if (Files.exists(manifest.file())) {
                for (String line : Files.readAllLines(manifest.file())) {
                    if (!line.isBlank()) {
                        listed.add(Manifest.parse(line).file());
                    }
                }
            }
            int added = 0;
            for (Path warc : ArchiveFiles.warcs(archiveDir)) {
                if (!listed.contains(warc.getFileName().toString())) {
                    ManifestEntry e = manifest.append(warc);
                    out.printf("sealed #%d %s%n", e.seq(), e.file());
                    added++;
                }
            }
            out.printf("manifest: %d entr%s added; latest chain hash %s%n", added, added == 1 ? "y" : "ies",
                    manifest.latestHash());
        }
        return r.warnings().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
}
