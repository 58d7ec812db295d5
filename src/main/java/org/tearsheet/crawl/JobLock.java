package org.tearsheet.crawl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exclusive lock on one job, held as an OS file lock on {@code <archive>/locks/<job>.lock}, so two runs
 * of the same job (cron overlapping a slow run, a daemon and a manual crawl) never interleave. The OS drops
 * the lock when the holder dies, so a killed run never leaves a stale lock behind; the file's text (pid and
 * start time) only serves the refusal message.
 */
public final class JobLock implements AutoCloseable {

    private static final Pattern HOLDER = Pattern.compile("pid (\\d+) since (\\S+)");

    private final FileChannel channel;
    private final FileLock lock;

    private JobLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Where the lock file of {@code job} lives. */
    public static Path fileOf(Path archiveDir, String job) {
        return archiveDir.resolve("locks").resolve(job + ".lock");
    }

    /**
     * Takes the lock of {@code job} without waiting.
     *
     * @throws JobLockedException when another run (in this or another process) holds it
     * @throws IOException        when the lock file cannot be created
     */
    public static JobLock acquire(Path archiveDir, String job) throws IOException {
        Path file = fileOf(archiveDir, job);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM (e.g. the daemon is already running this job)
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = readHolder(channel);
            channel.close();
            throw new JobLockedException("job '" + job + "' is already running (" + holder + "; lock file " + file
                    + "); not starting a second run");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new JobLock(channel, lock);
    }

    /**
     * Who holds the lock of {@code job} now, read without touching the lock itself (so a run starting at the same
     * moment is never refused because of this look): the pid in the lock file, if that process is alive and
     * started before the lock was taken (a reused pid started later is not the holder).
     *
     * @return e.g. {@code "pid 4242 since 2026-11-29T06:00:00Z"}, or empty when no live process holds it
     */
    public static Optional<String> liveHolder(Path archiveDir, String job) {
        Path file = fileOf(archiveDir, job);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        Matcher m = HOLDER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(m.group(1));
        Instant since;
        try {
            since = Instant.parse(m.group(2));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        boolean holds = process.isPresent() && process.get().info().startInstant()
                .map(start -> !start.isAfter(since)).orElse(true);
        return holds ? Optional.of(text) : Optional.empty();
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(256);
            channel.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "holder unknown" : "held by " + text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            // Cleared before release, so a finished run's pid is never taken for a live holder (see liveHolder).
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Another run holds the job's lock. */
    public static final class JobLockedException extends IOException {
        private static final long serialVersionUID = 1L;

        JobLockedException(String message) {
            super(message);
        }
    }
}
