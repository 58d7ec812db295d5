package org.tearsheet.schedule;

import java.time.Duration;

/**
 * Asks running jobs to stop gracefully: captures in flight finish and are recorded, no new ones start, WARCs
 * are closed. Set from a signal handler (SIGTERM, Ctrl-C); also lets the scheduler sleep until the next firing.
 */
public final class StopSignal {

    private boolean requested;

    /** Requests the stop and wakes every waiter. */
    public synchronized void request() {
        requested = true;
        notifyAll();
    }

    public synchronized boolean isRequested() {
        return requested;
    }

    /** Sleeps for {@code duration} or until a stop is requested; returns whether a stop was requested. */
    public synchronized boolean await(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (!requested) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return requested;
    }
}
