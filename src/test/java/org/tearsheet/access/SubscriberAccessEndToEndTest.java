package org.tearsheet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tearsheet.access.AccessFixtures.COOKIE_SECRET;
import static org.tearsheet.access.AccessFixtures.TOKEN_HEADER;
import static org.tearsheet.access.AccessFixtures.TOKEN_SECRET;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tearsheet.cli.ExitCodes;
import org.tearsheet.cli.Main;
import org.tearsheet.testing.ArchiveFiles;
import org.tearsheet.testing.LocalSite;
import org.tearsheet.testing.LocalSite.Reply;
import picocli.CommandLine;

/**
 * The operator's subscriber access through the {@code archive} and {@code config check} commands: credentials that
 * the site no longer honours are marked rejected, warned about once per site, counted, and turn the exit code to 3
 * when every capture of the site was rejected; and no secret byte ever reaches a WARC, sidecar, log line, console
 * output or error message.
 */
class SubscriberAccessEndToEndTest {

    /** What the paper serves whatever cookie it gets: its login has expired server-side. */
    static final String TEASER = "<!doctype html><html lang=en><head><meta charset=utf-8><title>Harbour dredging"
            + " plan | The Paper</title><script type=application/ld+json>{\"@type\":\"NewsArticle\","
            + "\"headline\":\"Harbour dredging plan\",\"isAccessibleForFree\":false}</script></head><body>"
            + "<article><h1>Harbour dredging plan</h1><div class=body><p>The port authority will dredge the outer"
            + " harbour next spring, deepening the channel by two metres so that larger ferries can dock at the"
            + " new terminal without waiting for the tide.</p><div class=paywall><h2>Subscribe to continue"
            + " reading</h2><p>Already a subscriber? <a href=/login>Log in</a></p></div></div></article></body></html>";
    static final String FREE = "<!doctype html><html lang=en><head><meta charset=utf-8><title>Fair opens</title>"
            + "</head><body><article><h1>Summer fair opens</h1><p>The summer fair opened on the green on Saturday"
            + " with forty stalls, a brass band and a dog show that drew entrants from three counties.</p><p>"
            + "Organisers said attendance was the highest since the fair began, helped by dry weather and a new"
            + " bus service from the station.</p></article></body></html>";

    @TempDir
    Path dir;

    LocalSite site;
    ListAppender<ILoggingEvent> logs;
    Logger root;

    @BeforeEach
    void start() throws Exception {
        site = new LocalSite();
        // the server refreshes the session cookie: the response's Set-Cookie carries the secret too
        Map<String, String> headers = Map.of("Content-Type", "text/html; charset=utf-8",
                "Set-Cookie", "sid=" + COOKIE_SECRET + "; Path=/; HttpOnly");
        site.route("/news/one", new Reply(200, headers, TEASER.getBytes(StandardCharsets.UTF_8)));
        site.route("/news/two", new Reply(200, headers, TEASER.getBytes(StandardCharsets.UTF_8)));
        site.route("/news/free", Reply.html(FREE));
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        site.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path writeConfig(Path cookies, String tokenSource) throws Exception {
        String yaml = "archive:\n  dir: " + dir.resolve("archive") + "\n"
                + "fetch:\n  politeness_delay: 0s\n  obey_robots: false\n  retries: 0\n"
                + "access:\n  - site: the-paper\n    hosts: [\"127.0.0.1\"]\n"
                + "    cookies_file: " + cookies + "\n"
                + "    headers:\n      " + TOKEN_HEADER + ": \"" + tokenSource + "\"\n";
        return Files.writeString(dir.resolve("tearsheet.yaml"), yaml);
    }

    private Path validConfig() throws Exception {
        return writeConfig(AccessFixtures.cookiesFile(dir, "127.0.0.1"), "file:" + AccessFixtures.tokenFile(dir));
    }

    private String logText() {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            sb.append(e.getLevel()).append(' ').append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                sb.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return sb.toString();
    }

    private List<ILoggingEvent> rejectionWarnings() {
        return logs.list.stream().filter(e -> e.getFormattedMessage()
                .startsWith("subscriber access for the-paper was rejected \u2014 login expired?")).toList();
    }

    @Test
    void everyCaptureRejectedMeansCredentialsRejectedOneWarningAndExitThree() throws Exception {
        Path config = validConfig();

        Run r = run("archive", "--config", config.toString(), site.base("127.0.0.1") + "/news/one",
                site.base("127.0.0.1") + "/news/two");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.CREDENTIALS_REJECTED);
        assertThat(r.out()).contains("subscriber access the-paper: 2 captures with credentials, 2 rejected"
                + " (every one: login expired?)");
        assertThat(rejectionWarnings()).hasSize(1);
        List<JsonNode> lines = ArchiveFiles.sidecarLines(dir.resolve("archive"));
        assertThat(lines).hasSize(2).allSatisfy(l -> {
            assertThat(l.path("paywall").path("status").asText()).isEqualTo("truncated");
            assertThat(l.path("paywall").path("credentials").asText()).isEqualTo("rejected");
        });
        // the credentials really were sent
        assertThat(site.seen("/news/one").get(0).header("Cookie")).contains("sid=" + COOKIE_SECRET);
        assertNoSecretAnywhere(r);
    }

