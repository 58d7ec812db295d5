package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Extraction speed on a folder of pages, next to a whole-body-text baseline. */
@Command(name = "extract", mixinStandardHelpOptions = true, description = "Extraction speed on a folder of pages, next to a whole-body-text baseline.")
public final class BenchExtractCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("extract: not implemented yet");
    }
}
