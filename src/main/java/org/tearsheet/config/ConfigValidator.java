package org.tearsheet.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.Selector;
import org.tearsheet.schedule.CronSchedule;

/**
 * Checks the rules YAML binding cannot express (ranges, enumerations, cross-field rules, parseable
 * regexes, cron expressions, existing files) and collects every problem instead of stopping at the first.
 */
final class ConfigValidator {

    /** Job names end up in lock file names and state keys, so they are kept to a portable alphabet. */
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> RECAPTURE_POLICIES = Set.of("never", "after", "when_changed");
    private static final Set<String> TRUNCATED_POLICIES = Set.of("keep", "skip", "retry_later");
    private static final Set<String> PAYWALL_KINDS = Set.of("hard", "metered", "registration");

    /** One problem: the field path (as written in YAML, snake_case) and what is wrong. */
    record Problem(String path, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();

    static List<Problem> validate(TearsheetConfig config) {
        ConfigValidator v = new ConfigValidator();
        v.archive(config.archive());
        v.fetch(config.fetch());
        for (int i = 0; i < config.access().size(); i++) {
            v.access("access[" + i + "]", config.access().get(i));
        }
        for (int i = 0; i < config.paywall().rules().size(); i++) {
            v.paywallRule("paywall.rules[" + i + "]", config.paywall().rules().get(i));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.jobs().size(); i++) {
            JobConfig job = config.jobs().get(i);
            v.job("jobs[" + i + "]", job);
            if (job.name() != null && !names.add(job.name())) {
                v.problem("jobs[" + i + "].name", "duplicate job name '" + job.name() + "'");
            }
        }
        return List.copyOf(v.problems);
    }

    private void archive(ArchiveSettings a) {
        if (a.prefix().isBlank() || a.prefix().contains("/") || a.prefix().contains("\\")) {
            problem("archive.prefix", "must be a non-empty file name prefix without slashes");
        }
        if (a.rotateSize().bytes() < 1024 * 1024) {
            problem("archive.rotate_size", "must be at least 1MiB (got " + a.rotateSize() + ")");
        }
        if (a.gzipLevel() < 1 || a.gzipLevel() > 9) {
            problem("archive.gzip_level", "must be between 1 and 9 (got " + a.gzipLevel() + ")");
        }
        if (a.operator().isBlank()) {
            problem("archive.operator", "must not be empty");
        }
    }

    private void fetch(FetchSettings f) {
        if (f.userAgent().isBlank()) {
            problem("fetch.user_agent", "must not be empty (name the crawler and a contact URL)");
        }
        positive("fetch.connect_timeout", f.connectTimeout());
        positive("fetch.read_timeout", f.readTimeout());
        positive("fetch.call_timeout", f.callTimeout());
        positive("fetch.retry_base_delay", f.retryBaseDelay());
        positive("fetch.retry_max_delay", f.retryMaxDelay());
        atLeast("fetch.max_redirects", f.maxRedirects(), 0);
        atLeast("fetch.retries", f.retries(), 0);
        atLeast("fetch.per_host_concurrency", f.perHostConcurrency(), 1);
        atLeast("fetch.global_concurrency", f.globalConcurrency(), 1);
        if (f.maxBodySize().bytes() < 1024) {
            problem("fetch.max_body_size", "must be at least 1KiB (got " + f.maxBodySize() + ")");
        }
        hostOverrides("fetch.hosts", f.hosts());
    }

    private void hostOverrides(String path, Map<String, FetchSettings.HostOverride> hosts) {
        hosts.forEach((host, o) -> {
            String p = path + "." + host;
            if (host.isBlank() || host.contains("/") || host.contains(":")) {
                problem(p, "must be a bare host name such as www.example.com");
            }
            if (o == null) {
                problem(p, "is empty; give politeness_delay and/or concurrency");
                return;
            }
            if (o.politenessDelay() != null && o.politenessDelay().isNegative()) {
                problem(p + ".politeness_delay", "must not be negative");
            }
            if (o.concurrency() != null) {
                atLeast(p + ".concurrency", o.concurrency(), 1);
            }
        });
    }

    private void access(String path, AccessSettings a) {
        if (a.site() == null || a.site().isBlank()) {
            problem(path + ".site", "is required (a name for this subscription, e.g. ft.com)");
        }
        if (a.hosts().isEmpty()) {
            problem(path + ".hosts", "is required: the hosts these credentials may be sent to");
        }
        if (a.cookiesFile() == null && a.headers().isEmpty()) {
            problem(path, "gives neither cookies_file nor headers");
        }
        if (a.cookiesFile() != null && !Files.isReadable(a.cookiesFile())) {
            problem(path + ".cookies_file", "file not found or not readable: " + a.cookiesFile());
        }
    }

    private void paywallRule(String path, PaywallSettings.PaywallRule r) {
        if (r.name() == null || r.name().isBlank()) {
            problem(path + ".name", "is required");
        }
        if (r.selectors().isEmpty() && r.phrases().isEmpty()) {
            problem(path, "needs at least one of selectors or phrases");
        }
        if (r.kind() == null || !PAYWALL_KINDS.contains(r.kind())) {
            problem(path + ".kind", "must be one of hard, metered, registration (got " + r.kind() + ")");
        }
        for (int i = 0; i < r.selectors().size(); i++) {
            try {
                Selector.evaluatorOf(r.selectors().get(i));
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                problem(path + ".selectors[" + i + "]", "not a valid CSS selector: " + e.getMessage());
            }
        }
    }

    private void job(String path, JobConfig job) {
        if (job.name() == null || !JOB_NAME.matcher(job.name()).matches()) {
            problem(path + ".name", job.name() == null ? "is required"
                    : "'" + job.name() + "' is not a valid job name (letters, digits, '.', '_', '-'; at most 64)");
        }
        if (job.schedule() != null) {
            try {
                CronSchedule.parse(job.schedule(), job.timeZone());
            } catch (IllegalArgumentException e) {
                problem(path + (e.getMessage().startsWith("unknown time zone") ? ".time_zone" : ".schedule"),
                        e.getMessage());
            }
        } else {
            try {
                CronSchedule.parse("@daily", job.timeZone());
            } catch (IllegalArgumentException e) {
                problem(path + ".time_zone", e.getMessage());
            }
        }
        JobConfig.Seeds s = job.seeds();
        if (s.urls().isEmpty() && s.feeds().isEmpty() && s.sitemaps().isEmpty() && s.pages().isEmpty()) {
            problem(path + ".seeds", "needs at least one of urls, feeds, sitemaps, pages");
        }
        urls(path + ".seeds.urls", s.urls());
        urls(path + ".seeds.feeds", s.feeds());
        urls(path + ".seeds.sitemaps", s.sitemaps());
        urls(path + ".seeds.pages", s.pages());
        regexes(path + ".include", job.include());
        regexes(path + ".exclude", job.exclude());
        atLeast(path + ".max_articles", job.maxArticles(), 1);
        if (job.lookback() != null) {
            positive(path + ".lookback", job.lookback());
        }
        JobConfig.Recapture r = job.recapture();
        if (!RECAPTURE_POLICIES.contains(r.policy())) {
            problem(path + ".recapture.policy", "must be one of never, after, when_changed (got '" + r.policy() + "')");
        } else if (r.policy().equals("after") && r.after() == null) {
            problem(path + ".recapture.after", "is required with policy 'after' (e.g. after: 7d)");
        } else if (r.after() != null && !r.policy().equals("after")) {
            problem(path + ".recapture.after", "only applies to policy 'after' (policy is '" + r.policy() + "')");
        }
        if (r.after() != null) {
            positive(path + ".recapture.after", r.after());
        }
        if (!TRUNCATED_POLICIES.contains(job.onTruncated())) {
            problem(path + ".on_truncated", "must be one of keep, skip, retry_later (got '" + job.onTruncated() + "')");
        }
        hostOverrides(path + ".hosts", job.hosts());
    }

    private void urls(String path, List<String> urls) {
        for (int i = 0; i < urls.size(); i++) {
            String u = urls.get(i);
            String problem = urlProblem(u);
            if (problem != null) {
                problem(path + "[" + i + "]", problem);
            }
        }
    }

    private static String urlProblem(String u) {
        if (u == null || u.isBlank()) {
            return "empty URL";
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return "'" + u + "' is not an http(s) URL";
            }
            if (uri.getHost() == null) {
                return "'" + u + "' has no host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "'" + u + "' is not a valid URL: " + e.getReason();
        }
    }

    private void regexes(String path, List<String> patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            try {
                Pattern.compile(patterns.get(i));
            } catch (PatternSyntaxException e) {
                problem(path + "[" + i + "]", "not a valid regex: " + e.getDescription() + " near index " + e.getIndex());
            }
        }
    }

    private void positive(String path, Duration d) {
        if (d.isZero() || d.isNegative()) {
            problem(path, "must be greater than zero");
        }
    }

    private void atLeast(String path, int value, int min) {
        if (value < min) {
            problem(path, "must be at least " + min + " (got " + value + ")");
        }
    }

    private void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }
}
