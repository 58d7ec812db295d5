package org.tearsheet.capture;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tallies a run's {@link CaptureResult}s for the command-line summary. A URL counts as failed when it was not
 * captured (failed or robots-denied) or when the final response was an HTTP error (4xx/5xx): the WARC then holds
 * the error faithfully, but not the article that was asked for.
 */
public final class CaptureSummary {

    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final List<CaptureResult> problems = new ArrayList<>();
    private int total;

    /** Adds one result. */
    public synchronized void add(CaptureResult r) {
        total++;
        counts.merge(r.outcome(), 1, Integer::sum);
        if (isFailure(r)) {
            problems.add(r);
        }
    }

    /** Adds many results. */
    public CaptureSummary addAll(List<CaptureResult> results) {
        results.forEach(this::add);
        return this;
    }

    /** Whether {@code r} counts as a failure for the exit code. */
    public static boolean isFailure(CaptureResult r) {
        return r.outcome() == Outcome.FAILED || r.outcome() == Outcome.ROBOTS_DENIED
                || ((r.outcome() == Outcome.CAPTURED) && r.status() >= 400);
    }

    /** URLs that failed. */
    public synchronized List<CaptureResult> failures() {
        return List.copyOf(problems);
    }

    public synchronized int total() {
        return total;
    }

    public synchronized int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** One line per outcome that occurred, then one line per failure with its reason. */
    public synchronized void print(PrintWriter out) {
        StringBuilder line = new StringBuilder().append(total).append(total == 1 ? " URL: " : " URLs: ");
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            if (counts.containsKey(o)) {
                parts.add(counts.get(o) + " " + o.wireName());
            }
        }
        out.println(line.append(String.join(", ", parts)));
        if (!problems.isEmpty()) {
            out.println(problems.size() + " failed:");
            for (CaptureResult r : problems) {
                String why = r.error() != null ? r.error() : "HTTP " + r.status();
                out.println("  " + r.requestedUrl() + "  " + r.outcome().wireName()
                        + (r.status() > 0 ? " (HTTP " + r.status() + ")" : "") + ": " + why);
            }
        }
        out.flush();
    }
}
