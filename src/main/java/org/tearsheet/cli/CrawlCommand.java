package org.tearsheet.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.JobConfig;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.crawl.CaptureSetup;
import org.tearsheet.crawl.JobLock;
import org.tearsheet.crawl.JobRunner;
import org.tearsheet.crawl.RunObserver;
import org.tearsheet.crawl.RunReport;
import org.tearsheet.schedule.StopSignal;
import org.tearsheet.state.SqliteStateStore;
import org.tearsheet.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Run the configured jobs once: discover new articles and capture them. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Run the configured jobs once: discover new articles and capture them.",
            "For cron, systemd timers and Kubernetes CronJobs. Exit codes: 0 ok, 1 some URLs or seeds failed,",
            "2 invalid config or unknown job, 3 every capture of a site with configured access was rejected,",
            "4 a job is already running (its lock is held)."})
public final class CrawlCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = {"-j", "--job"}, paramLabel = "NAME", description = "Run only this job (repeatable; default: all jobs).")
    List<String> jobNames = new ArrayList<>();

    @Override
    public Integer call() throws ConfigException {
        TearsheetConfig cfg = config.load();
        List<JobConfig> jobs = selectJobs(cfg, jobNames);
        int exit = ExitCodes.OK;
        try (GracefulStop signals = new GracefulStop();
             StateStore store = SqliteStateStore.open(cfg.archive().dir())) {
            StopSignal stop = signals.signal();
            JobRunner runner = new JobRunner(cfg, store, CaptureSetup.standard(),
                    RunObserver.forEnvironment(System.err), Clock.systemUTC());
            for (JobConfig job : jobs) {
                if (stop.isRequested()) {
                    break;
                }
                exit = worse(exit, runOne(runner, job, stop));
            }
        }
        return exit;
    }

    private int runOne(JobRunner runner, JobConfig job, StopSignal stop) {
        try {
            RunReport report = runner.run(job, stop);
            return report.status().exitCode();
        } catch (JobLock.JobLockedException e) {
            spec.commandLine().getErr().println("tearsheet: " + e.getMessage());
            return ExitCodes.LOCKED;
        } catch (java.io.IOException | RuntimeException e) {
            spec.commandLine().getErr().println("tearsheet: job " + job.name() + " failed: " + e.getMessage());
            return ExitCodes.SOME_FAILED;
        }
    }

    /** Jobs named on the command line (all when none), in config order; an unknown name is a config error. */
    static List<JobConfig> selectJobs(TearsheetConfig cfg, List<String> names) throws ConfigException {
        if (cfg.jobs().isEmpty()) {
            throw new ConfigException("the config defines no jobs");
        }
        for (String name : names) {
            if (cfg.jobs().stream().noneMatch(j -> j.name().equals(name))) {
                throw new ConfigException("no job named '" + name + "' (configured: "
                        + String.join(", ", cfg.jobs().stream().map(JobConfig::name).toList()) + ")");
            }
        }
        return cfg.jobs().stream().filter(j -> names.isEmpty() || names.contains(j.name())).toList();
    }

    /** The exit code that tells the operator more: locked and credentials problems outrank plain failures. */
    static int worse(int a, int b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(int code) {
        return switch (code) {
            case ExitCodes.OK -> 0;
            case ExitCodes.SOME_FAILED -> 1;
            case ExitCodes.CREDENTIALS_REJECTED -> 2;
            default -> 3;
        };
    }
}
