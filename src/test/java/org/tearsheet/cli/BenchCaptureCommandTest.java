package org.tearsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.tearsheet.demo.DemoSite;

/**
 * {@code bench capture} end to end against the bundled site: what it runs and reports, not how fast (speed is
 * judged from its output on the bench site, never in a unit test). wget is left out: CI machines may lack it.
 */
class BenchCaptureCommandTest {

    @TempDir
    Path dir;

    @Test
    void warmsUpOnOtherUrlsThenMeasuresAndShowsTheServersCeiling() throws Exception {
        try (DemoSite site = DemoSite.start(0)) {
            List<String> articles = site.articleUrls();
            Path urls = dir.resolve("urls.txt");
            Files.write(urls, articles);
            int measured = 4;

            CaptureCommandsTest.Run r = CaptureCommandsTest.run("bench", "capture", "--urls", urls.toString(),
                    "--out", dir.resolve("out").toString(), "--no-wget", "--limit", Integer.toString(measured),
                    "--warmup", "2");

            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
            assertThat(r.out()).contains("warming up: capturing 2 other URLs, not measured")
                    .containsPattern("tearsheet\\s+" + measured + "\\s")
                    .containsPattern("fetch only \\[gzip\\] \\(ceiling\\)\\s+" + measured + "\\s");
            Path run;
            try (Stream<Path> s = Files.list(dir.resolve("out"))) {
                run = s.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            // The measured run holds exactly the first N URLs (and robots.txt, which is not counted as a page);
            // the warm-up the two after them, elsewhere.
            String robots = site.baseUrl() + "/robots.txt";
            List<String> measuredUrls = new ArrayList<>(articles.subList(0, measured));
            measuredUrls.add(robots);
            assertThat(responseUrls(run.resolve("tearsheet"))).containsExactlyInAnyOrderElementsOf(measuredUrls);
            List<String> warmUrls = new ArrayList<>(articles.subList(measured, measured + 2));
            warmUrls.add(robots);
            assertThat(responseUrls(run.resolve("warmup"))).containsExactlyInAnyOrderElementsOf(warmUrls);
        }
    }

    private static List<String> responseUrls(Path dir) throws IOException {
        List<String> urls = new ArrayList<>();
        List<Path> warcs;
        try (Stream<Path> s = Files.walk(dir)) {
            warcs = s.filter(p -> p.toString().endsWith(".warc.gz")).toList();
        }
        for (Path warc : warcs) {
            try (WarcReader reader = new WarcReader(warc)) {
                for (WarcRecord rec : reader) {
                    if (rec.type().equals("response")) {
                        urls.add(rec.headers().first("WARC-Target-URI").orElseThrow());
                    }
                }
            }
        }
        return urls;
    }
}
