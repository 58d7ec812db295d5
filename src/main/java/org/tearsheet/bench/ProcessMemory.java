package org.tearsheet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident set size of this process from Linux's /proc (VmHWM); -1 where /proc is not available. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static long peakRssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Resets VmHWM to the current RSS (writing 5 to clear_refs), so the next reading covers only what follows. */
    static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or not permitted: the peak then covers the whole process
        }
    }
}
