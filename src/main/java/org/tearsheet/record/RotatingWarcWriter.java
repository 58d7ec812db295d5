package org.tearsheet.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.Warcinfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends batches of gzip-member records to a series of WARC files in one folder. Each file starts with a warcinfo
 * record, is written as {@code *.warc.gz.open}, and on rotation or {@link #close()} is fsynced, renamed to its final
 * name (atomically) and announced to the {@link WarcClosedListener}s. A batch (all records of one URL) always
 * lands contiguously in one file. Thread-safe: appends are serialized, encoding is not.
 */
public final class RotatingWarcWriter implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(RotatingWarcWriter.class);

    private final Path dir;
    private final String prefix;
    private final long rotateSize;
    private final int gzipLevel;
    private final String host;
    private final Map<String, List<String>> warcinfoFields;
    private final List<WarcClosedListener> listeners;
    private final FileLifecycle lifecycle;
    private final GzipCompressors compressors = new GzipCompressors();

    private int serial;
    private Path openPath;
    private String currentName;
    private FileChannel channel;
    private long batches;
    private boolean closed;
    private final List<Path> closedFiles = new ArrayList<>();

    private RotatingWarcWriter(Builder b) {
        this.dir = b.dir;
        this.prefix = b.prefix;
        this.rotateSize = b.rotateSize;
        this.gzipLevel = b.gzipLevel;
        this.host = b.host;
        this.warcinfoFields = b.warcinfoFields;
        this.listeners = List.copyOf(b.listeners);
        this.lifecycle = b.lifecycle;
    }

    /** A writer into {@code dir}. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** Serializes {@code record} as one gzip member at the configured level (call outside any lock). */
    public EncodedRecord encode(WarcRecord record) throws IOException {
        return encode(record, false);
    }

    /**
     * Serializes {@code record} as one gzip member (call outside any lock).
     *
     * @param precompressed the record's payload is already compressed: store it instead of deflating it again
     */
    public EncodedRecord encode(WarcRecord record, boolean precompressed) throws IOException {
        return new EncodedRecord(record.id(), record.type(), GzipMembers.encode(record, gzipLevel, precompressed, compressors));
    }

    /**
     * Appends {@code records} contiguously to the current file (rotating first when they would push it past the
     * rotation size), then calls {@code whileLocked} with where they landed, before any other batch is appended.
     * The encoded records are closed afterwards, whatever happens.
     */
    public synchronized Placement append(List<EncodedRecord> records, BatchCallback whileLocked) throws IOException {
        try {
            if (closed) {
                throw new IOException("WARC writer is closed");
            }
            long batchSize = 0;
            for (EncodedRecord r : records) {
                batchSize += r.member().size();
            }
            if (channel != null && batches > 0 && channel.size() + batchSize > rotateSize) {
                closeCurrent();
            }
            if (channel == null) {
                openNext();
            }
            long start = channel.position();
            try {
                long[] offsets = new long[records.size()];
                java.nio.ByteBuffer[] heap = new java.nio.ByteBuffer[records.size()];
                boolean allOnHeap = true;
                long at = start;
                for (int i = 0; i < records.size(); i++) {
                    offsets[i] = at;
                    at += records.get(i).member().size();
                    heap[i] = records.get(i).member().asByteBuffer();
                    allOnHeap &= heap[i] != null;
                }
                if (allOnHeap) {
                    // One gathering write per URL: system calls are the expensive part under some sandboxes.
                    while (channel.position() < at) {
                        channel.write(heap);
                    }
                } else {
                    for (EncodedRecord r : records) {
                        r.member().copyTo(channel);
                    }
                }
                Placement placement = new Placement(currentName, offsets);
                if (whileLocked != null) {
                    whileLocked.written(placement);
                }
                batches++;
                return placement;
            } catch (IOException | RuntimeException e) {
                rollBack(start);
                throw e;
            }
        } finally {
            for (EncodedRecord r : records) {
                r.close();
            }
        }
    }

    /**
     * Undoes a partly written batch so the file never holds half a URL (or half a gzip member). If even that
     * fails (disk gone), the file is abandoned under its {@code .open} name and the next batch starts a new one:
     * a damaged file is never renamed to look complete.
     */
    private void rollBack(long start) {
        try {
            channel.truncate(start);
            channel.position(start);
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot roll back {} to offset {}; leaving it as {} and starting a new file", currentName, start,
                    openPath.getFileName(), e);
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the .open name marks it incomplete
            }
            channel = null;
        }
    }

    /** Files closed (renamed to their final names) so far, oldest first. */
    public synchronized List<Path> closedFiles() {
        return List.copyOf(closedFiles);
    }

    /** Closes the current file: fsync, rename, listeners. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (channel != null) {
                closeCurrent();
            }
        } finally {
            compressors.close();
        }
    }

    private void openNext() throws IOException {
        Files.createDirectories(dir);
        Instant now = Instant.now();
        String name;
        do {
            name = WarcFileName.of(prefix, now, serial++, host);
        } while (Files.exists(dir.resolve(name)) || Files.exists(dir.resolve(name + WarcFileName.OPEN_SUFFIX)));
        currentName = name;
        openPath = dir.resolve(name + WarcFileName.OPEN_SUFFIX);
        channel = FileChannel.open(openPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        batches = 0;
        StringBuilder text = new StringBuilder();
        warcinfoFields.forEach((k, values) -> values.forEach(v -> text.append(k).append(": ").append(v).append("\r\n")));
        byte[] fields = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Warcinfo info = new Warcinfo.Builder()
                .version(MessageVersion.WARC_1_1)
                .date(now)
                .filename(name)
                .body(org.netpreserve.jwarc.MediaType.WARC_FIELDS, fields)
                .blockDigest(new WarcDigest("sha1", ExchangeRecords.sha1().digest(fields)))
                .build();
        try (EncodedRecord encoded = encode(info, false)) {
            encoded.member().copyTo(channel);
        }
        if (lifecycle != null) {
            lifecycle.opened(name);
        }
    }

    private void closeCurrent() throws IOException {
        String name = currentName;
        try {
            if (lifecycle != null) {
                lifecycle.closing(name);
            }
            channel.force(true);
        } finally {
            channel.close();
            channel = null;
        }
        Path finalPath = dir.resolve(name);
        Files.move(openPath, finalPath, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        closedFiles.add(finalPath);
        for (WarcClosedListener l : listeners) {
            try {
                l.warcClosed(finalPath);
            } catch (RuntimeException e) {
                LOG.warn("WARC-closed listener failed for {}: {}", finalPath, e.toString());
            }
        }
    }

    /** Makes the rename durable; not every platform can open a directory, which is fine. */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    /** Where a batch was written. */
    public record Placement(String warcFile, long[] offsets) {
    }

    /** Called with a batch's placement while the writer still holds its lock (e.g. to write the sidecar line). */
    @FunctionalInterface
    public interface BatchCallback {
        void written(Placement placement) throws IOException;
    }

    /** Told when a file is opened and just before it is closed (sidecar files follow the WARC's life). */
    public interface FileLifecycle {
        void opened(String warcName) throws IOException;

        void closing(String warcName) throws IOException;
    }

    /** Configures a {@link RotatingWarcWriter}. */
    public static final class Builder {
        private final Path dir;
        private String prefix = "tearsheet";
        private long rotateSize = 1L << 30;
        private int gzipLevel = 6;
        private String host = WarcFileName.localHost();
        private Map<String, List<String>> warcinfoFields = new LinkedHashMap<>();
        private final List<WarcClosedListener> listeners = new ArrayList<>();
        private FileLifecycle lifecycle;

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir);
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder rotateSize(long bytes) {
            this.rotateSize = bytes;
            return this;
        }

        public Builder gzipLevel(int level) {
            if (level < 1 || level > 9) {
                throw new IllegalArgumentException("gzip level must be 1..9: " + level);
            }
            this.gzipLevel = level;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The warcinfo fields written at the start of every file, in order. */
        public Builder warcinfo(Map<String, List<String>> fields) {
            this.warcinfoFields = new LinkedHashMap<>(fields);
            return this;
        }

        public Builder listener(WarcClosedListener listener) {
            if (listener != null) {
                listeners.add(listener);
            }
            return this;
        }

        public Builder lifecycle(FileLifecycle lifecycle) {
            this.lifecycle = lifecycle;
            return this;
        }

        public RotatingWarcWriter build() {
            return new RotatingWarcWriter(this);
        }
    }
}
