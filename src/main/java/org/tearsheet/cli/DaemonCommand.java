package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Run the configured jobs on their schedules until stopped. */
@Command(name = "daemon", mixinStandardHelpOptions = true, description = "Run the configured jobs on their schedules until stopped.")
public final class DaemonCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("daemon: not implemented yet");
    }
}
