package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Re-check every digest, sidecar line, index entry and the manifest hash chain. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Re-check every digest, sidecar line, index entry and the manifest hash chain.")
public final class VerifyCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("verify: not implemented yet");
    }
}
