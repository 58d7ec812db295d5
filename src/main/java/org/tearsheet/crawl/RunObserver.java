package org.tearsheet.crawl;

import java.io.PrintStream;
import org.tearsheet.capture.CaptureResult;

/** Follows a job run: discovery done, each capture, the end. Called from capture worker threads. */
public interface RunObserver {

    void discovered(String job, int discovered, int queued, int seedErrors);

    void captured(String job, CaptureResult result, int done, int queued);

    void finished(RunReport report);

    /**
     * A progress line on an interactive terminal ({@code System.console() != null}), else one log line per
     * article and a summary.
     */
    static RunObserver forEnvironment(PrintStream terminal) {
        return System.console() != null ? new TerminalProgress(terminal) : new LogProgress();
    }
}
