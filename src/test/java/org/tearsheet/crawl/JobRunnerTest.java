package org.tearsheet.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.capture.Outcome;
import org.tearsheet.config.ConfigLoader;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.schedule.StopSignal;
import org.tearsheet.discover.UrlCanonicalizer;
import org.tearsheet.state.CaptureRecord;
import org.tearsheet.state.SqliteStateStore;
import org.tearsheet.state.StateStore;
import org.tearsheet.state.UrlState;
import org.tearsheet.testing.JobsTestSite;
import org.tearsheet.testing.WarcFiles;

class JobRunnerTest {

    @TempDir
    Path archive;

    private JobsTestSite site;

    @BeforeEach
    void setUp() throws IOException {
        site = new JobsTestSite();
        site.put("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        for (int i = 1; i <= 5; i++) {
            site.put("/news/story-" + i + ".html", "text/html; charset=utf-8", article(i, "first version"));
        }
        String items = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "<item><title>s" + i + "</title><link>" + site.url("/news/story-" + i + ".html?utm_source=rss")
                        + "</link></item>")
                .collect(Collectors.joining());
        site.put("/rss.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title><link>/</link>"
                + "<description>d</description>" + items
                + "<item><link>" + site.url("/private/secret.html") + "</link></item></channel></rss>");
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    private static String article(int i, String version) {
        return "<html><head><title>Story " + i + "</title></head><body><article><h1>Story " + i + "</h1>"
                + ("<p>This is the " + version + " of story number " + i + ", a paragraph long enough to count as "
                + "article text for the extractor, with several sentences. It goes on a bit more.</p>").repeat(4)
                + "</article></body></html>";
    }

    private TearsheetConfig config(String jobExtras) throws Exception {
        return new ConfigLoader().parse("""
                archive: {dir: "%s", rotate_size: 1MiB}
                fetch: {politeness_delay: 0s, per_host_concurrency: 4, retries: 0}
                jobs:
                  - name: news
                    seeds: {feeds: ["%s"]}
                %s
                """.formatted(archive, site.url("/rss.xml"), jobExtras), "test.yaml");
    }

    private RunReport run(TearsheetConfig config) throws IOException {
        return run(config, Clock.systemUTC());
    }

    private RunReport run(TearsheetConfig config, Clock clock) throws IOException {
        try (StateStore store = SqliteStateStore.open(archive)) {
            return new JobRunner(config, store, CaptureSetup.standard(), new LogProgress(), clock)
                    .run(config.jobs().get(0), new StopSignal());
        }
    }

    @Test
    void maxArticlesLeavesTheRestForTheNextRunAndRecaptureIsConditional() throws Exception {
        TearsheetConfig config = config("    max_articles: 4");

        RunReport first = run(config);
        assertThat(first.discovered()).isEqualTo(6);
        assertThat(first.queued()).isEqualTo(4);
        assertThat(first.count(Outcome.CAPTURED)).isEqualTo(4);
        assertThat(first.status()).isEqualTo(RunReport.Status.OK);

        site.clearHits();
        RunReport second = run(config);
        // the two left over (one of them robots-denied) come first, then recaptures up to the cap
        assertThat(second.queued()).isEqualTo(4);
        assertThat(second.count(Outcome.CAPTURED)).isEqualTo(1);
        assertThat(second.count(Outcome.ROBOTS_DENIED)).isEqualTo(1);
        assertThat(second.count(Outcome.REVISIT)).isEqualTo(2);
        assertThat(second.conditional()).isEqualTo(2);

        List<WarcFiles.Rec> records = WarcFiles.records(archive);
        assertThat(records.stream().filter(WarcFiles.Rec::isPageResponse)).hasSize(5);
        List<WarcFiles.Rec> revisits = records.stream().filter(r -> r.type().equals("revisit")).toList();
        assertThat(revisits).hasSize(2).allSatisfy(r -> {
            assertThat(r.profile()).contains("server-not-modified");
            assertThat(r.refersToTarget()).isEqualTo(r.target());
            assertThat(r.refersToDate()).isNotNull();
        });
        // the URL is fetched as discovered (tracking parameter kept), deduplicated by its canonical form
        assertThat(records).filteredOn(WarcFiles.Rec::isPageResponse)
                .allSatisfy(r -> assertThat(r.target()).endsWith("?utm_source=rss"));
        assertThat(site.hits().stream().filter(h -> h.path().startsWith("/news/") && h.conditional())).hasSize(2);
    }

