package org.tearsheet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private ConfigException errorsOf(String yaml) {
        return catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(ConfigLoader.envOf(Map.of())).parse(yaml, "t.yaml"));
    }

    @Test
    void theShippedExampleIsValid() throws Exception {
        TearsheetConfig c = new ConfigLoader(ConfigLoader.envOf(Map.of())).load(Path.of("config", "tearsheet.yaml"));
        assertThat(c.jobs()).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("demo-news");
            assertThat(j.seeds().feeds()).contains("http://127.0.0.1:8088/feed.xml");
        });
        // relative paths are relative to the config file's folder
        assertThat(c.archive().dir()).isEqualTo(Path.of("archive").toAbsolutePath());
    }

    @Test
    void everyProblemIsReportedWithFieldAndLine() {
        ConfigException e = errorsOf("""
                archive:
                  gzip_level: 12
                jobs:
                  - name: news
                    schedule: "61 * * * *"
                    seeds:
                      feeds: [ "ftp://example.com/feed" ]
                    include: [ "([a-z" ]
                    recapture:
                      policy: after
                  - name: news
                    time_zone: Mars/Olympus
                    seeds: {}
                    on_truncated: drop
                    max_articles: 0
                """);
        assertThat(e.problems()).containsExactly(
                "t.yaml:2: archive.gzip_level: must be between 1 and 9 (got 12)",
                "t.yaml:5: jobs[0].schedule: invalid Unix cron expression '61 * * * *': Failed to parse cron expression. Value 61 not in range [0, 59]",
                "t.yaml:7: jobs[0].seeds.feeds[0]: 'ftp://example.com/feed' is not an http(s) URL",
                "t.yaml:8: jobs[0].include[0]: not a valid regex: Unclosed character class near index 4",
                "t.yaml:9: jobs[0].recapture.after: is required with policy 'after' (e.g. after: 7d)",
                "t.yaml:12: jobs[1].time_zone: unknown time zone 'Mars/Olympus' (use an IANA id such as Europe/London)",
                "t.yaml:13: jobs[1].seeds: needs at least one of urls, feeds, sitemaps, pages",
                "t.yaml:15: jobs[1].max_articles: must be at least 1 (got 0)",
                "t.yaml:14: jobs[1].on_truncated: must be one of keep, skip, retry_later (got 'drop')",
                "t.yaml:11: jobs[1].name: duplicate job name 'news'");
    }

    @Test
    void unknownKeysAndBadValuesNameTheFieldAndLine() {
        assertThat(errorsOf("jobs:\n  - name: x\n    seeds:\n      feedz: [a]\n").getMessage())
                .isEqualTo("t.yaml:4: unknown key 'feedz' at jobs[0].seeds.feedz (expected one of: feeds, pages, sitemaps, urls)");
        assertThat(errorsOf("fetch:\n  read_timeout: soon\n").getMessage())
                .startsWith("t.yaml:2: invalid value at fetch.read_timeout: not a duration: 'soon'");
        assertThat(errorsOf("archive: [1, 2]\n").getMessage()).startsWith("t.yaml:1: invalid value at archive");
        assertThat(errorsOf("jobs:\n  - name: x\n   bad indent\n").getMessage()).contains("not valid YAML");
    }

    @Test
    void secretsComeFromTheEnvironmentAndArePrintedMasked() throws IOException, ConfigException {
        Path cookies = Files.writeString(dir.resolve("cookies.txt"), "# Netscape HTTP Cookie File\n");
        Files.writeString(dir.resolve("t.yaml"), """
                access:
                  - site: example
                    hosts: [www.example.com]
                    cookies_file: cookies.txt
                    headers:
                      Authorization: "Bearer ${EXAMPLE_TOKEN}"
                """);
        TearsheetConfig c = new ConfigLoader(ConfigLoader.envOf(Map.of("EXAMPLE_TOKEN", "s3cr3t-value")))
                .load(dir.resolve("t.yaml"));
        AccessSettings a = c.access().get(0);
        assertThat(a.headers().get("Authorization").value()).isEqualTo("Bearer s3cr3t-value");
        assertThat(a.cookiesFile()).isEqualTo(cookies);

        String printed = new ConfigPrinter().toYaml(c);
        assertThat(printed).contains("Authorization: \"Bearer ${EXAMPLE_TOKEN} = ********\"").doesNotContain("s3cr3t");

        ConfigException missing = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(ConfigLoader.envOf(Map.of())).load(dir.resolve("t.yaml")));
        assertThat(missing.getMessage()).endsWith(
                "t.yaml:6: invalid value at access[0].headers.Authorization: environment variable EXAMPLE_TOKEN is not set");
    }

    @Test
    void printedConfigLoadsBackToTheSameConfig() throws ConfigException {
        TearsheetConfig c = new ConfigLoader().parse("""
                fetch:
                  politeness_delay: 250ms
                  hosts: {www.example.com: {concurrency: 2}}
                jobs:
                  - name: n
                    schedule: "0/10 * * * * ?"
                    seeds: {sitemaps: ["https://www.example.com/sitemap.xml"]}
                    lookback: 2d
                    recapture: {policy: after, after: 7d}
                    hosts: {www.example.com: {politeness_delay: 2s}}
                """, "t.yaml");
        TearsheetConfig again = new ConfigLoader().parse(new ConfigPrinter().toYaml(c), "printed");
        assertThat(again).isEqualTo(c);
    }
}
