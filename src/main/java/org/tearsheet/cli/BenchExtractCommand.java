package org.tearsheet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tearsheet.bench.ExtractionBenchmark;
import org.tearsheet.extract.Extractors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tearsheet bench extract PATH}: single-core extraction speed (pages/s, MB/s) on a folder of pages,
 * next to a whole-body-text baseline (Jsoup parse + body().text()) measured in the same run.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extraction speed on a folder of pages, next to a whole-body-text baseline.")
public final class BenchExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "folder of .html/.htm pages (optionally .gz)")
    Path path;

    @Option(names = "--warmup", defaultValue = "3", description = "warm-up rounds over all pages (default 3)")
    int warmup;

    @Option(names = "--rounds", defaultValue = "5", description = "measured rounds; the median is reported (default 5)")
    int rounds;

    @Override
    public Integer call() throws Exception {
        List<byte[]> pages = ExtractionBenchmark.loadPages(path);
        if (pages.isEmpty()) {
            System.err.println("tearsheet bench extract: no .html/.htm pages under " + path);
            return ExitCodes.USAGE;
        }
        ExtractionBenchmark.Result r = new ExtractionBenchmark(Extractors.standard(), warmup, rounds).run(pages);
        System.out.println(r.report());
        return ExitCodes.OK;
    }
}
