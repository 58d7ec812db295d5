package org.tearsheet.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.TearsheetConfig;

/** The configuration the demo captures its own site with: embedded defaults, no politeness delay on loopback. */
public final class DemoConfig {

    private DemoConfig() {
    }

    /**
     * The embedded defaults writing to {@code out}, with the politeness delay lifted for 127.0.0.1 only (the demo
     * site is our own process; every other host keeps the default delay).
     */
    public static TearsheetConfig forLoopback(Path out) {
        TearsheetConfig defaults = TearsheetConfig.defaults();
        return defaults.withArchive(defaults.archive().withDir(out))
                .withFetch(withHost(defaults.fetch(), "127.0.0.1", new FetchSettings.HostOverride(Duration.ZERO, 4)));
    }

    /** {@code fetch} with one more per-host override. */
    public static FetchSettings withHost(FetchSettings f, String host, FetchSettings.HostOverride override) {
        Map<String, FetchSettings.HostOverride> hosts = new HashMap<>(f.hosts());
        hosts.put(host, override);
        return new FetchSettings(f.userAgent(), f.connectTimeout(), f.readTimeout(), f.callTimeout(), f.maxRedirects(),
                f.maxBodySize(), f.retries(), f.retryBaseDelay(), f.retryMaxDelay(), f.obeyRobots(),
                f.politenessDelay(), f.perHostConcurrency(), f.globalConcurrency(), f.http2(), hosts);
    }
}
