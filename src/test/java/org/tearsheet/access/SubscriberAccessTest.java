package org.tearsheet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tearsheet.access.AccessFixtures.COOKIE_SECRET;
import static org.tearsheet.access.AccessFixtures.TOKEN_HEADER;
import static org.tearsheet.access.AccessFixtures.TOKEN_SECRET;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.config.AccessSettings;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.SecretValue;

/** Building subscriber access from the config: validation, header names to redact, the redactor, expiry. */
class SubscriberAccessTest {

    @TempDir
    Path dir;

    @Test
    void exposesSecretHeaderNamesAndARedactorForEveryValue() throws Exception {
        SubscriberAccess access = SubscriberAccess.fromConfig(AccessFixtures.config(dir, AccessFixtures.access(
                "site", "news.example", AccessFixtures.cookiesFile(dir, "news.example"), AccessFixtures.tokenFile(dir))));

        assertThat(access.secretHeaderNames()).containsExactly(TOKEN_HEADER);
        assertThat(access.redactor().redact("error near " + TOKEN_SECRET + " and sid=" + COOKIE_SECRET))
                .isEqualTo("error near ******** and sid=********");
        assertThat(access.redactor().redact(null)).isNull();
        assertThat(SecretRedactor.mask("x")).isEqualTo("********");
        assertThat(access.isEmpty()).isFalse();
        assertThat(SubscriberAccess.none().isEmpty()).isTrue();
    }

    @Test
    void cookiesThatExpireDuringARunStopBeingSent() throws Exception {
        long soon = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();
        Path cookies = java.nio.file.Files.writeString(dir.resolve("c.txt"),
                "news.example\tFALSE\t/\tFALSE\t" + soon + "\tsid\tabc123\n");
        AccessSettings a = new AccessSettings("site", List.of("news.example"), cookies, Map.of());
        Request request = new Request.Builder().url("http://news.example/a").build();

        SubscriberAccess before = SubscriberAccess.fromConfig(AccessFixtures.config(dir, a),
                Clock.fixed(Instant.parse("2029-12-31T23:59:00Z"), ZoneOffset.UTC));
        assertThat(((CredentialInterceptor) before.interceptor()).withCredentials(request).header("Cookie"))
                .isEqualTo("sid=abc123");
        SubscriberAccess after = SubscriberAccess.fromConfig(AccessFixtures.config(dir, a),
                Clock.fixed(Instant.parse("2030-01-02T00:00:00Z"), ZoneOffset.UTC));
        assertThat(((CredentialInterceptor) after.interceptor()).withCredentials(request).header("Cookie")).isNull();
    }

    @Test
    void existingCookieHeadersAreKeptAndExtended() throws Exception {
        SubscriberAccess access = SubscriberAccess.fromConfig(AccessFixtures.config(dir, AccessFixtures.access(
                "site", "news.example", AccessFixtures.cookiesFile(dir, "news.example"), AccessFixtures.tokenFile(dir))));
        Request request = new Request.Builder().url("http://news.example/a").header("Cookie", "consent=yes").build();

        Request sent = ((CredentialInterceptor) access.interceptor()).withCredentials(request);

        assertThat(sent.header("Cookie")).isEqualTo("consent=yes; sid=" + COOKIE_SECRET);
        assertThat(sent.header(TOKEN_HEADER)).isEqualTo(TOKEN_SECRET);
    }

    @Test
    void invalidAccessEntriesAreConfigErrors() throws Exception {
        Path cookies = AccessFixtures.cookiesFile(dir, "news.example");
        SecretValue token = new SecretValue("${TOKEN}", TOKEN_SECRET);
        List<Object[]> bad = List.of(
                new Object[] {new AccessSettings(" ", List.of("news.example"), cookies, Map.of()), "needs a site name"},
                new Object[] {new AccessSettings("s", List.of("news.example"), null, Map.of()), "give a cookies_file"},
                new Object[] {new AccessSettings("s", List.of(), null, Map.of("X-T", token)), "list at least one"},
                new Object[] {new AccessSettings("s", List.of("h"), null, Map.of("Bad Name", token)), "not a valid header name"},
                new Object[] {new AccessSettings("s", List.of("h"), null, Map.of("X-T", new SecretValue("${T}", " "))), "is empty"},
                new Object[] {new AccessSettings("s", List.of("h"), dir.resolve("missing.txt"), Map.of()), "cookies_file: cannot read"});
        for (Object[] c : bad) {
            assertThatThrownBy(() -> SubscriberAccess.fromConfig(AccessFixtures.config(dir, (AccessSettings) c[0])))
                    .as((String) c[1]).isInstanceOf(ConfigException.class).hasMessageContaining((String) c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN_SECRET));
        }
    }
}
