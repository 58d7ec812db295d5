package org.tearsheet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples used heap every few milliseconds on a daemon thread: the peak, and per progress decile the lowest value
 * seen (an approximation of the live set after young collections) — flat deciles mean no leak per page.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final long[] decileMin = new long[10];
    private volatile int decile;
    private volatile boolean running = true;
    private long peak;

    HeapSampler() {
        java.util.Arrays.fill(decileMin, Long.MAX_VALUE);
        thread = new Thread(this::loop, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            synchronized (this) {
                peak = Math.max(peak, used);
                int d = Math.min(9, decile);
                decileMin[d] = Math.min(decileMin[d], used);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Tells the sampler how far the run is. */
    void progress(int done, int total) {
        decile = total == 0 ? 0 : (int) ((long) done * 10 / total);
    }

    synchronized long peak() {
        return peak;
    }

    /** Lowest used heap per decile of progress, in MiB (deciles never reached are left out). */
    synchronized List<Long> decileFloorsMiB() {
        List<Long> out = new ArrayList<>();
        for (long v : decileMin) {
            if (v != Long.MAX_VALUE) {
                out.add(v >> 20);
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