    @Test
    void onePageStillOpenMeansNoExitThreeButTheRejectionIsCountedAndWarnedOnce() throws Exception {
        Path config = validConfig();

        Run r = run("archive", "--config", config.toString(), site.base("127.0.0.1") + "/news/one",
                site.base("127.0.0.1") + "/news/free", site.base("127.0.0.1") + "/news/two");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("subscriber access the-paper: 3 captures with credentials, 2 rejected\n");
        assertThat(rejectionWarnings()).hasSize(1);
        assertNoSecretAnywhere(r);
    }

    @Test
    void withoutConfiguredAccessATeaserIsJustTruncatedNotRejected() throws Exception {
        Run r = run("archive", "--out", dir.resolve("archive").toString(), site.base("127.0.0.1") + "/news/one");

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).doesNotContain("subscriber access");
        assertThat(rejectionWarnings()).isEmpty();
        JsonNode line = ArchiveFiles.sidecarLines(dir.resolve("archive")).get(0);
        assertThat(line.path("paywall").path("credentials").asText()).isEqualTo("none");
        assertThat(site.seen("/news/one").get(0).header("Cookie")).isNull();
    }

    @Test
    void configCheckShowsWhereSecretsComeFromButNeverTheirValues() throws Exception {
        Path config = validConfig();

        Run r = run("config", "check", "--config", config.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains(TOKEN_HEADER).contains("file:").contains("********");
        // the cookies file was read and its cookies counted, as a run would
        assertThat(r.out()).containsPattern("# access \\S+: [1-9]\\d* usable cookies? for ");
        assertThat(r.out() + r.err()).doesNotContain(TOKEN_SECRET).doesNotContain(COOKIE_SECRET);
    }

    @Test
    void errorsAboutBadSecretsNameTheFieldButNotTheSecret() throws Exception {
        // a cookie value the Cookie header cannot carry
        Path badCookies = Files.writeString(dir.resolve("bad-cookies.txt"),
                "127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\t" + COOKIE_SECRET + "\u00e9\n");
        Run r1 = run("archive", "--config", writeConfig(badCookies, "file:" + AccessFixtures.tokenFile(dir)).toString(),
                site.base("127.0.0.1") + "/news/one");
        assertThat(r1.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r1.err()).contains("cookies_file").contains("line 1").contains("cookie 'sid'");
        Run check = run("config", "check", "--config",
                writeConfig(badCookies, "file:" + AccessFixtures.tokenFile(dir)).toString());
        assertThat(check.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(check.err()).contains("cookies_file").contains("line 1").contains("cookie 'sid'");
        assertThat(check.out() + check.err()).doesNotContain(COOKIE_SECRET);

        // a header value with a character HTTP cannot carry (OkHttp's own error would quote it)
        Path badToken = Files.writeString(dir.resolve("bad-token.txt"), TOKEN_SECRET + "\u00e9");
        Run r2 = run("archive", "--config", writeConfig(AccessFixtures.cookiesFile(dir, "127.0.0.1"),
                "file:" + badToken).toString(), site.base("127.0.0.1") + "/news/one");
        assertThat(r2.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r2.err()).contains(TOKEN_HEADER).contains("cannot be sent in an HTTP header");

        for (Run r : List.of(r1, r2)) {
            assertThat(r.out() + r.err() + logText()).doesNotContain(TOKEN_SECRET).doesNotContain(COOKIE_SECRET);
        }
        assertThat(site.seen()).as("nothing fetched with a broken config").isEmpty();
    }

    private void assertNoSecretAnywhere(Run r) throws Exception {
        String everything = ArchiveFiles.allOutputText(dir.resolve("archive"));
        assertThat(everything).contains("WARC/1.1").contains("Harbour dredging plan");
        assertThat(everything).as("request records show that credentials were sent, redacted")
                .contains("Cookie: [redacted by tearsheet]").contains(TOKEN_HEADER + ": [redacted by tearsheet]");
        for (String secret : List.of(COOKIE_SECRET, TOKEN_SECRET, "m-value-1")) {
            assertThat(everything).as("archive bytes").doesNotContain(secret);
            assertThat(r.out() + r.err()).as("console").doesNotContain(secret);
            assertThat(logText()).as("logs").doesNotContain(secret);
        }
    }
}
