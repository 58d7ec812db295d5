package org.tearsheet.config;

import java.nio.file.Path;

/**
 * Where and how WARCs are written.
 *
 * @param dir         output folder (WARCs, sidecars, state.db, manifest, index)
 * @param prefix      WARC file name prefix
 * @param rotateSize  close a WARC and start a new one once it reaches this many bytes
 * @param operator    who runs the crawl (name and contact), written into warcinfo
 * @param gzipLevel   deflate level for each record's gzip member (1 fastest .. 9 smallest); default 3, chosen by
 *                    benchmark (docs/performance.md, Capture): on uncompressed HTML 11% larger than level 6 at 40%
 *                    of its CPU. Already-compressed (gzip-encoded) payloads are stored, whatever the level.
 */
public record ArchiveSettings(Path dir, String prefix, DataSize rotateSize, String operator, Integer gzipLevel) {

    public ArchiveSettings {
        dir = dir == null ? Path.of("archive") : dir;
        prefix = prefix == null ? "tearsheet" : prefix;
        rotateSize = rotateSize == null ? DataSize.ofBytes(1L << 30) : rotateSize;
        operator = operator == null ? "unnamed operator" : operator;
        gzipLevel = gzipLevel == null ? 3 : gzipLevel;
    }

    public static ArchiveSettings defaults() {
        return new ArchiveSettings(null, null, null, null, null);
    }

    public ArchiveSettings withDir(Path newDir) {
        return new ArchiveSettings(newDir, prefix, rotateSize, operator, gzipLevel);
    }
}
