package org.tearsheet.record;

import java.nio.file.Path;

/**
 * Told when a WARC file has been fsynced and renamed from {@code *.warc.gz.open} to its final name.
 * The index (CDXJ) and the tamper-evidence manifest hook in here so they stay current as capture runs.
 * Called on the writer's thread; implementations must not throw for ordinary I/O trouble but log it.
 */
@FunctionalInterface
public interface WarcClosedListener {

    void warcClosed(Path closedWarc);
}
