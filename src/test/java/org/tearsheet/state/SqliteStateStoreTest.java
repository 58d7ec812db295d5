package org.tearsheet.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.Outcome;
import org.tearsheet.discover.DiscoveredUrl;
import org.tearsheet.discover.UrlCanonicalizer;
import org.tearsheet.paywall.PaywallVerdict;

class SqliteStateStoreTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static DiscoveredUrl found(String url) {
        return new DiscoveredUrl(url, UrlCanonicalizer.canonical(url), "feed:x", null);
    }

    private static CaptureResult result(String url, Outcome outcome, String warc, String recordId, String digest,
                                        String etag, String text) {
        return new CaptureResult(url, url, outcome, outcome == Outcome.FAILED ? 0 : 200, List.of(url), T0, warc,
                recordId, 0, digest, etag, null, text, "title", null, null, 1);
    }

    @Test
    void capturesCountOnlyOnceTheirWarcIsClosed() {
        String a = "https://example.com/a", b = "https://example.com/b";
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            store.recordDiscovered("j", List.of(found(a), found(b)), T0);
            store.markAttempted("j", List.of(a, b), T0);
            store.recordResult("j", a, result(a, Outcome.CAPTURED, "w1.warc.gz", "<urn:uuid:1>", "sha1:AAA", "\"e1\"", "t1"), null);
            store.recordResult("j", b, result(b, Outcome.FAILED, null, null, null, null, null), null);

            // not durable yet: a is still unfinished, b failed
            assertThat(store.unfinished("j")).extracting(UrlState::canonical).containsExactly(a, b);
            assertThat(store.captures(a)).isEmpty();
            assertThat(store.pendingWarcFiles("j")).containsExactly("w1.warc.gz");

            store.warcClosed("w1.warc.gz");

            UrlState sa = store.find("j", List.of(a)).get(a);
            assertThat(sa.lastOutcome()).isEqualTo(Outcome.CAPTURED);
            assertThat(sa.attempts()).isEqualTo(1);
            assertThat(sa.previousCapture().etag()).isEqualTo("\"e1\"");
            assertThat(sa.previousCapture().warcRecordId()).isEqualTo("<urn:uuid:1>");
            assertThat(store.unfinished("j")).extracting(UrlState::canonical).containsExactly(b);
            assertThat(store.captures(a)).singleElement().satisfies(c -> assertThat(c.textSha256()).isEqualTo("t1"));
            assertThat(store.countByOutcome("j")).containsEntry("captured", 1L).containsEntry("failed", 1L);

            // a revisit in an already closed file is durable at once and keeps the reference to the full capture
            store.warcClosed("w2.warc.gz");
            store.recordResult("j", a, result(a, Outcome.REVISIT, "w2.warc.gz", "<urn:uuid:2>", "sha1:AAA", null, null), null);
            sa = store.find("j", List.of(a)).get(a);
            assertThat(sa.lastOutcome()).isEqualTo(Outcome.REVISIT);
            assertThat(sa.warcRecordId()).isEqualTo("<urn:uuid:1>");
            assertThat(sa.etag()).isEqualTo("\"e1\"");
            assertThat(store.captures(a)).extracting(CaptureRecord::outcome).containsExactly(Outcome.CAPTURED, Outcome.REVISIT);
        }
    }

    @Test
    void abandonedCapturesOfAKilledRunStayUnfinished() {
        String a = "https://example.com/a";
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            store.recordDiscovered("j", List.of(found(a)), T0);
            store.recordResult("j", a, result(a, Outcome.CAPTURED, "killed.warc.gz", "<urn:uuid:1>", "sha1:A", null, "t"), null);
        }
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            assertThat(store.pendingWarcFiles("j")).containsExactly("killed.warc.gz");
            store.abandon("j", "killed.warc.gz");
            store.warcClosed("killed.warc.gz"); // even if a file of that name closes later, abandoned rows stay out
            assertThat(store.pendingWarcFiles("j")).isEmpty();
            assertThat(store.unfinished("j")).extracting(UrlState::canonical).containsExactly(a);
            assertThat(store.captures(a)).isEmpty();
        }
    }

    @Test
    void rediscoveryKeepsFirstSeenAndSource() {
        String a = "https://example.com/a";
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            store.recordDiscovered("j", List.of(found(a)), T0);
            store.recordDiscovered("j", List.of(new DiscoveredUrl(a, a, "sitemap:y", T0)), T0.plusSeconds(60));
            store.recordDiscovered("other", List.of(found(a)), T0);
            UrlState s = store.find("j", List.of(a)).get(a);
            assertThat(s.firstSeen()).isEqualTo(T0);
            assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(60));
            assertThat(s.source()).isEqualTo("feed:x");
            assertThat(s.published()).isEqualTo(T0);
            assertThat(store.unfinished("other")).hasSize(1);
        }
    }

    @Test
    void retryLaterKeepsACredentialFingerprint() {
        String a = "https://example.com/paid";
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            store.recordDiscovered("j", List.of(found(a)), T0);
            CaptureResult skipped = new CaptureResult(a, a, Outcome.SKIPPED, 200, List.of(a), T0, null, null, 0,
                    null, null, null, null, null, new PaywallVerdict(PaywallVerdict.Status.TRUNCATED,
                    PaywallVerdict.Kind.HARD, List.of(), PaywallVerdict.Credentials.NONE), "truncated", 1);
            store.recordResult("j", a, skipped, "fp1");
            assertThat(store.awaitingCredentials("j")).singleElement()
                    .satisfies(s -> assertThat(s.retryFingerprint()).isEqualTo("fp1"));
            assertThat(store.countByPaywall("j")).containsEntry("truncated", 1L);
            assertThat(store.unfinished("j")).isEmpty();
        }
    }

    @Test
    void runsAreRecordedAndSchemaIsVersionedInWalMode() throws Exception {
        try (SqliteStateStore store = SqliteStateStore.open(dir)) {
            long id = store.startRun("j", T0);
            assertThat(store.lastRun("j")).get().satisfies(r -> assertThat(r.ended()).isNull());
            store.finishRun(id, T0.plusSeconds(5), 10, 8, 3, Map.of(Outcome.CAPTURED, 5, Outcome.REVISIT, 3), 1, 1);
            RunRecord r = store.lastRun("j").orElseThrow();
            assertThat(r.outcomes()).containsEntry(Outcome.CAPTURED, 5).containsEntry(Outcome.FAILED, 0);
            assertThat(r.finished()).isEqualTo(8);
            assertThat(r.exitStatus()).isEqualTo(1);
        }
        try (SqliteStateStore reopened = SqliteStateStore.open(dir);
             Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(SqliteStateStore.schemaVersion());
            try (ResultSet mode = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                mode.next();
                assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
            }
            assertThat(reopened.runs("j", 10)).hasSize(1);
        }
    }
}
