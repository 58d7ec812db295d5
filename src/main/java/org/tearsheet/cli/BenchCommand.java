package org.tearsheet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks; each reports its figures next to a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (figures are ratios against a baseline measured in the same run).",
        subcommands = {BenchCaptureCommand.class, BenchExtractCommand.class, BenchCrawlCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
