package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Capture the given article URLs (and their redirects) into WARC files with cleaned-text sidecars. */
@Command(name = "archive", mixinStandardHelpOptions = true, description = "Capture the given article URLs (and their redirects) into WARC files with cleaned-text sidecars.")
public final class ArchiveCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("archive: not implemented yet");
    }
}
