package org.tearsheet.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void firesOnAQuartzSecondsScheduleUntilStoppedAndWaitsForTheRunningJob() throws Exception {
        Scheduler scheduler = new Scheduler(Map.of("fast", CronSchedule.parse("* * * * * ?", "UTC")), Clock.systemUTC());
        List<Instant> firings = new CopyOnWriteArrayList<>();
        CountDownLatch threeFirings = new CountDownLatch(3);
        List<String> finished = new CopyOnWriteArrayList<>();
        StopSignal stop = new StopSignal();
        Thread daemon = new Thread(() -> {
            try {
                scheduler.run(job -> {
                    firings.add(Instant.now());
                    threeFirings.countDown();
                    if (threeFirings.getCount() == 0) {
                        stop.request();
                        Thread.sleep(300); // a run still winding down when the stop comes
                        finished.add(job);
                    }
                }, stop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        daemon.start();
        assertThat(threeFirings.await(10, TimeUnit.SECONDS)).isTrue();
        daemon.join(5_000);
        assertThat(daemon.isAlive()).isFalse();
        assertThat(finished).containsExactly("fast"); // run() returned only after the running job finished
        assertThat(firings).hasSize(3);
        // one firing per second boundary
        assertThat(Duration.between(firings.get(0), firings.get(2))).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2600));
    }

    @Test
    void aFiringWhileTheJobStillRunsIsSkipped() throws Exception {
        Scheduler scheduler = new Scheduler(Map.of("slow", CronSchedule.parse("* * * * * ?", "UTC")), Clock.systemUTC());
        List<Instant> firings = new CopyOnWriteArrayList<>();
        StopSignal stop = new StopSignal();
        Thread daemon = new Thread(() -> {
            try {
                scheduler.run(job -> {
                    firings.add(Instant.now());
                    Thread.sleep(2_500);
                }, stop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        daemon.start();
        Thread.sleep(3_200);
        stop.request();
        daemon.join(5_000);
        assertThat(firings).hasSizeBetween(1, 2);
        if (firings.size() == 2) {
            assertThat(Duration.between(firings.get(0), firings.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(2_400));
        }
    }
}
