package org.tearsheet.fetch;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A byte sink that keeps small contents on the heap and spills to a temporary file once they grow past a
 * threshold, so one huge body cannot exhaust the heap. Write once, then read any number of times; {@link #close()}
 * deletes the temporary file.
 */
public final class SpillBuffer extends OutputStream implements Closeable {

    /** Bodies up to this size stay on the heap. */
    public static final int DEFAULT_THRESHOLD = 4 << 20;

    private final int threshold;
    private byte[] heap;
    private long size;
    private Path file;
    private OutputStream fileOut;
    private boolean closed;

    public SpillBuffer() {
        this(DEFAULT_THRESHOLD);
    }

    public SpillBuffer(int threshold) {
        this(threshold, 8192);
    }

    /**
     * @param threshold       bytes kept on the heap at most
     * @param initialCapacity first heap array size, e.g. the expected content size (saves regrowing and copying)
     */
    public SpillBuffer(int threshold, int initialCapacity) {
        this.threshold = threshold;
        this.heap = new byte[Math.max(16, Math.min(initialCapacity, threshold))];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("buffer closed");
        }
        if (fileOut == null && size + len > threshold) {
            spill();
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            if (size + len > heap.length) {
                heap = Arrays.copyOf(heap, (int) Math.min(threshold, Math.max(heap.length * 2L, size + len)));
            }
            System.arraycopy(b, off, heap, (int) size, len);
        }
        size += len;
    }

    private void spill() throws IOException {
        file = Files.createTempFile("tearsheet-", ".spill");
        fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 65536);
        fileOut.write(heap, 0, (int) size);
        heap = null;
    }

    @Override
    public void flush() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
        }
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    /** Whether the contents live in a temporary file. */
    public boolean spilled() {
        return file != null;
    }

    /** A fresh stream over the whole contents. */
    public InputStream openStream() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
            return new java.io.BufferedInputStream(Files.newInputStream(file), 65536);
        }
        return new ByteArrayInputStream(heap, 0, (int) size);
    }

    /** The contents as a read-only buffer when they are on the heap, else {@code null}. */
    public java.nio.ByteBuffer asByteBuffer() {
        return fileOut == null && heap != null ? java.nio.ByteBuffer.wrap(heap, 0, (int) size).asReadOnlyBuffer() : null;
    }

    /** A fresh channel over the whole contents. */
    public ReadableByteChannel openChannel() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
            return FileChannel.open(file, StandardOpenOption.READ);
        }
        return Channels.newChannel(new ByteArrayInputStream(heap, 0, (int) size));
    }

    /** The contents as one array; only for contents known to be small enough (callers check {@link #size()}). */
    public byte[] toByteArray() {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too large for an array: " + size);
        }
        if (fileOut == null) {
            return Arrays.copyOf(heap, (int) size);
        }
        try (InputStream in = openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the whole contents to {@code target}. */
    public void copyTo(OutputStream target) throws IOException {
        if (fileOut == null) {
            target.write(heap, 0, (int) size);
            return;
        }
        try (InputStream in = openStream()) {
            in.transferTo(target);
        }
    }

    /** Copies the whole contents to {@code target} (a file channel copies without the heap). */
    public void copyTo(WritableByteChannel target) throws IOException {
        if (fileOut == null) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(heap, 0, (int) size);
            while (buf.hasRemaining()) {
                target.write(buf);
            }
            return;
        }
        fileOut.flush();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            while (pos < size) {
                pos += in.transferTo(pos, size - pos, target);
            }
        }
    }

    /** Releases the heap array or deletes the temporary file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        heap = null;
        if (fileOut != null) {
            try {
                fileOut.close();
            } catch (IOException ignored) {
                // the file is deleted next; nothing to save
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // temp dir cleanup will get it
            }
        }
    }
}
