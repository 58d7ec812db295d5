package org.tearsheet.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.capture.Outcome;
import org.tearsheet.config.ConfigLoader;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.demo.DemoSite;
import org.tearsheet.schedule.StopSignal;
import org.tearsheet.state.SqliteStateStore;
import org.tearsheet.state.StateStore;
import org.tearsheet.state.UrlState;

/** on_truncated: retry_later against the demo site's metered teaser, with the standard paywall detector. */
class RetryLaterTest {

    @TempDir
    Path dir;

    private DemoSite demo;

    @BeforeEach
    void setUp() throws Exception {
        demo = DemoSite.start(0);
    }

    @AfterEach
    void tearDown() {
        demo.close();
    }

    private TearsheetConfig config(String access) throws Exception {
        Files.writeString(dir.resolve("cookies.txt"), "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tv1\n");
        Path file = Files.writeString(dir.resolve("tearsheet.yaml"), """
                archive: {dir: archive}
                fetch: {politeness_delay: 0s}
                %s
                jobs:
                  - name: demo
                    seeds: {feeds: ["%s/feed.xml"]}
                    recapture: {policy: never}
                    on_truncated: retry_later
                """.formatted(access, demo.baseUrl()));
        return new ConfigLoader().load(file);
    }

    private RunReport run(TearsheetConfig config) throws Exception {
        try (StateStore store = SqliteStateStore.open(config.archive().dir())) {
            return new JobRunner(config, store, CaptureSetup.standard(), new LogProgress(), Clock.systemUTC())
                    .run(config.jobs().get(0), new StopSignal());
        }
    }

    @Test
    void truncatedTeaserIsRetriedOnlyOnceTheSiteCredentialsChange() throws Exception {
        RunReport first = run(config(""));
        assertThat(first.count(Outcome.SKIPPED)).isEqualTo(1);
        assertThat(first.count(Outcome.CAPTURED)).isEqualTo(first.queued() - 1);

        assertThat(run(config("")).queued()).as("same (no) credentials: nothing to retry").isZero();

        String access = """
                access:
                  - site: demo
                    hosts: ["127.0.0.1"]
                    cookies_file: cookies.txt
                """;
        RunReport withLogin = run(config(access));
        assertThat(withLogin.queued()).as("credentials configured: the teaser is tried again").isEqualTo(1);
        assertThat(run(config(access)).queued()).as("credentials unchanged since the retry").isZero();

        try (StateStore store = SqliteStateStore.open(dir.resolve("archive"))) {
            List<UrlState> waiting = store.awaitingCredentials("demo");
            assertThat(waiting).singleElement().satisfies(s -> {
                assertThat(s.paywall()).isEqualTo("truncated");
                assertThat(s.attempts()).isEqualTo(2);
                assertThat(s.retryFingerprint()).startsWith("sha256:").doesNotContain("v1");
            });
        }
    }
}
