package org.tearsheet.crawl;

import org.tearsheet.capture.CaptureService;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.paywall.PaywallDetectors;

/**
 * Makes the capture service builder for a job run: where the paywall detector, the credential interceptor and
 * index/manifest listeners are plugged in. The job runner adds its own WARC-closed listener and builds it.
 */
@FunctionalInterface
public interface CaptureSetup {

    CaptureService.Builder builder(TearsheetConfig config);

    /** Capture with the defaults of {@link CaptureService#builder} and the standard paywall detector with the configured rules. */
    static CaptureSetup standard() {
        return config -> CaptureService.builder(config).paywallDetector(PaywallDetectors.standard(config.paywall()));
    }
}
