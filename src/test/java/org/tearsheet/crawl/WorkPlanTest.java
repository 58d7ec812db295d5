package org.tearsheet.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.Outcome;
import org.tearsheet.config.JobConfig;
import org.tearsheet.discover.DiscoveredUrl;
import org.tearsheet.state.SqliteStateStore;

class WorkPlanTest {

    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");
    private static final JobConfig JOB = new JobConfig("j", null, null,
            new JobConfig.Seeds(List.of("https://example.com/x"), null, null, null), null, null, 2, null, null, null);

    private static DiscoveredUrl url(String u) {
        return new DiscoveredUrl(u, u, "url", null);
    }

    private static CaptureResult result(String u, Outcome o) {
        boolean written = o == Outcome.CAPTURED;
        return new CaptureResult(u, u, o, written ? 200 : 0, List.of(u), T, written ? "w.warc.gz" : null,
                written ? "<urn:uuid:" + u.hashCode() + ">" : null, 0, written ? "sha1:X" : null, written ? "\"e\"" : null,
                null, null, null, null, null, 1);
    }

    private static List<String> planned(SqliteStateStore store, List<DiscoveredUrl> found) {
        return WorkPlan.plan(JOB, found, store, new CredentialFingerprints(List.of()), T).stream()
                .map(i -> i.request().url()).toList();
    }

    @Test
    void neverCapturedFailuresGiveUpAfterFiveRunsButFailedRecapturesDoNot() {
        String dead = "https://example.com/dead", kept = "https://example.com/kept";
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            store.recordDiscovered("j", List.of(url(dead), url(kept)), T);
            store.recordResult("j", kept, result(kept, Outcome.CAPTURED), null);
            store.warcClosed("w.warc.gz");
            for (int run = 1; run <= WorkPlan.MAX_FAILED_ATTEMPTS; run++) {
                assertThat(planned(store, List.of())).contains(dead);
                store.markAttempted("j", List.of(dead, kept), T);
                store.recordResult("j", dead, result(dead, Outcome.FAILED), null);
                store.recordResult("j", kept, result(kept, Outcome.FAILED), null);
            }
            assertThat(planned(store, List.of())).containsExactly(kept);
        }
    }

    @Test
    void maxArticlesCapsThePlanAndTheRestWaits() {
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            List<DiscoveredUrl> found = List.of(url("https://example.com/1"), url("https://example.com/2"),
                    url("https://example.com/3"));
            store.recordDiscovered("j", found, T);
            assertThat(planned(store, found)).containsExactly("https://example.com/1", "https://example.com/2");
        }
    }
}
