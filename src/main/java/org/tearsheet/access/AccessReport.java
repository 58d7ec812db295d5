package org.tearsheet.access;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.paywall.PaywallVerdict;
import org.tearsheet.paywall.PaywallVerdict.Credentials;
import org.tearsheet.paywall.PaywallVerdict.Status;

/**
 * Per run and per site: how many captures went out with the operator's subscriber access and how many of those
 * still came back truncated or blocked. Logs one clear warning per site per run at the first rejection, so a
 * user can tell "my login expired" from "I never configured one". Thread-safe; one instance per run.
 */
public final class AccessReport {

    private static final Logger LOG = LoggerFactory.getLogger(AccessReport.class);

    private final List<SiteCredentials> sites;
    private final Clock clock;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    AccessReport(List<SiteCredentials> sites, Clock clock) {
        this.sites = List.copyOf(sites);
        this.clock = clock;
        for (SiteCredentials s : sites) {
            tallies.putIfAbsent(s.site(), new Tally());
        }
    }

    /**
     * Counts one capture. A capture counts for a site when that site's credentials went to a URL of its redirect
     * chain; it counts as rejected when the verdict is truncated or blocked all the same.
     */
    public void record(CaptureResult result) {
        if (result == null) {
            return;
        }
        PaywallVerdict verdict = result.paywall();
        SiteCredentials site = siteOf(result);
        if (site == null) {
            return;
        }
        if (verdict == null) {
            return; // no verdict (not an article page, or failed): says nothing about the login
        }
        Tally t = tallies.get(site.site());
        t.captures.incrementAndGet();
        boolean rejected = verdict.credentials() == Credentials.REJECTED
                || verdict.status() == Status.TRUNCATED || verdict.status() == Status.BLOCKED;
        if (rejected) {
            t.rejected.incrementAndGet();
            if (t.warned.compareAndSet(false, true)) {
                LOG.warn("subscriber access for {} was rejected \u2014 login expired? {} came back {} although the"
                        + " configured cookies/headers were sent; export a fresh cookies.txt or renew the token",
                        site.site(), result.finalUrl(), verdict.status().wireName());
            }
        }
    }

    /** Sites where every capture sent with credentials was rejected (at least one capture). */
    public List<String> sitesAllRejected() {
        List<String> out = new ArrayList<>();
        tallies.forEach((site, t) -> {
            int n = t.captures.get();
            if (n > 0 && t.rejected.get() == n) {
                out.add(site);
            }
        });
        return out;
    }

    /** Captures sent with credentials whose access was rejected, over all sites. */
    public int rejectedTotal() {
        return tallies.values().stream().mapToInt(t -> t.rejected.get()).sum();
    }

    /** One line per site that had captures: for run summaries. */
    public List<SiteTally> tallies() {
        List<SiteTally> out = new ArrayList<>();
        tallies.forEach((site, t) -> {
            if (t.captures.get() > 0) {
                out.add(new SiteTally(site, t.captures.get(), t.rejected.get()));
            }
        });
        return out;
    }

    /** Summary lines for the run, one per site that had captures; nothing when no access was used. */
    public void print(PrintWriter out) {
        for (SiteTally t : tallies()) {
            out.println("subscriber access " + t.site() + ": " + t.captures() + " capture"
                    + (t.captures() == 1 ? "" : "s") + " with credentials, " + t.rejected() + " rejected"
                    + (t.rejected() == t.captures() ? " (every one: login expired?)" : ""));
        }
        out.flush();
    }

    private SiteCredentials siteOf(CaptureResult r) {
        List<String> urls = new ArrayList<>(r.redirectChain());
        if (urls.isEmpty() && r.requestedUrl() != null) {
            urls.add(r.requestedUrl());
        }
        long now = clock.millis();
        for (String u : urls) {
            HttpUrl url = HttpUrl.parse(u);
            if (url == null) {
                continue;
            }
            for (SiteCredentials s : sites) {
                if (!s.cookiesFor(url, now).isEmpty() || !s.headersFor(url).isEmpty()) {
                    return s;
                }
            }
        }
        return null;
    }

    /**
     * Captures of one site made with subscriber access.
     *
     * @param site     the configured site name
     * @param captures captures sent with the site's credentials
     * @param rejected of those, how many were still truncated or blocked
     */
    public record SiteTally(String site, int captures, int rejected) {
    }

    private static final class Tally {
        final AtomicInteger captures = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicBoolean warned = new AtomicBoolean();
    }
}
