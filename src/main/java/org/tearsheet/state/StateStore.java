package org.tearsheet.state;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.Outcome;
import org.tearsheet.discover.DiscoveredUrl;

/**
 * The persistent frontier and history of scheduled jobs. This interface is the only way crawl logic
 * touches state; {@link SqliteStateStore} implements it for one machine, and a shared database (PostgreSQL)
 * implementation can follow for multi-worker set-ups. Implementations are thread-safe.
 *
 * <p>Durability rule: a capture or revisit result is recorded at once ({@link #recordResult}) but only
 * counts — in {@link UrlState} and in history — once {@link #warcClosed} reports its WARC closed. A run
 * killed before that leaves the URL unfinished, so the next run captures it again into a closed WARC.
 */
public interface StateStore extends AutoCloseable {

    /** Records what a run discovered: new URLs are added, known ones get {@code lastSeen = when}. */
    void recordDiscovered(String job, List<DiscoveredUrl> urls, Instant when);

    /** The state of the given canonical URLs of a job (missing keys are unknown URLs). */
    Map<String, UrlState> find(String job, Collection<String> canonicals);

    /** URLs of a job no attempt has durably finished, or whose last attempt failed, oldest first. */
    List<UrlState> unfinished(String job);

    /** Truncated captures skipped with retry_later, waiting for the site's credentials to change. */
    List<UrlState> awaitingCredentials(String job);

    /** Notes that these URLs were queued for capture at {@code when} (attempts + 1). */
    void markAttempted(String job, Collection<String> canonicals, Instant when);

    /**
     * Records the result of capturing one URL.
     *
     * @param retryFingerprint for a truncated capture skipped with retry_later, the credentials fingerprint
     *                         of its site; otherwise null
     */
    void recordResult(String job, String canonical, CaptureResult result, String retryFingerprint);

    /** The WARC file {@code warcFile} (name only) is closed: its captures become durable. */
    void warcClosed(String warcFile);

    /** WARC files holding captures of {@code job} that are not yet durable (left by a killed run). */
    List<String> pendingWarcFiles(String job);

    /** Forgets the non-durable captures of {@code job} in {@code warcFile}: that file was never closed. */
    void abandon(String job, String warcFile);

    /** Starts a run and returns its id. */
    long startRun(String job, Instant started);

    /** Completes a run record. */
    void finishRun(long runId, Instant ended, int discovered, int queued, int conditional,
                   Map<Outcome, Integer> outcomes, int seedErrors, int exitStatus);

    /** The most recent runs of a job, newest first. */
    List<RunRecord> runs(String job, int limit);

    /** The latest run of a job, if any. */
    default Optional<RunRecord> lastRun(String job) {
        return runs(job, 1).stream().findFirst();
    }

    /** Number of URLs of a job by their last outcome ({@code "pending"} for unfinished ones). */
    Map<String, Long> countByOutcome(String job);

    /** Number of URLs of a job by the paywall verdict of their last attempt ({@code "unknown"} when none). */
    Map<String, Long> countByPaywall(String job);

    /** Durable captures and revisits of a URL (by canonical key) across jobs, oldest first. */
    List<CaptureRecord> captures(String canonical);

    @Override
    void close();
}
