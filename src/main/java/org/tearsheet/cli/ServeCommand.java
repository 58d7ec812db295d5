package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Browse, search and replay an archive over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Browse, search and replay an archive over HTTP.")
public final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("serve: not implemented yet");
    }
}
