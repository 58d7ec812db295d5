package org.tearsheet.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tearsheet.index.ArchiveFiles;

/**
 * The tamper-evidence manifest {@code manifest.jsonl} of an archive folder: one {@link ManifestEntry} per closed
 * WARC, each chained to the previous by hash. Appends are serialised (in this JVM and across processes) by a lock
 * on the manifest file itself and forced to disk before returning.
 */
public final class Manifest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Path dir;
    private final Clock clock;

    private Manifest(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public static Manifest of(Path archiveDir) {
        return new Manifest(archiveDir, Clock.systemUTC());
    }

    public Path file() {
        return dir.resolve(ArchiveFiles.MANIFEST);
    }

    /**
     * Appends the entry for a closed WARC (hashing it and its sidecar) and returns it. A WARC already in the manifest
     * is not added again; its existing entry is returned.
     */
    public ManifestEntry append(Path warc) throws IOException {
        String name = warc.getFileName().toString();
        long size = Files.size(warc);
        String sha = Hashing.sha256Hex(warc);
        Path side = ArchiveFiles.sidecarOf(warc);
        boolean hasSide = Files.isRegularFile(side);
        String sideName = hasSide ? side.getFileName().toString() : null;
        Long sideSize = hasSide ? Files.size(side) : null;
        String sideSha = hasSide ? Hashing.sha256Hex(side) : null;
        Files.createDirectories(dir);
        synchronized (this) {
            try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                FileLock lock = lock(ch);
                try {
                    return appendLocked(ch, name, size, sha, sideName, sideSize, sideSha);
                } finally {
                    lock.release();
                }
            }
        }
    }

    private ManifestEntry appendLocked(FileChannel ch, String name, long size, String sha, String sideName, Long sideSize,
                                       String sideSha) throws IOException {
        String last = lastLine(ch);
        ManifestEntry previous = last == null ? null : parse(last);
        if (previous != null) {
            for (String line : readLinesFrom(ch)) {
                ManifestEntry e = parse(line);
                if (e.file().equals(name)) {
                    return e;
                }
            }
        }
        ManifestEntry entry = new ManifestEntry(previous == null ? 1 : previous.seq() + 1, name, size, sha,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(), sideName, sideSize, sideSha,
                previous == null ? ManifestEntry.GENESIS : previous.hash(), null).sealed();
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        ch.position(ch.size());
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        ch.force(true);
        return entry;
    }

    /** The chain hash of the last entry, the value to anchor externally; null when the manifest is empty. */
    public String latestHash() throws IOException {
        if (!Files.exists(file())) {
            return null;
        }
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return parse(lines.get(i)).hash();
            }
        }
        return null;
    }

    /**
     * Parses one manifest line.
     *
     * @throws IllegalArgumentException when the line is not a manifest entry
     */
    public static ManifestEntry parse(String line) {
        try {
            ManifestEntry e = JSON.readValue(line, ManifestEntry.class);
            if (e.file() == null || e.sha256() == null || e.prev() == null || e.hash() == null) {
                throw new IllegalArgumentException("manifest line lacks file, sha256, prev or hash");
            }
            return e;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("manifest line does not parse: " + e.getOriginalMessage());
        }
    }

    private static List<String> readLinesFrom(FileChannel ch) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(ch.size()));
        ch.read(all, 0);
        return new String(all.array(), 0, all.position(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).toList();
    }

    private static String lastLine(FileChannel ch) throws IOException {
        if (ch.size() == 0) {
            return null;
        }
        List<String> lines = readLinesFrom(ch);
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }

    private static FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                // another Manifest instance in this JVM holds it: wait, it only hashes and appends one line
                if (System.nanoTime() > deadline) {
                    throw new IOException("timed out waiting for the manifest lock", e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for the manifest lock", ie);
                }
            }
        }
    }
}
