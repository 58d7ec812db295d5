package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** List the captures of one URL and whether its text changed. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List the captures of one URL and whether its text changed.")
public final class HistoryCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("history: not implemented yet");
    }
}
