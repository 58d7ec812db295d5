package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Show per job: last run, next run, counts by outcome and paywall verdict, archive size. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show per job: last run, next run, counts by outcome and paywall verdict, archive size.")
public final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("status: not implemented yet");
    }
}
