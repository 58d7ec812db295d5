package org.tearsheet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.SidecarFiles;
import org.tearsheet.sidecar.SidecarEntry;

/**
 * Merges the archive's sidecars into one JSON-lines file for corpus work: the sidecar lines themselves (same
 * fields), filtered, in archive order. Written to a temporary file and moved into place, so a failed export leaves
 * no half file.
 */
public final class TextExporter {

    /** What an export wrote. */
    public record Result(long articles, long skippedLines, long bytes) {
    }

    private TextExporter() {
    }

    public static Result export(Path archiveDir, CaptureFilter filter, Path out) throws IOException {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        long[] counts = new long[2];
        try (OutputStream os = Files.newOutputStream(tmp)) {
            for (Path sidecar : ArchiveFiles.sidecars(archiveDir)) {
                SidecarFiles.forEachLine(sidecar, (n, raw) -> {
                    SidecarEntry e;
                    try {
                        e = SidecarFiles.parse(raw);
                    } catch (IllegalArgumentException ex) {
                        counts[1]++;
                        return;
                    }
                    if (filter.accepts(e)) {
                        os.write(SidecarFiles.toJson(e).getBytes(StandardCharsets.UTF_8));
                        os.write('\n');
                        counts[0]++;
                    }
                });
            }
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(counts[0], counts[1], Files.size(out));
    }
}
