package org.tearsheet.bench;

/**
 * What one capture run cost and achieved.
 *
 * @param tool          who captured ("tearsheet", "wget")
 * @param pages         URLs attempted
 * @param captured      URLs whose final response was recorded with status 200
 * @param seconds       wall-clock seconds
 * @param cpuSeconds    process CPU seconds (user + system)
 * @param payloadBytes  HTTP payload bytes recorded in response records (as received on the wire)
 * @param warcBytes     size of the WARC files written
 * @param peakHeapBytes sampled peak of used heap (-1 when not measured, e.g. for wget)
 * @param serverCpuSeconds CPU seconds the web server spent during the run (-1 when not measured)
 */
public record RunFigures(String tool, int pages, int captured, double seconds, double cpuSeconds, long payloadBytes,
                         long warcBytes, long peakHeapBytes, double serverCpuSeconds) {

    /** The same figures with the server's CPU time filled in. */
    public RunFigures withServerCpu(double seconds) {
        return new RunFigures(tool, pages, captured, this.seconds, cpuSeconds, payloadBytes, warcBytes, peakHeapBytes,
                seconds);
    }

    public double pagesPerSecond() {
        return seconds > 0 ? captured / seconds : 0;
    }

    /** Payload megabytes (10^6) per second, as received on the wire. */
    public double megabytesPerSecond() {
        return seconds > 0 ? payloadBytes / 1e6 / seconds : 0;
    }
}
