package org.tearsheet.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.JobConfig;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.crawl.CaptureSetup;
import org.tearsheet.crawl.JobLock;
import org.tearsheet.crawl.JobRunner;
import org.tearsheet.crawl.LogProgress;
import org.tearsheet.schedule.CronSchedule;
import org.tearsheet.schedule.Scheduler;
import org.tearsheet.schedule.StopSignal;
import org.tearsheet.state.SqliteStateStore;
import org.tearsheet.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Run the configured jobs on their schedules until stopped. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Run the configured jobs on their schedules until stopped.",
            "SIGTERM or Ctrl-C: captures in flight finish, WARCs are closed, exit 0. Jobs without a schedule are skipped."})
public final class DaemonCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonCommand.class);

    @Mixin
    ConfigOption config;

    @Option(names = {"-j", "--job"}, paramLabel = "NAME", description = "Schedule only this job (repeatable; default: all).")
    List<String> jobNames = new ArrayList<>();

    @Override
    public Integer call() throws ConfigException, InterruptedException {
        TearsheetConfig cfg = config.load();
        Map<String, JobConfig> jobs = new LinkedHashMap<>();
        Map<String, CronSchedule> schedules = new LinkedHashMap<>();
        for (JobConfig job : CrawlCommand.selectJobs(cfg, jobNames)) {
            if (job.schedule() == null) {
                LOG.warn("job {} has no schedule; the daemon does not run it (use `tearsheet crawl --job {}`)",
                        job.name(), job.name());
                continue;
            }
            jobs.put(job.name(), job);
            schedules.put(job.name(), CronSchedule.parse(job.schedule(), job.timeZone()));
        }
        if (schedules.isEmpty()) {
            throw new ConfigException("no job has a schedule; nothing for the daemon to run");
        }
        try (GracefulStop signals = new GracefulStop();
             StateStore store = SqliteStateStore.open(cfg.archive().dir())) {
            StopSignal stop = signals.signal();
            JobRunner runner = new JobRunner(cfg, store, CaptureSetup.standard(), new LogProgress(), Clock.systemUTC());
            LOG.info("daemon started: {} job(s) scheduled; archive {}", schedules.size(), cfg.archive().dir());
            new Scheduler(schedules, Clock.systemUTC()).run(name -> {
                try {
                    runner.run(jobs.get(name), stop);
                } catch (JobLock.JobLockedException e) {
                    LOG.warn(e.getMessage());
                }
            }, stop);
        }
        LOG.info("daemon stopped");
        return ExitCodes.OK;
    }
}
