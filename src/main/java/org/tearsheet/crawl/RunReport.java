package org.tearsheet.crawl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tearsheet.capture.Outcome;

/**
 * What one run of a job did.
 *
 * @param job                 job name
 * @param runId               id in the state store
 * @param discovered          in-scope URLs discovery found
 * @param queued              URLs queued for capture (new, unfinished, due for recapture)
 * @param conditional         of those, requests sent with validators from a previous capture
 * @param outcomes            results per outcome
 * @param seedErrors          seeds that could not be read
 * @param credentialsRejected sites with configured access whose every capture this run was rejected
 * @param stoppedEarly        a stop was requested before the queue was done (the rest waits for the next run)
 * @param elapsed             wall time of the run
 */
public record RunReport(String job, long runId, int discovered, int queued, int conditional,
                        Map<Outcome, Integer> outcomes, List<String> seedErrors, List<String> credentialsRejected,
                        boolean stoppedEarly, Duration elapsed) {

    /** How a run ended, with the process exit code it maps to (the values of {@code cli.ExitCodes}). */
    public enum Status {
        OK(0), SOME_FAILED(1), CREDENTIALS_REJECTED(3);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public RunReport {
        outcomes = Map.copyOf(outcomes);
        seedErrors = List.copyOf(seedErrors);
        credentialsRejected = List.copyOf(credentialsRejected);
    }

    /** Credentials rejected wins over failures: the operator must renew a login before anything else helps. */
    public Status status() {
        if (!credentialsRejected.isEmpty()) {
            return Status.CREDENTIALS_REJECTED;
        }
        return count(Outcome.FAILED) > 0 || !seedErrors.isEmpty() ? Status.SOME_FAILED : Status.OK;
    }

    public int count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /** One line for logs and the terminal. */
    public String summary() {
        StringBuilder sb = new StringBuilder("job ").append(job).append(": discovered ").append(discovered)
                .append(", queued ").append(queued).append(" (").append(conditional).append(" conditional)");
        for (Outcome o : Outcome.values()) {
            sb.append(", ").append(o.wireName()).append(' ').append(count(o));
        }
        if (!seedErrors.isEmpty()) {
            sb.append(", seed errors ").append(seedErrors.size());
        }
        if (!credentialsRejected.isEmpty()) {
            sb.append(", credentials rejected by ").append(String.join(", ", credentialsRejected));
        }
        if (stoppedEarly) {
            sb.append(", stopped early");
        }
        long ms = Math.max(1, elapsed.toMillis());
        int done = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        sb.append(String.format(java.util.Locale.ROOT, " in %.1fs (%.1f articles/s)", ms / 1000.0, done * 1000.0 / ms));
        return sb.toString();
    }
}
