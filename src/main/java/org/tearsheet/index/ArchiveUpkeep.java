package org.tearsheet.index;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.record.WarcClosedListener;
import org.tearsheet.verify.Manifest;
import org.tearsheet.verify.ManifestEntry;

/**
 * Keeps an archive folder's manifest hash chain and CDXJ index current while capture runs: wire
 * {@link #listener(Path)} into the capture service and every WARC that closes is chained into {@code manifest.jsonl}
 * and its records are added to {@code index.cdxj}.
 */
public final class ArchiveUpkeep {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveUpkeep.class);

    private ArchiveUpkeep() {
    }

    /**
     * A thread-safe listener for {@code archiveDir}. It never throws: I/O trouble is logged, and anything left out of
     * the index is picked up by the next {@code tearsheet index}; a WARC missing from the manifest is reported by
     * {@code tearsheet verify}.
     */
    public static WarcClosedListener listener(Path archiveDir) {
        Manifest manifest = Manifest.of(archiveDir);
        CdxjIndex index = CdxjIndex.of(archiveDir);
        return closedWarc -> {
            try {
                ManifestEntry e = manifest.append(closedWarc);
                LOG.debug("manifest #{} {} {}", e.seq(), e.file(), e.hash());
            } catch (IOException | RuntimeException e) {
                LOG.error("could not add {} to the manifest: {}", closedWarc.getFileName(), e.toString());
            }
            try {
                CdxjIndex.UpdateResult r = index.update();
                r.warnings().forEach(w -> LOG.warn("index: {}", w));
            } catch (IOException | RuntimeException e) {
                LOG.error("could not index {}: {}", closedWarc.getFileName(), e.toString());
            }
        };
    }
}
