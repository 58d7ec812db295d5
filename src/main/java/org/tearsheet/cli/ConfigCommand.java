package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Check a config file and print the effective configuration (secrets masked). */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check a config file and print the effective configuration (secrets masked).")
public final class ConfigCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("config: not implemented yet");
    }
}
