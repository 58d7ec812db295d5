package org.tearsheet.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.tearsheet.config.FetchSettings;

/**
 * Per-host politeness: at most N requests in flight to a host and a minimum gap between request starts.
 * The gap is the configured delay for the host ({@link FetchSettings#forHost}) or the robots.txt Crawl-delay,
 * whichever is larger.
 */
public final class HostGates {

    private final FetchSettings settings;
    private final Function<String, Duration> robotsDelay;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /**
     * @param settings    politeness settings
     * @param robotsDelay Crawl-delay per URL (zero when none)
     */
    public HostGates(FetchSettings settings, Function<String, Duration> robotsDelay) {
        this.settings = settings;
        this.robotsDelay = robotsDelay;
    }

    /** Waits for a slot on {@code host}; the returned permit must be closed when the request is done. */
    public Permit acquire(String host, String url) throws InterruptedException {
        FetchSettings.HostOverride o = settings.forHost(host);
        Gate gate = gates.computeIfAbsent(host, h -> new Gate(Math.max(1, o.concurrency())));
        Duration gap = o.politenessDelay();
        Duration robots = robotsDelay.apply(url);
        if (robots.compareTo(gap) > 0) {
            gap = robots;
        }
        gate.inFlight.acquire();
        try {
            gate.waitTurn(gap.toNanos());
        } catch (InterruptedException e) {
            gate.inFlight.release();
            throw e;
        }
        return gate.inFlight::release;
    }

    /** A held request slot. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Gate {
        final Semaphore inFlight;
        private long nextStartNanos = System.nanoTime();

        Gate(int concurrency) {
            this.inFlight = new Semaphore(concurrency, true);
        }

        /** Reserves the next start time and sleeps until it. */
        void waitTurn(long gapNanos) throws InterruptedException {
            long startAt;
            synchronized (this) {
                long now = System.nanoTime();
                startAt = Math.max(now, nextStartNanos);
                nextStartNanos = startAt + gapNanos;
            }
            long wait = startAt - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
