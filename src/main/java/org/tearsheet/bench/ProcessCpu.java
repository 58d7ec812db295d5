package org.tearsheet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU seconds used so far by a set of other processes (e.g. the web server's workers), read from
 * {@code /proc/<pid>/stat} (Linux; clock ticks of 1/100 s). Lets a benchmark show where the machine's CPU went.
 */
public final class ProcessCpu {

    private final List<Long> pids;

    public ProcessCpu(List<Long> pids) {
        this.pids = List.copyOf(pids);
    }

    /** User plus system seconds of all the processes, or -1 when unreadable. */
    public double seconds() {
        double total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // Fields after the command name, which is in parentheses and may hold spaces.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }
}
