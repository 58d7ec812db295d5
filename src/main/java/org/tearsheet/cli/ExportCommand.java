package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Export an archive as a WACZ package or merged cleaned text. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export an archive as a WACZ package or merged cleaned text.")
public final class ExportCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("export: not implemented yet");
    }
}
