package org.tearsheet.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;
import org.tearsheet.record.RotatingWarcWriter;

/**
 * Writes {@code <warc name>.text.jsonl.gz} next to each WARC: one {@link SidecarEntry} per line, gzip-compressed.
 * Follows the WARC's life: created with the first line, written as {@code .open}, and finished, fsynced and renamed
 * just before its WARC is closed, so a closed WARC always has a complete sidecar (or none, if it holds no article).
 * Not thread-safe on its own: the WARC writer calls it under its lock.
 */
public final class SidecarWriter implements RotatingWarcWriter.FileLifecycle {

    /** Suffix appended to the WARC file name. */
    public static final String SUFFIX = ".text.jsonl.gz";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private String warcName;
    private Path openPath;
    private FileOutputStream file;
    private GZIPOutputStream out;

    public SidecarWriter(Path dir) {
        this.dir = dir;
    }

    /** The sidecar file name for a WARC file name. */
    public static String nameFor(String warcName) {
        return warcName + SUFFIX;
    }

    @Override
    public void opened(String warcName) {
        this.warcName = warcName;
    }

    /** Appends one line to the sidecar of {@code warcName} (the WARC the entry's record was written to). */
    public void append(String warcName, SidecarEntry entry) throws IOException {
        if (!warcName.equals(this.warcName)) {
            throw new IllegalStateException("sidecar for " + warcName + " is not open (current: " + this.warcName + ")");
        }
        if (out == null) {
            openPath = dir.resolve(nameFor(warcName) + ".open");
            file = new FileOutputStream(openPath.toFile());
            out = new GZIPOutputStream(new BufferedOutputStream(file, 65536), 65536);
        }
        out.write(json.writeValueAsBytes(entry));
        out.write('\n');
    }

    @Override
    public void closing(String warcName) throws IOException {
        if (out != null) {
            try {
                out.finish();
                out.flush();
                file.getFD().sync();
            } finally {
                out.close();
            }
            Files.move(openPath, dir.resolve(nameFor(warcName)), StandardCopyOption.ATOMIC_MOVE);
        }
        out = null;
        file = null;
        openPath = null;
        this.warcName = null;
    }
}
