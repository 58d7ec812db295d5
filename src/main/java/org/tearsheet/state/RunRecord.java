package org.tearsheet.state;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.tearsheet.capture.Outcome;

/**
 * One run of a job.
 *
 * @param id          run id
 * @param job         job name
 * @param started     start time
 * @param ended       end time, null while running (or when the run was killed)
 * @param discovered  URLs discovery found in scope
 * @param queued      URLs queued for capture
 * @param conditional of those, requests made conditional by a previous capture
 * @param outcomes    results per outcome
 * @param seedErrors  seeds that could not be read
 * @param exitStatus  process exit code the run reported, null while running
 */
public record RunRecord(long id, String job, Instant started, Instant ended, int discovered, int queued,
                        int conditional, Map<Outcome, Integer> outcomes, int seedErrors, Integer exitStatus) {

    public RunRecord {
        EnumMap<Outcome, Integer> copy = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            copy.put(o, outcomes == null ? 0 : outcomes.getOrDefault(o, 0));
        }
        outcomes = java.util.Collections.unmodifiableMap(copy);
    }

    /** Results of any outcome. */
    public int finished() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }
}
