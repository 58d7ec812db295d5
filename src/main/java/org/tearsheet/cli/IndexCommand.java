package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Write or update the CDXJ index of an archive folder. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Write or update the CDXJ index of an archive folder.")
public final class IndexCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("index: not implemented yet");
    }
}
