package org.tearsheet.index;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sorted CDXJ index ({@code index.cdxj}) of an archive folder. {@link #update()} reads only WARCs not yet
 * listed in {@code index.state.tsv} and merges their entries into the sorted file, which is replaced atomically so
 * readers (the replay server) never see half an index. Writers in this and other processes are serialised by a
 * file lock.
 */
public final class CdxjIndex {

    /** What an {@link #update()} did. */
    public record UpdateResult(int filesIndexed, int entriesAdded, long totalEntries, List<String> warnings) {
    }

    private final Path dir;

    private CdxjIndex(Path dir) {
        this.dir = dir;
    }

    /** The index of the archive folder {@code dir} (nothing is read or written yet). */
    public static CdxjIndex of(Path dir) {
        return new CdxjIndex(dir);
    }

    public Path file() {
        return dir.resolve(ArchiveFiles.INDEX);
    }

    /**
     * Indexes every closed WARC that is not in the index yet. A WARC that cannot be read to its end is reported in
     * the warnings and left out (so a later run tries again); the entries of the other files are still added.
     */
    public UpdateResult update() throws IOException {
        Files.createDirectories(dir);
        try (FileChannel lockChannel = FileChannel.open(dir.resolve(ArchiveFiles.INDEX + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lock(lockChannel);
            try {
                return updateLocked();
            } finally {
                lock.release();
            }
        }
    }

    private UpdateResult updateLocked() throws IOException {
        Map<String, Long> state = readState();
        if (!Files.exists(file()) && !state.isEmpty()) {
            // the index was deleted: its state no longer describes anything, start over
            Files.delete(dir.resolve(ArchiveFiles.INDEX_STATE));
            state.clear();
        }
        List<String> warnings = new ArrayList<>();
        List<String> newLines = new ArrayList<>();
        Map<String, Long> done = new LinkedHashMap<>();
        for (Path warc : ArchiveFiles.warcs(dir)) {
            String name = warc.getFileName().toString();
            if (state.containsKey(name)) {
                continue;
            }
            try {
                long size = Files.size(warc);
                for (CdxjEntry e : WarcIndexer.index(warc, warnings::add)) {
                    newLines.add(e.toLine());
                }
                done.put(name, size);
            } catch (IOException | RuntimeException e) {
                warnings.add(name + ": not indexed, cannot be read to its end: " + e);
            }
        }
        long total = newLines.size();
        if (!newLines.isEmpty()) {
            Collections.sort(newLines);
            total = mergeInto(newLines);
        } else if (Files.exists(file())) {
            total = countLines(file());
        }
        if (!done.isEmpty()) {
            appendState(done);
        }
        return new UpdateResult(done.size(), newLines.size(), total, warnings);
    }

    /**
     * The entries of one WARC read directly from the file (not from the index), in file order.
     *
     * @throws IOException when the file cannot be read to its end
     */
    public static List<CdxjEntry> entriesOf(Path warc, java.util.function.Consumer<String> warnings) throws IOException {
        return WarcIndexer.index(warc, warnings);
    }

    /**
     * The entries of one SURT key, in index order (oldest first), found by binary search in the sorted file, so a
     * lookup reads a few pages of the index however large it is.
     */
    public List<CdxjEntry> lookup(String urlKey) throws IOException {
        byte[] prefix = (urlKey + " ").getBytes(StandardCharsets.UTF_8);
        List<CdxjEntry> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.READ)) {
            long size = ch.size();
            long lo = 0;
            long hi = size;
            // invariant: the first line >= prefix starts at lineStart(lo) or later, and at lineStart(hi) or earlier
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                long start = lineStart(ch, mid, size);
                if (start >= size) {
                    hi = mid;
                    continue;
                }
                byte[] line = lineAt(ch, start, size);
                if (compare(line, prefix) < 0) {
                    lo = start + line.length + 1;
                } else {
                    hi = mid;
                }
            }
            long pos = lineStart(ch, lo, size);
            while (pos < size) {
                byte[] line = lineAt(ch, pos, size);
                if (!startsWith(line, prefix)) {
                    break;
                }
                try {
                    out.add(CdxjEntry.parse(new String(line, StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException e) {
                    // a damaged line is skipped here; verify names it
                }
                pos += line.length + 1;
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return out;
    }

    /** Start of the first line beginning at or after {@code pos}. */
    private static long lineStart(FileChannel ch, long pos, long size) throws IOException {
        if (pos == 0) {
            return 0;
        }
        ByteBuffer buf = ByteBuffer.allocate(4096);
        long p = pos - 1;
        while (p < size) {
            buf.clear();
            int n = ch.read(buf, p);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return p + i + 1;
                }
            }
            p += n;
        }
        return size;
    }

    /** The bytes of the line starting at {@code start}, without its newline. */
    private static byte[] lineAt(FileChannel ch, long start, long size) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(512);
        ByteBuffer buf = ByteBuffer.allocate(4096);
        long p = start;
        while (p < size) {
            buf.clear();
            int n = ch.read(buf, p);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    out.write(buf.array(), 0, i);
                    return out.toByteArray();
                }
            }
            out.write(buf.array(), 0, n);
            p += n;
        }
        return out.toByteArray();
    }

    private static int compare(byte[] line, byte[] prefix) {
        int n = Math.min(line.length, prefix.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(line[i] & 0xff, prefix[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return line.length >= prefix.length ? 0 : -1;
    }

    private static boolean startsWith(byte[] line, byte[] prefix) {
        return line.length >= prefix.length && compare(line, prefix) == 0;
    }

    /** All entries in index order. Lines that do not parse are skipped (verify reports them). */
    public List<CdxjEntry> readAll() throws IOException {
        List<CdxjEntry> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("!")) {
                    continue;
                }
                try {
                    out.add(CdxjEntry.parse(line));
                } catch (IllegalArgumentException e) {
                    // skipped on purpose: readers keep working on a damaged index; verify names the line
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return out;
    }

    /** WARC names already indexed (from the index state file). */
    public Map<String, Long> indexedFiles() throws IOException {
        return readState();
    }

    private long mergeInto(List<String> sortedNew) throws IOException {
        Path tmp = dir.resolve(ArchiveFiles.INDEX + ".tmp");
        long count = 0;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            int i = 0;
            if (Files.exists(file())) {
                try (BufferedReader r = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
                    for (String old = r.readLine(); old != null; old = r.readLine()) {
                        if (old.isEmpty()) {
                            continue;
                        }
                        while (i < sortedNew.size() && sortedNew.get(i).compareTo(old) < 0) {
                            w.write(sortedNew.get(i++));
                            w.write('\n');
                            count++;
                        }
                        w.write(old);
                        w.write('\n');
                        count++;
                    }
                }
            }
            while (i < sortedNew.size()) {
                w.write(sortedNew.get(i++));
                w.write('\n');
                count++;
            }
        }
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return count;
    }

    private Map<String, Long> readState() throws IOException {
        Map<String, Long> state = new LinkedHashMap<>();
        Path p = dir.resolve(ArchiveFiles.INDEX_STATE);
        if (!Files.exists(p)) {
            return state;
        }
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                try {
                    state.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1).trim()));
                } catch (NumberFormatException e) {
                    state.put(line.substring(0, tab), -1L);
                }
            }
        }
        return state;
    }

    private void appendState(Map<String, Long> done) throws IOException {
        StringBuilder sb = new StringBuilder();
        done.forEach((name, size) -> sb.append(name).append('\t').append(size).append('\n'));
        try (FileChannel c = FileChannel.open(dir.resolve(ArchiveFiles.INDEX_STATE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            c.write(StandardCharsets.UTF_8.encode(sb.toString()));
            c.force(true);
        }
    }

    private static long countLines(Path p) throws IOException {
        try (var lines = Files.lines(p, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isEmpty()).count();
        }
    }

    /** Takes the writer lock; another thread of this JVM holding it shows up as an overlap, so wait and retry. */
    static FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("timed out waiting for the lock on " + channel, e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for a file lock", ie);
                }
            }
        }
    }
}
