package org.tearsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.state.SqliteStateStore;
import org.tearsheet.testing.JobsTestSite;
import org.tearsheet.testing.WarcFiles;

/** The crawl and daemon commands as separate processes: killed with SIGKILL, stopped with SIGTERM. */
class CrawlProcessTest {

    private static final int ARTICLES = 60;

    @TempDir
    Path dir;

    private JobsTestSite site;
    private Path config;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        site = new JobsTestSite();
        site.put("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        Random random = new Random(42);
        for (int i = 0; i < ARTICLES; i++) {
            // ~90 kB of hard-to-compress text per article (~55 kB gzipped), so 1MiB WARCs rotate several times per run
            String noise = random.ints(90_000, 'a', 'z' + 1).mapToObj(c -> String.valueOf((char) c))
                    .collect(Collectors.joining());
            site.put("/news/a" + i + ".html", "text/html; charset=utf-8", "<html><head><title>A" + i
                    + "</title></head><body><article><p>Article " + i + ".</p><p>" + noise + "</p></article></body></html>");
        }
        String items = IntStream.range(0, ARTICLES)
                .mapToObj(i -> "<item><link>" + site.url("/news/a" + i + ".html") + "</link></item>")
                .collect(Collectors.joining());
        site.put("/rss.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title><link>/</link>"
                + "<description>d</description>" + items + "</channel></rss>");
        config = Files.writeString(dir.resolve("tearsheet.yaml"), """
                archive: {dir: archive, rotate_size: 1MiB}
                extraction: {enabled: false}
                fetch: {politeness_delay: 0s, per_host_concurrency: 3, global_concurrency: 3, retries: 0}
                jobs:
                  - name: news
                    schedule: "0 0 1 1 *"
                    seeds: {feeds: ["%s"]}
                """.formatted(site.url("/rss.xml")));
    }

    @AfterEach
    void tearDown() throws IOException {
        children.forEach(Process::destroyForcibly);
        site.close();
        // keep the children's logs for a look after a failure
        Path keep = Files.createDirectories(Path.of("target", "crawl-process-logs"));
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.copy(log, keep.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private Process start(String logName, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile());
        pb.environment().put("TEARSHEET_LOG_LEVEL", "INFO");
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private long articleHits() {
        return site.hits().stream().filter(h -> h.path().startsWith("/news/")).count();
    }

    private void awaitHits(long n, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (articleHits() < n) {
            assertThat(p.isAlive()).as("child still running").isTrue();
            assertThat(System.nanoTime()).as("waiting for %d article requests", n).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Path archive() {
        return dir.resolve("archive");
    }

    private List<String> openFiles() throws IOException {
        try (Stream<Path> s = Files.list(archive())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".open")).toList();
        }
    }

    @Test
    void aRunKilledMidwayResumesWithoutLosingOrDuplicatingCaptures() throws Exception {
        site.slowDown(Duration.ofMillis(60));
        Process first = start("first.log", "crawl");
        awaitHits(35, first);
        first.destroyForcibly(); // SIGKILL: no shutdown hooks, no WARC close
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(openFiles()).as("the killed run left its current WARC open").isNotEmpty();
        List<WarcFiles.Rec> afterKill = WarcFiles.records(archive());
        assertThat(afterKill.stream().filter(WarcFiles.Rec::isPageResponse)).as("some WARCs closed before the kill")
                .isNotEmpty();

        site.slowDown(Duration.ZERO);
        Process second = start("second.log", "crawl");
        assertThat(second.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

        List<WarcFiles.Rec> records = WarcFiles.records(archive()); // every closed WARC validates
        Map<String, Long> responses = records.stream().filter(WarcFiles.Rec::isPageResponse)
                .collect(Collectors.groupingBy(WarcFiles.Rec::target, Collectors.counting()));
        List<String> discovered = IntStream.range(0, ARTICLES).mapToObj(i -> site.url("/news/a" + i + ".html")).toList();
        assertThat(responses.keySet()).containsExactlyInAnyOrderElementsOf(discovered);
        assertThat(responses.values()).as("each URL captured exactly once").containsOnly(1L);
        // what the first run had durably captured was only revisited (conditionally), not captured again
        long durableBeforeKill = afterKill.stream().filter(WarcFiles.Rec::isPageResponse).count();
        assertThat(records.stream().filter(r -> r.type().equals("revisit"))).hasSize((int) durableBeforeKill);
        try (SqliteStateStore store = SqliteStateStore.open(archive())) {
            assertThat(store.unfinished("news")).isEmpty();
            assertThat(store.runs("news", 5)).hasSize(2);
        }
    }

    @Test
    void daemonStopsOnSigtermAfterFinishingCapturesInFlight() throws Exception {
        Files.writeString(config, Files.readString(config).replace("0 0 1 1 *", "* * * * * ?"));
        site.slowDown(Duration.ofMillis(100));
        Process daemon = start("daemon.log", "daemon");
        awaitHits(10, daemon);
        daemon.destroy(); // SIGTERM
        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("daemon.log"));
        assertThat(daemon.exitValue()).as(log).isZero();
        assertThat(log).contains("SIGTERM received").contains("daemon stopped");
        assertThat(openFiles()).as("every WARC closed").isEmpty();
        List<WarcFiles.Rec> responses = WarcFiles.records(archive()).stream()
                .filter(WarcFiles.Rec::isPageResponse).toList();
        assertThat(responses).isNotEmpty().hasSizeLessThan(ARTICLES);
        try (SqliteStateStore store = SqliteStateStore.open(archive())) {
            // every capture written is durable in state; the rest waits for the next run
            assertThat(store.countByOutcome("news").get("captured")).isEqualTo(responses.size());
            assertThat(store.unfinished("news")).hasSize(ARTICLES - responses.size());
        }
    }

    @Test
    void lockedJobExitsWith4AndInvalidConfigWith2() throws Exception {
        try (var held = org.tearsheet.crawl.JobLock.acquire(archive(), "news")) {
            Process p = start("locked.log", "crawl", "--job", "news");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(ExitCodes.LOCKED);
            assertThat(Files.readString(dir.resolve("locked.log"))).contains("job 'news' is already running");
        }
        assertThat(Main.run("crawl", "--config", config.toString(), "--job", "nope")).isEqualTo(ExitCodes.USAGE);
        Files.writeString(config, "jobs:\n  - name: x\n    seeds: {feeds: [\"not a url\"]}\n");
        assertThat(Main.run("config", "check", "--config", config.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(Main.run("crawl", "--config", config.toString())).isEqualTo(ExitCodes.USAGE);
    }

}
