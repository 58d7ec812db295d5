package org.tearsheet.crawl;

import org.tearsheet.capture.CaptureService;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.index.ArchiveUpkeep;
import org.tearsheet.paywall.PaywallDetectors;

/**
 * Makes the capture service builder for a job run: where the paywall detector and index/manifest listeners are
 * plugged in. The job runner adds the operator's subscriber access and its own WARC-closed listener, and builds it.
 */
@FunctionalInterface
public interface CaptureSetup {

    CaptureService.Builder builder(TearsheetConfig config);

    /**
     * The project's standard capture: the standard paywall detector with the configured rules, and the archive's
     * manifest hash chain and CDXJ index kept current as WARCs close.
     */
    static CaptureSetup standard() {
        return config -> CaptureService.builder(config)
                .paywallDetector(PaywallDetectors.standard(config.paywall()))
                .warcClosedListener(ArchiveUpkeep.listener(config.archive().dir()));
    }
}
