package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Benchmarks: capture, extract, crawl. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks: capture, extract, crawl.")
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("bench: not implemented yet");
    }
}
