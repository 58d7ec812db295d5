package org.tearsheet.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Cookie;
import okhttp3.Interceptor;
import org.tearsheet.capture.CaptureService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.config.AccessSettings;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.SecretValue;
import org.tearsheet.config.TearsheetConfig;

/**
 * The operator's subscriber access for one run, built from the config's {@code access:} list: the interceptor that
 * sends it, the header names to redact from WARC request records, the run's {@link AccessReport}, and a redactor
 * for every secret value. Wire it into a capture service like this:
 *
 * <pre>{@code
 * SubscriberAccess access = SubscriberAccess.fromConfig(config);
 * CaptureService svc = access.applyTo(CaptureService.builder(config)
 *         .paywallDetector(PaywallDetectors.standard(config.paywall())))   // = .interceptor(..).secretHeaderNames(..)
 *         .build();
 * ... access.report().record(result) for each result; access.report().print(out) at the end;
 * exit with ExitCodes.CREDENTIALS_REJECTED when !access.report().sitesAllRejected().isEmpty() ...
 * }</pre>
 */
public final class SubscriberAccess {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberAccess.class);

    private final List<SiteCredentials> sites;
    private final CredentialInterceptor interceptor;
    private final Set<String> secretHeaderNames;
    private final AccessReport report;
    private final SecretRedactor redactor;

    private SubscriberAccess(List<SiteCredentials> sites, Clock clock) {
        this.sites = List.copyOf(sites);
        this.interceptor = new CredentialInterceptor(sites, clock);
        Set<String> names = new LinkedHashSet<>();
        List<String> secrets = new ArrayList<>();
        for (SiteCredentials s : sites) {
            names.addAll(s.headers().keySet());
            secrets.addAll(s.headers().values());
            s.cookies().forEach(c -> secrets.add(c.value()));
        }
        this.secretHeaderNames = Set.copyOf(names);
        this.report = new AccessReport(sites, clock);
        this.redactor = SecretRedactor.of(secrets);
    }

    /** Reads every configured site's cookies file and headers; the run's clock decides which cookies expired. */
    public static SubscriberAccess fromConfig(TearsheetConfig config) throws ConfigException {
        return fromConfig(config, Clock.systemUTC());
    }

    /** As {@link #fromConfig(TearsheetConfig)} with an explicit clock (tests). */
    public static SubscriberAccess fromConfig(TearsheetConfig config, Clock clock) throws ConfigException {
        List<SiteCredentials> sites = new ArrayList<>();
        List<AccessSettings> access = config.access();
        for (int i = 0; i < access.size(); i++) {
            sites.add(site(access.get(i), "access[" + i + "]", clock));
        }
        return new SubscriberAccess(sites, clock);
    }

    /** No subscriber access at all. */
    public static SubscriberAccess none() {
        return new SubscriberAccess(List.of(), Clock.systemUTC());
    }

    /** Adds this access's interceptor and secret header names to a capture service being configured. */
    public CaptureService.Builder applyTo(CaptureService.Builder builder) {
        return builder.interceptor(interceptor).secretHeaderNames(secretHeaderNames);
    }

    /** Adds each site's cookies and headers to the requests that belong to it, hop by hop. */
    public Interceptor interceptor() {
        return interceptor;
    }

    /** Names of the configured headers: their values are redacted in WARC request records. */
    public Set<String> secretHeaderNames() {
        return secretHeaderNames;
    }

    /** The per-site tally of this run. */
    public AccessReport report() {
        return report;
    }

    /** Masks every configured cookie and header value in a text. */
    public SecretRedactor redactor() {
        return redactor;
    }

    /**
     * One line per site saying what was loaded, for {@code config check}: how many cookies are usable (their
     * domains) and which header names are set, never a value.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (SiteCredentials s : sites) {
            Set<String> domains = new java.util.TreeSet<>();
            s.cookies().forEach(c -> domains.add(c.domain()));
            lines.add(s.site() + ": " + s.cookies().size() + " usable cookie" + (s.cookies().size() == 1 ? "" : "s")
                    + (domains.isEmpty() ? "" : " for " + String.join(", ", domains))
                    + (s.headers().isEmpty() ? "" : "; headers " + String.join(", ", new java.util.TreeSet<>(s.headers().keySet())))
                    + (s.hosts().isEmpty() ? "" : "; hosts " + String.join(", ", s.hosts())));
        }
        return lines;
    }

    /** Whether any site has credentials configured. */
    public boolean isEmpty() {
        return sites.isEmpty();
    }

    private static SiteCredentials site(AccessSettings a, String path, Clock clock) throws ConfigException {
        String name = a.site() == null || a.site().isBlank() ? null : a.site().strip();
        if (name == null) {
            throw new ConfigException(path + ".site: every access entry needs a site name");
        }
        String where = path + " (" + name + ")";
        if (a.cookiesFile() == null && a.headers().isEmpty()) {
            throw new ConfigException(where + ": give a cookies_file, headers, or both");
        }
        if (!a.headers().isEmpty() && a.hosts().isEmpty()) {
            throw new ConfigException(where + ".hosts: headers are sent only to listed hosts; list at least one");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, SecretValue> h : a.headers().entrySet()) {
            headers.put(checkedHeaderName(h.getKey(), where), checkedHeaderValue(h.getKey(), h.getValue(), where));
        }
        List<Cookie> cookies = List.of();
        if (a.cookiesFile() != null) {
            try {
                CookiesTxt.Result r = CookiesTxt.read(a.cookiesFile(), clock.instant());
                cookies = r.cookies();
                if (r.expired() > 0 && cookies.isEmpty()) {
                    LOG.warn("every cookie in {} for {} has expired ({} cookies); export a fresh cookies.txt",
                            a.cookiesFile(), name, r.expired());
                } else if (r.expired() > 0) {
                    LOG.info("{}: ignored {} expired cookies in {}", name, r.expired(), a.cookiesFile());
                }
            } catch (CookiesTxtException e) {
                throw new ConfigException(where + ".cookies_file: " + e.getMessage());
            }
        }
        return new SiteCredentials(name, a.hosts(), cookies, headers);
    }

    private static String checkedHeaderName(String name, String where) throws ConfigException {
        if (name == null || name.isBlank() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
            throw new ConfigException(where + ".headers: '" + name + "' is not a valid header name");
        }
        return name;
    }

    /** Checked here so a bad value never reaches OkHttp, whose error message would quote it. */
    private static String checkedHeaderValue(String name, SecretValue secret, String where) throws ConfigException {
        String value = secret == null ? null : secret.value();
        if (value == null || value.isBlank()) {
            throw new ConfigException(where + ".headers." + name + ": the value from "
                    + (secret == null ? "the config" : secret.source()) + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw new ConfigException(where + ".headers." + name + ": the value from " + secret.source()
                        + " contains a character that cannot be sent in an HTTP header (position " + (i + 1) + ")");
            }
        }
        return value;
    }
}
