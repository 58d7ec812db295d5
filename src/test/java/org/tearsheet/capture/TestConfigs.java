package org.tearsheet.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.tearsheet.config.ArchiveSettings;
import org.tearsheet.config.DataSize;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.TearsheetConfig;

/** Configs for capture tests: fast timeouts and retries, no politeness delay, robots off unless asked. */
final class TestConfigs {

    static TearsheetConfig fast(Path dir) {
        return fast(dir, b -> { });
    }

    static TearsheetConfig fast(Path dir, java.util.function.Consumer<Fetch> tweak) {
        Fetch f = new Fetch();
        tweak.accept(f);
        FetchSettings fetch = new FetchSettings(null, Duration.ofSeconds(2), f.readTimeout, Duration.ofSeconds(20),
                f.maxRedirects, DataSize.ofBytes(f.maxBody), f.retries, Duration.ofMillis(10), Duration.ofSeconds(2),
                f.obeyRobots, Duration.ZERO, 1, 4, false, Map.of());
        ArchiveSettings archive = new ArchiveSettings(dir, "test", DataSize.ofBytes(f.rotateSize), "test operator", 6);
        return TearsheetConfig.defaults().withArchive(archive).withFetch(fetch);
    }

    /** Knobs the tests turn. */
    static final class Fetch {
        Duration readTimeout = Duration.ofSeconds(5);
        int maxRedirects = 10;
        long maxBody = 50L << 20;
        int retries = 2;
        boolean obeyRobots = false;
        long rotateSize = 1L << 30;
    }

    private TestConfigs() {
    }
}
