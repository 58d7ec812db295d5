package org.tearsheet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Discover and capture a local site from its sitemap and feed, twice (second run: conditional). */
@Command(name = "crawl", mixinStandardHelpOptions = true, description = "Discover and capture a local site from its sitemap and feed, twice (second run: conditional).")
public final class BenchCrawlCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("crawl: not implemented yet");
    }
}
