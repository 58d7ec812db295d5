package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Capture a local site and compare with wget on the same URLs. */
@Command(name = "capture", mixinStandardHelpOptions = true, description = "Capture a local site and compare with wget on the same URLs.")
public final class BenchCaptureCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("capture: not implemented yet");
    }
}
