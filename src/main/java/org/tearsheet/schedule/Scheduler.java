package org.tearsheet.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires jobs on their cron schedules until stopped. Each job runs on its own thread, so a slow job does not
 * delay the others; a firing that comes while the same job is still running is skipped (and logged), never
 * queued. On stop, no new runs start and running ones are waited for (they see the same stop signal and wind
 * down after their captures in flight).
 */
public final class Scheduler {

    /** Runs one job to completion on the calling thread. */
    @FunctionalInterface
    public interface JobTrigger {
        void fire(String job) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final Map<String, CronSchedule> schedules;
    private final Clock clock;

    public Scheduler(Map<String, CronSchedule> schedules, Clock clock) {
        this.schedules = new LinkedHashMap<>(schedules);
        this.clock = clock;
    }

    /** The next firing of each job after {@code now} (jobs whose schedule never fires again are absent). */
    public Map<String, Instant> nextFirings(Instant now) {
        Map<String, Instant> next = new LinkedHashMap<>();
        schedules.forEach((job, s) -> s.nextAfter(now).ifPresent(t -> next.put(job, t)));
        return next;
    }

    /** Fires jobs until {@code stop} is requested, then waits for running jobs and returns. */
    public void run(JobTrigger trigger, StopSignal stop) throws InterruptedException {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scheduled-job");
            t.setDaemon(false);
            return t;
        });
        Set<String> running = ConcurrentHashMap.newKeySet();
        Map<String, Instant> next = new HashMap<>(nextFirings(clock.instant()));
        next.forEach((job, at) -> LOG.info("job {}: next run at {} ({})", job, at, schedules.get(job)));
        try {
            while (!stop.isRequested() && !next.isEmpty()) {
                Instant now = clock.instant();
                Instant earliest = next.values().stream().min(Instant::compareTo).orElseThrow();
                if (earliest.isAfter(now)) {
                    if (stop.await(Duration.between(now, earliest))) {
                        break;
                    }
                    continue;
                }
                for (Map.Entry<String, Instant> e : Map.copyOf(next).entrySet()) {
                    if (e.getValue().isAfter(now)) {
                        continue;
                    }
                    String job = e.getKey();
                    if (running.add(job)) {
                        pool.execute(() -> {
                            try {
                                trigger.fire(job);
                            } catch (Exception ex) {
                                LOG.error("job {}: run failed: {}", job, ex.toString());
                            } finally {
                                running.remove(job);
                            }
                        });
                    } else {
                        LOG.warn("job {}: still running at its next firing; skipping this one", job);
                    }
                    // computed from now, so a long pause (or a suspended machine) never fires a backlog of runs
                    schedules.get(job).nextAfter(now).ifPresentOrElse(t -> next.put(job, t), () -> next.remove(job));
                }
            }
        } finally {
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.info("waiting for running jobs to finish: {}", running);
            }
        }
    }
}
