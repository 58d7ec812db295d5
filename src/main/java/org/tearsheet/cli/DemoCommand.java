package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Serve a bundled local news site on 127.0.0.1, capture it, and print a summary. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Serve a bundled local news site on 127.0.0.1, capture it, and print a summary.")
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("demo: not implemented yet");
    }
}
