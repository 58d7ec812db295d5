package org.tearsheet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples used heap every few milliseconds on a daemon thread for the peak, and (when asked) measures the live heap
 * (used right after a full collection) each time the run crosses a tenth of its progress: flat values mean memory
 * per page does not accumulate. The ten forced collections cost the run time (tens of ms each), so speed runs leave
 * them out.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final long[] decileLive = new long[11];
    private int decile = -1;
    private volatile boolean running = true;
    private final boolean liveAtTenths;
    private long peak;

    /** @param liveAtTenths whether to force a full GC at each tenth of progress and record the live heap */
    HeapSampler(boolean liveAtTenths) {
        this.liveAtTenths = liveAtTenths;
        java.util.Arrays.fill(decileLive, -1);
        thread = new Thread(this::loop, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            synchronized (this) {
                peak = Math.max(peak, used);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Tells the sampler how far the run is; at each new tenth, forces a full GC and records the live heap. */
    void progress(int done, int total) {
        if (!liveAtTenths) {
            return;
        }
        int d = total == 0 ? 0 : (int) ((long) done * 10 / total);
        synchronized (this) {
            if (d <= decile) {
                return;
            }
            decile = d;
        }
        System.gc();
        long live = memory.getHeapMemoryUsage().getUsed();
        synchronized (this) {
            decileLive[d] = live;
        }
    }

    synchronized long peak() {
        return peak;
    }

    /** Live heap after a full GC at 10%, 20%, ... 100% of progress, in MiB (tenths never reached are left out). */
    synchronized List<Long> decileFloorsMiB() {
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < decileLive.length; i++) {
            if (decileLive[i] >= 0) {
                out.add(decileLive[i] >> 20);
            }
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
