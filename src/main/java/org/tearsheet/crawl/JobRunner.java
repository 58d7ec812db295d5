package org.tearsheet.crawl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.access.SubscriberAccess;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.HostInterleaving;
import org.tearsheet.capture.CaptureService;
import org.tearsheet.capture.Outcome;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.FetchSettings;
import org.tearsheet.config.JobConfig;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.discover.Discoverer;
import org.tearsheet.discover.Discovery;
import org.tearsheet.paywall.PaywallVerdict;
import org.tearsheet.schedule.StopSignal;
import org.tearsheet.state.StateStore;

/**
 * Runs one job once: lock, settle what a killed run left, discover, record the frontier, capture the planned
 * URLs with a worker per {@code global_concurrency}, record every result, close the WARCs, record the run.
 *
 * <p>Order matters for resume: discovered URLs are in state before any capture starts, and a capture only
 * counts once its WARC is closed (the store's durability rule), so a run killed at any point loses nothing
 * and captures nothing twice into closed WARCs.
 */
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final TearsheetConfig config;
    private final StateStore store;
    private final CaptureSetup captureSetup;
    private final RunObserver observer;
    private final Clock clock;

    public JobRunner(TearsheetConfig config, StateStore store, CaptureSetup captureSetup, RunObserver observer,
                     Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.store = Objects.requireNonNull(store);
        this.captureSetup = Objects.requireNonNull(captureSetup);
        this.observer = Objects.requireNonNull(observer);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Runs {@code job} once.
     *
     * @throws JobLock.JobLockedException when another run of the job holds its lock
     * @throws IOException                when the archive folder or a WARC cannot be written
     */
    public RunReport run(JobConfig job, StopSignal stop) throws IOException {
        Path dir = config.archive().dir();
        Files.createDirectories(dir);
        try (JobLock lock = JobLock.acquire(dir, job.name())) {
            settleLeftovers(job.name(), dir);
            SubscriberAccess access = subscriberAccess();
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            long runId = store.startRun(job.name(), started);

            Discovery discovery = new Discoverer(fetchFor(job), stop::isRequested, access.interceptor())
                    .discover(job, started);
            store.recordDiscovered(job.name(), discovery.urls(), started);
            CredentialFingerprints credentials = new CredentialFingerprints(config.access());
            List<WorkPlan.Item> plan = WorkPlan.plan(job, discovery.urls(), store, credentials, started);
            store.markAttempted(job.name(), plan.stream().map(WorkPlan.Item::canonical).toList(), started);
            int conditional = (int) plan.stream().filter(WorkPlan.Item::conditional).count();
            observer.discovered(job.name(), discovery.urls().size(), plan.size(), discovery.errors().size());

            Results results = new Results(access);
            boolean stoppedEarly;
            CaptureService service = access.applyTo(captureSetup.builder(config.withFetch(fetchFor(job))))
                    .warcClosedListener(closed -> store.warcClosed(closed.getFileName().toString()))
                    .build();
            try {
                stoppedEarly = captureAll(service, job, plan, results, credentials, stop);
            } finally {
                service.close(); // closes the last WARC: its captures become durable now
            }
            RunReport report = new RunReport(job.name(), runId, discovery.urls().size(), plan.size(), conditional,
                    results.counts(), discovery.errors(), results.sitesWithAllCredentialsRejected(), stoppedEarly,
                    Duration.ofNanos(System.nanoTime() - t0));
            store.finishRun(runId, clock.instant(), report.discovered(), report.queued(), report.conditional(),
                    report.outcomes(), report.seedErrors().size(), report.status().exitCode());
            observer.finished(report);
            return report;
        }
    }

    /** The operator's credentials for this run (cookies files are read now, so a renewed login is picked up). */
    private SubscriberAccess subscriberAccess() throws IOException {
        try {
            return SubscriberAccess.fromConfig(config, clock);
        } catch (ConfigException e) {
            throw new IOException("subscriber access unusable: " + e.getMessage(), e);
        }
    }

    /**
     * Captures recorded in WARCs that never got closed (the run was killed) are forgotten so their URLs are
     * captured again; if the file did get closed but the run died before noting it, they count after all.
     */
    private void settleLeftovers(String job, Path dir) {
        for (String warc : store.pendingWarcFiles(job)) {
            if (Files.isRegularFile(dir.resolve(warc))) {
                store.warcClosed(warc);
            } else {
                LOG.info("job {}: {} was never closed (interrupted run); its URLs will be captured again", job, warc);
                store.abandon(job, warc);
            }
        }
    }

    private boolean captureAll(CaptureService service, JobConfig job, List<WorkPlan.Item> plan, Results results,
                               CredentialFingerprints credentials, StopSignal stop) throws IOException {
        List<WorkPlan.Item> order = HostInterleaving.order(plan, item -> item.request().url());
        int workers = Math.max(1, Math.min(config.fetch().globalConcurrency(), order.size()));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                int i;
                while (!stop.isRequested() && failure.get() == null && (i = next.getAndIncrement()) < order.size()) {
                    WorkPlan.Item item = order.get(i);
                    try {
                        CaptureResult r = service.capture(item.request());
                        store.recordResult(job.name(), item.canonical(), r, retryFingerprint(job, r, credentials));
                        results.add(r);
                        observer.captured(job.name(), r, done.incrementAndGet(), order.size());
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "job-" + job.name() + "-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            joinUninterruptibly(t);
        }
        if (failure.get() != null) {
            throw new IOException("job " + job.name() + " aborted: " + failure.get().getMessage(), failure.get());
        }
        return done.get() < order.size();
    }

    private static String retryFingerprint(JobConfig job, CaptureResult r, CredentialFingerprints credentials) {
        boolean waitsForCredentials = r.outcome() == Outcome.SKIPPED && "retry_later".equals(job.onTruncated())
                && r.paywall() != null && r.paywall().status() == PaywallVerdict.Status.TRUNCATED;
        return waitsForCredentials ? credentials.fingerprint(r.requestedUrl()) : null;
    }

    /** The job's per-host overrides win over {@code fetch.hosts}. */
    private FetchSettings fetchFor(JobConfig job) {
        FetchSettings f = config.fetch();
        if (job.hosts().isEmpty()) {
            return f;
        }
        Map<String, FetchSettings.HostOverride> hosts = new HashMap<>(f.hosts());
        hosts.putAll(job.hosts());
        return new FetchSettings(f.userAgent(), f.connectTimeout(), f.readTimeout(), f.callTimeout(), f.maxRedirects(),
                f.maxBodySize(), f.retries(), f.retryBaseDelay(), f.retryMaxDelay(), f.obeyRobots(), f.politenessDelay(),
                f.perHostConcurrency(), f.globalConcurrency(), f.http2(), hosts);
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Outcome counts, and the per-site tally of subscriber access (whether every capture was rejected). */
    private static final class Results {
        private final SubscriberAccess access;
        private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

        Results(SubscriberAccess access) {
            this.access = access;
        }

        synchronized void add(CaptureResult r) {
            counts.merge(r.outcome(), 1, Integer::sum);
            access.report().record(r);
        }

        synchronized Map<Outcome, Integer> counts() {
            return new EnumMap<>(counts);
        }

        List<String> sitesWithAllCredentialsRejected() {
            return access.report().sitesAllRejected();
        }
    }
}
