package org.tearsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.crawl.JobLock;
import org.tearsheet.state.SqliteStateStore;
import org.tearsheet.testing.JobsTestSite;
import picocli.CommandLine;

/** crawl, status, history and config check as an operator runs them. */
class JobCommandsTest {

    @TempDir
    Path dir;

    private JobsTestSite site;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        site = new JobsTestSite();
        site.put("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        site.put("/news/one.html", "text/html", page("The first version of the story, told at some length."));
        site.put("/news/two.html", "text/html", page("Another story that will not change between runs at all."));
        site.put("/sitemap.xml", "application/xml", """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>%s</loc></url><url><loc>%s</loc></url></urlset>"""
                .formatted(site.url("/news/one.html"), site.url("/news/two.html")));
        config = Files.writeString(dir.resolve("tearsheet.yaml"), """
                archive: {dir: archive}
                fetch: {politeness_delay: 0s}
                jobs:
                  - name: news
                    schedule: "@hourly"
                    seeds: {sitemaps: ["%s"]}
                """.formatted(site.url("/sitemap.xml")));
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    private static String page(String text) {
        return "<html><head><title>Story</title></head><body><article><h1>Story</h1>"
                + ("<p>" + text + " More words follow so the extractor sees a real paragraph of prose here.</p>").repeat(3)
                + "</article></body></html>";
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run tearsheet(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void statusTellsARunningRunFromAKilledOne() throws Exception {
        String cfg = config.toString();
        assertThat(tearsheet("crawl", "--config", cfg).exit()).isZero();
        Path archive = dir.resolve("archive");
        try (SqliteStateStore store = SqliteStateStore.open(archive)) {
            store.startRun("news", java.time.Instant.now()); // a run that never recorded its end
        }

        // Nobody holds the job's lock: the run was killed.
        Run killed = tearsheet("status", "--config", cfg);
        assertThat(killed.out()).as(killed.err()).containsPattern("last run: .*, interrupted \\(no process");

        // This process holds it, as a live crawl would.
        try (JobLock lock = JobLock.acquire(archive, "news")) {
            assertThat(tearsheet("status", "--config", cfg).out())
                    .contains(", running (pid " + ProcessHandle.current().pid() + " since ");
        }
    }

    @Test
    void statusAndHistoryAfterTwoRuns() throws Exception {
        String cfg = config.toString();
        Run before = tearsheet("status", "--config", cfg);
        assertThat(before.exit()).isZero();
        assertThat(before.out()).contains("no runs yet").contains("job news").contains("next run:");

        assertThat(tearsheet("crawl", "--config", cfg).exit()).isZero();
        site.put("/news/one.html", "text/html", page("The corrected version of the story, told at some length."));
        assertThat(tearsheet("crawl", "--config", cfg).exit()).isZero();

        Run status = tearsheet("status", "--config", cfg);
        assertThat(status.out())
                .contains("closed WARC file(s)")
                .contains("job news")
                .containsPattern("last run: +\\S+ \\(\\d+s ago\\), took \\d+s, exit 0: discovered 2, queued 2 \\(2 conditional\\), captured 1, revisit 1")
                .contains("urls:      captured 1, revisit 1")
                .contains("paywall:   none 2")
                .containsPattern("next run: +\\S+ \\(in \\d+m, @hourly \\(UTC\\)");

        Run history = tearsheet("history", "--config", cfg, site.url("/news/one.html?utm_source=x#top"));
        assertThat(history.exit()).isZero();
        assertThat(history.out()).contains("2 capture(s) of " + site.url("/news/one.html"));
        assertThat(history.out().lines().filter(l -> l.contains("  captured  ")).toList())
                .satisfiesExactly(l -> assertThat(l).contains("first capture"), l -> assertThat(l).contains("CHANGED"));

        Run unchanged = tearsheet("history", "--config", cfg, site.url("/news/two.html"));
        assertThat(unchanged.out()).contains("first capture").contains("unchanged (revisit)");

        assertThat(tearsheet("history", "--config", cfg, site.url("/news/never.html")).exit()).isEqualTo(ExitCodes.SOME_FAILED);
    }

    @Test
    void configCheckPrintsTheEffectiveConfigOrEveryError() throws Exception {
        Run ok = tearsheet("config", "check", "--config", config.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains(": OK (1 job)").contains("politeness_delay: 0s").contains("read_timeout: 30s");

        Files.writeString(config, "jobs:\n  - name: a\n    seeds: {feeds: [x]}\n    max_articles: 0\n    colour: red\n");
        Run bad = tearsheet("config", "check", "--config", config.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("tearsheet.yaml:5: unknown key 'colour' at jobs[0].colour");
    }
}
