package org.tearsheet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tearsheet.access.AccessFixtures.COOKIE_SECRET;
import static org.tearsheet.access.AccessFixtures.TOKEN_HEADER;
import static org.tearsheet.access.AccessFixtures.TOKEN_SECRET;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.capture.CaptureRequest;
import org.tearsheet.capture.CaptureResult;
import org.tearsheet.capture.CaptureService;
import org.tearsheet.capture.Outcome;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.paywall.PaywallDetectors;
import org.tearsheet.testing.LocalSite;
import org.tearsheet.testing.LocalSite.Reply;

/**
 * Credentials go only where they belong, hop by hop, through real captures: site A is reached as "localhost",
 * site B as "127.0.0.1" (two servers, two host names).
 */
class CredentialScopingTest {

    static final String PAGE = "<!doctype html><html><head><title>Page</title></head><body><article><h1>Page</h1>"
            + "<p>Ordinary article text that is long enough to be an article paragraph for the extractor here.</p>"
            + "</article></body></html>";

    @TempDir
    Path dir;

    LocalSite a;
    LocalSite b;

    @BeforeEach
    void start() throws Exception {
        a = new LocalSite();
        b = new LocalSite();
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private CaptureResult capture(TearsheetConfig config, String url) throws Exception {
        SubscriberAccess access = SubscriberAccess.fromConfig(config);
        try (CaptureService svc = access.applyTo(CaptureService.builder(config)
                .paywallDetector(PaywallDetectors.standard())).build()) {
            return svc.capture(CaptureRequest.of(url));
        }
    }

    private TearsheetConfig configForA() throws Exception {
        return AccessFixtures.config(dir.resolve("archive"), AccessFixtures.access("site-a", "localhost",
                AccessFixtures.cookiesFile(dir, "localhost"), AccessFixtures.tokenFile(dir)));
    }

    @Test
    void cookiesAndHeadersGoToTheirHostButNotAcrossARedirectToAnotherHost() throws Exception {
        a.route("/article", Reply.redirect(b.base("127.0.0.1") + "/landing"));
        b.route("/landing", Reply.html(PAGE));

        CaptureResult r = capture(configForA(), a.base("localhost") + "/article");

        assertThat(r.outcome()).isEqualTo(Outcome.CAPTURED);
        assertThat(r.redirectChain()).hasSize(2);
        LocalSite.Seen atA = a.seen("/article").get(0);
        assertThat(atA.header("Cookie")).isEqualTo("sid=" + COOKIE_SECRET);
        assertThat(atA.header(TOKEN_HEADER)).isEqualTo(TOKEN_SECRET);
        LocalSite.Seen atB = b.seen("/landing").get(0);
        assertThat(atB.header("Cookie")).isNull();
        assertThat(atB.header(TOKEN_HEADER)).isNull();
        assertThat(r.paywall().credentials().wireName()).as("final hop went without credentials").isEqualTo("none");
    }

    @Test
    void aRedirectFromAnotherHostBackToTheSiteCarriesThemOnlyOnTheSitesHop() throws Exception {
        b.route("/out", Reply.redirect(a.base("localhost") + "/members/page"));
        a.route("/members/page", Reply.html(PAGE));

        CaptureResult r = capture(configForA(), b.base("127.0.0.1") + "/out");

        assertThat(r.outcome()).isEqualTo(Outcome.CAPTURED);
        assertThat(b.seen("/out").get(0).header("Cookie")).isNull();
        assertThat(b.seen("/out").get(0).header(TOKEN_HEADER)).isNull();
        LocalSite.Seen atA = a.seen("/members/page").get(0);
        // the /members cookie matches this path; the secure-only and expired cookies never go over plain http
        assertThat(atA.header("Cookie")).isEqualTo("sid=" + COOKIE_SECRET + "; members_only=m-value-1");
        assertThat(atA.header(TOKEN_HEADER)).isEqualTo(TOKEN_SECRET);
        assertThat(r.paywall().credentials().wireName()).isEqualTo("used");
    }

    @Test
    void theSameHostUnderAnotherNameGetsNothing() throws Exception {
        a.route("/article", Reply.html(PAGE));

        capture(configForA(), a.base("127.0.0.1") + "/article");

        assertThat(a.seen("/article").get(0).header("Cookie")).isNull();
        assertThat(a.seen("/article").get(0).header(TOKEN_HEADER)).isNull();
    }

    @Test
    void subdomainRulesFollowTheHostList() throws Exception {
        SiteCredentials s = new SiteCredentials("x", java.util.List.of(".example.com", "other.org"),
                java.util.List.of(), java.util.Map.of("H", "v"));
        assertThat(s.hostListed("example.com")).isTrue();
        assertThat(s.hostListed("www.example.com")).isTrue();
        assertThat(s.hostListed("badexample.com")).isFalse();
        assertThat(s.hostListed("example.com.evil.net")).isFalse();
        assertThat(s.hostListed("other.org")).isTrue();
        assertThat(s.hostListed("www.other.org")).isFalse();
    }
}
