package org.tearsheet.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tearsheet.testing.NewsSite;
import org.tearsheet.testing.SiteCapture;
import org.tearsheet.verify.ArchiveVerifier;

/**
 * Not a test: writes the sample archive the documentation screenshots are taken from (scripts/screenshots.sh runs it
 * with {@code -Dtearsheet.docs.archive=DIR}). Captures the local {@link NewsSite} with the real capture service.
 * Skipped in ordinary test runs.
 */
class DocsArchiveGenerator {

    @Test
    void writeSampleArchive() throws Exception {
        String target = System.getProperty("tearsheet.docs.archive");
        Assumptions.assumeTrue(target != null && !target.isBlank(), "only run by scripts/screenshots.sh");
        Path dir = Path.of(target);
        try (NewsSite site = NewsSite.start()) {
            SiteCapture.captureAll(site, dir);
        }
        assertThat(ArchiveVerifier.verify(dir).problems()).isEmpty();
    }
}
