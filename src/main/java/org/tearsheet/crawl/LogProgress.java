package org.tearsheet.crawl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.Outcome;

/** For cron, systemd and containers: one log line per article and a summary per run. */
public final class LogProgress implements RunObserver {

    private static final Logger LOG = LoggerFactory.getLogger("crawl");

    @Override
    public void discovered(String job, int discovered, int queued, int seedErrors) {
        LOG.info("job {}: discovered {} in scope, {} queued for capture{}", job, discovered, queued,
                seedErrors == 0 ? "" : ", " + seedErrors + " seed(s) unreadable");
    }

    @Override
    public void captured(String job, CaptureResult r, int done, int queued) {
        String detail = switch (r.outcome()) {
            case CAPTURED -> r.status() + " " + r.warcFile() + (r.title() == null ? "" : " \"" + r.title() + "\"");
            case REVISIT -> "unchanged " + r.warcFile();
            default -> r.error() == null ? "" : r.error();
        };
        String line = "job {}: [{}/{}] {} {} {}";
        if (r.outcome() == Outcome.FAILED) {
            LOG.warn(line, job, done, queued, r.outcome().wireName(), r.requestedUrl(), detail);
        } else {
            LOG.info(line, job, done, queued, r.outcome().wireName(), r.requestedUrl(), detail);
        }
    }

    @Override
    public void finished(RunReport report) {
        LOG.info(report.summary());
        report.seedErrors().forEach(e -> LOG.warn("job {}: {}", report.job(), e));
    }
}
