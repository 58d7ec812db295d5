package org.tearsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.tearsheet.demo.DemoSite;
import picocli.CommandLine;

/** The archive and demo commands end to end: exit codes, summaries, files on disk. */
class CaptureCommandsTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void demoCapturesTheBundledSiteAndPrintsASummary() throws Exception {
        Path out = dir.resolve("archive");

        Run r = run("demo", "--out", out.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("8 URLs: 8 captured").contains("WARC file:").contains("Sidecar:")
                .contains("Example:");
        List<Path> warcs = files(out, ".warc.gz");
        assertThat(warcs).hasSize(1);
        assertThat(files(out, ".text.jsonl.gz")).hasSize(1);
        assertThat(files(out, ".open")).isEmpty();
        List<String> responses = new java.util.ArrayList<>();
        try (WarcReader reader = new WarcReader(warcs.get(0))) {
            for (WarcRecord rec : reader) {
                if (rec.type().equals("response")) {
                    responses.add(rec.headers().first("WARC-Target-URI").orElseThrow());
                }
            }
        }
        // robots.txt, 7 articles, the redirecting URL's 301 hop and its target
        assertThat(responses).hasSize(10);
        assertThat(responses).filteredOn(u -> u.endsWith("/robots.txt")).hasSize(1);
    }

    @Test
    void archiveExitCodes() throws Exception {
        try (DemoSite site = DemoSite.start(0)) {
            Path config = dir.resolve("fast.yaml");
            Files.writeString(config, """
                    fetch:
                      retries: 0
                      hosts:
                        127.0.0.1:
                          politeness_delay: 0s
                    """);
            String article = site.articleUrls().get(0);

            Run ok = run("archive", "--out", dir.resolve("a").toString(), "--config", config.toString(), article);
            assertThat(ok.exit()).as(ok.out() + ok.err()).isEqualTo(0);
            assertThat(ok.out()).contains("1 URL: 1 captured");
            assertThat(files(dir.resolve("a"), ".warc.gz")).hasSize(1);

            Run some = run("archive", "--out", dir.resolve("b").toString(), "--config", config.toString(),
                    article, site.baseUrl() + "/news/no-such-article.html");
            assertThat(some.exit()).isEqualTo(1);
            assertThat(some.out()).contains("1 failed:").contains("no-such-article.html").contains("HTTP 404");

            Run badUrl = run("archive", "--out", dir.resolve("c").toString(), "ftp://example.org/x");
            assertThat(badUrl.exit()).isEqualTo(2);
            assertThat(badUrl.err()).contains("not an http(s) URL");

            Path bad = dir.resolve("bad.yaml");
            Files.writeString(bad, "fetch:\n  retriez: 3\n");
            Run badConfig = run("archive", "--config", bad.toString(), article);
            assertThat(badConfig.exit()).isEqualTo(2);
            assertThat(badConfig.err()).contains("retriez");

            Run noUrls = run("archive");
            assertThat(noUrls.exit()).isEqualTo(2);
        }
    }

    static List<Path> files(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
