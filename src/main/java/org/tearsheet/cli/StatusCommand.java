package org.tearsheet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.JobConfig;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.crawl.JobLock;
import org.tearsheet.schedule.CronSchedule;
import org.tearsheet.state.RunRecord;
import org.tearsheet.state.SqliteStateStore;
import org.tearsheet.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Show per job: last run, next run, counts by outcome and paywall verdict, archive size. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show per job: last run, next run, counts by outcome and paywall verdict, archive size.")
public final class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws ConfigException, IOException {
        TearsheetConfig cfg = config.load();
        PrintWriter out = spec.commandLine().getOut();
        Path dir = cfg.archive().dir();
        out.println("archive " + dir + ": " + archiveSize(dir));
        if (!Files.isRegularFile(dir.resolve(SqliteStateStore.FILE_NAME))) {
            out.println("no runs yet (no " + SqliteStateStore.FILE_NAME + ")");
            for (JobConfig job : cfg.jobs()) {
                out.println();
                out.println("job " + job.name() + "\n  next run:  " + nextRun(job, Instant.now()));
            }
            out.flush();
            return ExitCodes.OK;
        }
        Instant now = Instant.now();
        try (StateStore store = SqliteStateStore.open(dir)) {
            for (JobConfig job : cfg.jobs()) {
                out.println();
                out.println("job " + job.name());
                out.println("  last run:  " + store.lastRun(job.name())
                        .map(r -> describe(r, now, JobLock.liveHolder(dir, job.name()))).orElse("never"));
                out.println("  next run:  " + nextRun(job, now));
                out.println("  urls:      " + counts(store.countByOutcome(job.name())));
                out.println("  paywall:   " + counts(store.countByPaywall(job.name())));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String describe(RunRecord r, Instant now, Optional<String> lockHolder) {
        StringBuilder sb = new StringBuilder(r.started().truncatedTo(ChronoUnit.SECONDS).toString());
        sb.append(" (").append(ago(Duration.between(r.started(), now))).append(" ago)");
        if (r.ended() == null) {
            // A run records its end when it finishes; without one it is either still going (its process holds
            // the job's lock) or was killed (nobody holds it; what it did not capture is queued for the next run).
            return lockHolder.map(h -> sb.append(", running (").append(h).append(")").toString())
                    .orElseGet(() -> sb.append(", interrupted (no process holds the job's lock; the next run picks up"
                            + " what it left)").toString());
        }
        sb.append(", took ").append(Duration.between(r.started(), r.ended()).toSeconds()).append("s, exit ")
                .append(r.exitStatus()).append(": discovered ").append(r.discovered()).append(", queued ")
                .append(r.queued()).append(" (").append(r.conditional()).append(" conditional)");
        r.outcomes().forEach((o, n) -> {
            if (n > 0) {
                sb.append(", ").append(o.wireName()).append(' ').append(n);
            }
        });
        if (r.seedErrors() > 0) {
            sb.append(", seed errors ").append(r.seedErrors());
        }
        return sb.toString();
    }

    private static String nextRun(JobConfig job, Instant now) {
        if (job.schedule() == null) {
            return "not scheduled (run with `tearsheet crawl --job " + job.name() + "`)";
        }
        CronSchedule s = CronSchedule.parse(job.schedule(), job.timeZone());
        return s.nextAfter(now).map(t -> t.truncatedTo(ChronoUnit.SECONDS) + " (in " + ago(Duration.between(now, t))
                + ", " + s + ", when the daemon runs)").orElse("never (" + s + ")");
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) return s + "s";
        if (s < 7200) return s / 60 + "m";
        if (s < 172_800) return s / 3600 + "h";
        return s / 86_400 + "d";
    }

    private static String archiveSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "does not exist yet";
        }
        long warcs = 0;
        long warcBytes = 0;
        long total = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                long size = Files.size(p);
                total += size;
                if (p.getFileName().toString().endsWith(".warc.gz")) {
                    warcs++;
                    warcBytes += size;
                }
            }
        }
        return warcs + " closed WARC file(s), " + human(warcBytes)
                + " of WARCs, " + human(total) + " in total";
    }

    private static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1L << 20) return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        if (bytes < 1L << 30) return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        return String.format(java.util.Locale.ROOT, "%.2f GiB", bytes / 1073741824.0);
    }
}