    @Test
    void unchangedSiteGivesRevisitsAndChangedArticleANewCapture() throws Exception {
        TearsheetConfig config = config("");
        assertThat(run(config).count(Outcome.CAPTURED)).isEqualTo(5);

        site.put("/news/story-3.html", "text/html; charset=utf-8", article(3, "corrected version"));
        site.clearHits();
        RunReport second = run(config);
        assertThat(second.conditional()).isEqualTo(5);
        assertThat(second.count(Outcome.REVISIT)).isEqualTo(4);
        assertThat(second.count(Outcome.CAPTURED)).isEqualTo(1);

        String key = UrlCanonicalizer.canonical(site.url("/news/story-3.html"));
        try (StateStore store = SqliteStateStore.open(archive)) {
            List<CaptureRecord> history = store.captures(key);
            assertThat(history).extracting(CaptureRecord::outcome).containsExactly(Outcome.CAPTURED, Outcome.CAPTURED);
            assertThat(history.get(0).textSha256()).isNotNull().isNotEqualTo(history.get(1).textSha256());
            UrlState s = store.find("news", List.of(key)).get(key);
            assertThat(s.warcRecordId()).isEqualTo(history.get(1).warcRecordId());
            assertThat(store.lastRun("news").orElseThrow().outcomes()).containsEntry(Outcome.REVISIT, 4);
        }
        assertThat(WarcFiles.records(archive).stream().filter(r -> r.type().equals("revisit"))).hasSize(4);
    }

    @Test
    void withoutValidatorsAnUnchangedPayloadIsAnIdenticalDigestRevisit() throws Exception {
        site.sendValidators(false);
        TearsheetConfig config = config("");
        run(config);
        RunReport second = run(config);
        assertThat(second.conditional()).isZero();
        assertThat(second.count(Outcome.REVISIT)).isEqualTo(5);
        assertThat(WarcFiles.records(archive).stream().filter(r -> r.type().equals("revisit")))
                .hasSize(5)
                .allSatisfy(r -> {
                    assertThat(r.profile()).contains("identical-payload-digest");
                    assertThat(r.refersToTarget()).isEqualTo(r.target());
                });
    }

    @Test
    void afterPolicyRecapturesOnlyOnceTheLastCaptureIsOldEnough() throws Exception {
        TearsheetConfig config = config("    recapture: {policy: after, after: 7d}");
        run(config);
        assertThat(run(config).queued()).isZero();
        Clock eightDaysLater = Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(8));
        RunReport later = run(config, eightDaysLater);
        assertThat(later.queued()).isEqualTo(5);
        assertThat(later.count(Outcome.REVISIT)).isEqualTo(5);
    }

    @Test
    void neverPolicyDoesNotRefetch() throws Exception {
        TearsheetConfig config = config("    recapture: {policy: never}");
        run(config);
        site.clearHits();
        RunReport second = run(config);
        assertThat(second.queued()).isZero();
        assertThat(site.hits().stream().filter(h -> h.path().startsWith("/news/"))).isEmpty();
    }

    @Test
    void aSecondRunOfTheSameJobIsRefusedWhileTheLockIsHeld() throws Exception {
        TearsheetConfig config = config("");
        try (JobLock held = JobLock.acquire(archive, "news")) {
            assertThatThrownBy(() -> run(config))
                    .isInstanceOf(JobLock.JobLockedException.class)
                    .hasMessageContaining("job 'news' is already running")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        assertThat(run(config).count(Outcome.CAPTURED)).isEqualTo(5);
    }
}
