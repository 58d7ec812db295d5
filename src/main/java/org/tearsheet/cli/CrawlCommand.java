package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Run the configured jobs once: discover new articles and capture them. */
@Command(name = "crawl", mixinStandardHelpOptions = true, description = "Run the configured jobs once: discover new articles and capture them.")
public final class CrawlCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("crawl: not implemented yet");
    }
}
