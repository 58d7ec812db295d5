package org.tearsheet.crawl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tearsheet.capture.CaptureRequest;
import org.tearsheet.capture.Outcome;
import org.tearsheet.config.JobConfig;
import org.tearsheet.discover.DiscoveredUrl;
import org.tearsheet.state.StateStore;
import org.tearsheet.state.UrlState;

/**
 * Decides what a run captures, in order: URLs no earlier attempt durably finished (new, interrupted or failed,
 * oldest first — this is how a killed run resumes), truncated captures waiting for changed credentials, then
 * rediscovered articles due for recapture under the job's policy; capped at {@code max_articles}.
 */
final class WorkPlan {

    /** A URL that never got captured is retried on this many runs, then left alone (it stays in state as failed). */
    static final int MAX_FAILED_ATTEMPTS = 5;

    /** One capture to make; {@code canonical} is its state key. */
    record Item(String canonical, CaptureRequest request) {
        boolean conditional() {
            return request.previous() != null
                    && (request.previous().etag() != null || request.previous().lastModified() != null);
        }
    }

    private WorkPlan() {
    }

    static List<Item> plan(JobConfig job, List<DiscoveredUrl> discovered, StateStore store, CredentialFingerprints credentials,
                           Instant now) {
        CaptureRequest.TruncatedPolicy truncated =
                CaptureRequest.TruncatedPolicy.valueOf(job.onTruncated().toUpperCase(Locale.ROOT));
        Map<String, UrlState> chosen = new LinkedHashMap<>();
        for (UrlState s : store.unfinished(job.name())) {
            // a failed recapture of an archived article is always retried; a URL never captured gives up after a few runs
            if (s.lastOutcome() != Outcome.FAILED || s.hasFullCapture() || s.attempts() < MAX_FAILED_ATTEMPTS) {
                chosen.putIfAbsent(s.canonical(), s);
            }
        }
        if (truncated == CaptureRequest.TruncatedPolicy.RETRY_LATER) {
            for (UrlState s : store.awaitingCredentials(job.name())) {
                if (!s.retryFingerprint().equals(credentials.fingerprint(s.url()))) {
                    chosen.putIfAbsent(s.canonical(), s);
                }
            }
        }
        List<String> keys = discovered.stream().map(DiscoveredUrl::canonical).toList();
        for (UrlState s : store.find(job.name(), keys).values()) {
            if (dueForRecapture(job.recapture(), s, now)) {
                chosen.putIfAbsent(s.canonical(), s);
            }
        }
        List<Item> items = new ArrayList<>();
        for (UrlState s : chosen.values()) {
            if (items.size() >= job.maxArticles()) {
                break;
            }
            items.add(new Item(s.canonical(), new CaptureRequest(s.url(), s.previousCapture(), job.name(), truncated)));
        }
        return items;
    }

    private static boolean dueForRecapture(JobConfig.Recapture policy, UrlState s, Instant now) {
        if (!s.hasFullCapture() || (s.lastOutcome() != Outcome.CAPTURED && s.lastOutcome() != Outcome.REVISIT)) {
            return false;
        }
        return switch (policy.policy()) {
            case "when_changed" -> true;
            case "after" -> s.lastCapture() == null || !s.lastCapture().plus(policy.after()).isAfter(now);
            default -> false;
        };
    }
}
