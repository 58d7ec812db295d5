package org.tearsheet.crawl;

import java.io.PrintStream;
import java.util.Locale;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.Outcome;

/** For an interactive terminal: one self-overwriting progress line (done/queued, rate, errors) per run. */
public final class TerminalProgress implements RunObserver {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private long started;
    private long lastDraw;
    private int errors;

    public TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void discovered(String job, int discovered, int queued, int seedErrors) {
        started = System.nanoTime();
        errors = 0;
        out.printf(Locale.ROOT, "%s: %d discovered, %d queued%s%n", job, discovered, queued,
                seedErrors == 0 ? "" : " (" + seedErrors + " seed(s) unreadable)");
    }

    @Override
    public synchronized void captured(String job, CaptureResult r, int done, int queued) {
        if (r.outcome() == Outcome.FAILED) {
            errors++;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && done < queued) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        int width = 30;
        int filled = queued == 0 ? width : (int) ((long) done * width / queued);
        out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d  %.1f/s  %d error%s ", job, "#".repeat(filled),
                " ".repeat(width - filled), done, queued, done / seconds, errors, errors == 1 ? "" : "s");
        out.flush();
    }

    @Override
    public synchronized void finished(RunReport report) {
        out.println();
        out.println(report.summary());
        report.seedErrors().forEach(e -> out.println("  seed error: " + e));
        out.flush();
    }
}
