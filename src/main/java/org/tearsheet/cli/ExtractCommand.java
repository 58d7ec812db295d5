package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Extract clean article text and metadata from HTML files, folders or WARC files. */
@Command(name = "extract", mixinStandardHelpOptions = true, description = "Extract clean article text and metadata from HTML files, folders or WARC files.")
public final class ExtractCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("extract: not implemented yet");
    }
}
