package org.tearsheet.verify;

import java.util.List;

/**
 * Result of verifying an archive folder.
 *
 * @param warcs           closed WARC files read
 * @param records         WARC records read
 * @param digestsChecked  block and payload digests recomputed
 * @param sidecarLines    sidecar lines checked
 * @param indexEntries    index lines checked
 * @param manifestEntries manifest entries checked
 * @param latestChainHash hash of the last manifest entry (the value to anchor externally), null without manifest
 * @param problems        everything found wrong; empty means the archive verified
 */
public record VerificationReport(int warcs, long records, long digestsChecked, long sidecarLines, long indexEntries,
                                 long manifestEntries, String latestChainHash, List<Problem> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
