package org.tearsheet.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;
import org.tearsheet.testing.TestArchive;

class CdxjIndexTest {

    @TempDir
    Path dir;

    @Test
    void indexesResponsesWithSurtTimestampAndLocation() throws Exception {
        Instant t = Instant.parse("2026-11-20T10:15:30Z");
        try (TestArchive a = TestArchive.create(dir, t, 1, "news.example")) {
            a.article("http://News.Example/b/story.html?x=1", t, "<html><body>b</body></html>", "B", "text b", null);
            a.resource("https://www.news.example/a.png", t.plusSeconds(1), "image/png", new byte[] {1, 2, 3});
        }
        CdxjIndex.UpdateResult r = CdxjIndex.of(dir).update();
        assertThat(r.filesIndexed()).isEqualTo(1);
        assertThat(r.entriesAdded()).isEqualTo(2);
        assertThat(r.warnings()).isEmpty();

        List<String> lines = Files.readAllLines(dir.resolve("index.cdxj"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("example,news)/a.png 20261120101531 {");
        assertThat(lines.get(1)).startsWith("example,news)/b/story.html?x=1 20261120101530 {");
        String warcName = Files.list(dir).filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow()
                .getFileName().toString();
        assertThat(lines.get(1)).contains("\"url\":\"http://News.Example/b/story.html?x=1\"", "\"mime\":\"text/html\"",
                "\"status\":\"200\"", "\"digest\":\"sha1:", "\"filename\":\"" + warcName + "\"");

        // offset/length locate exactly the response record
        CdxjEntry e = CdxjEntry.parse(lines.get(0));
        assertThat(e.mime()).isEqualTo("image/png");
        try (WarcReader reader = new WarcReader(java.nio.channels.FileChannel.open(dir.resolve(warcName)))) {
            reader.position(e.offset());
            WarcResponse resp = (WarcResponse) reader.next().orElseThrow();
            assertThat(resp.target()).isEqualTo("https://www.news.example/a.png");
            assertThat(resp.payloadDigest().orElseThrow().prefixedBase32()).isEqualTo(e.digest());
            reader.next();
            assertThat(reader.position() - e.offset()).isEqualTo(e.length());
        }
    }

    @Test
    void updateOnlyReadsNewWarcsAndKeepsTheFileSorted() throws Exception {
        Instant t = Instant.parse("2026-11-20T10:15:30Z");
        try (TestArchive a = TestArchive.create(dir, t, 1, "z.example")) {
            a.resource("http://z.example/", t, "text/html", "z".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(CdxjIndex.of(dir).update().entriesAdded()).isEqualTo(1);
        try (TestArchive b = TestArchive.create(dir, t.plusSeconds(9), 2, "a.example")) {
            b.resource("http://a.example/", t, "text/html", "a".getBytes(StandardCharsets.UTF_8));
        }
        CdxjIndex.UpdateResult second = CdxjIndex.of(dir).update();
        assertThat(second.filesIndexed()).isEqualTo(1);
        assertThat(second.entriesAdded()).isEqualTo(1);
        assertThat(second.totalEntries()).isEqualTo(2);
        assertThat(CdxjIndex.of(dir).update().filesIndexed()).isZero();

        List<String> lines = Files.readAllLines(dir.resolve("index.cdxj"));
        assertThat(lines).hasSize(2).isSorted();
        assertThat(lines.get(0)).startsWith("example,a)/ ");
    }

    @Test
    void lookupFindsEveryKeyByBinarySearch() throws Exception {
        Instant t = Instant.parse("2026-11-20T10:15:30Z");
        try (TestArchive a = TestArchive.create(dir, t, 1, "many.example")) {
            for (int i = 0; i < 120; i++) {
                // three captures of some URLs, keys that share prefixes (/p1, /p10, /p100)
                for (int c = 0; c < (i % 7 == 0 ? 3 : 1); c++) {
                    a.resource("http://many.example/p" + i, t.plusSeconds(i * 10L + c), "text/plain",
                            ("v" + i + "-" + c).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        CdxjIndex index = CdxjIndex.of(dir);
        index.update();
        List<CdxjEntry> all = index.readAll();
        for (int i = 0; i < 120; i++) {
            String key = org.netpreserve.jwarc.URIs.toNormalizedSurt("http://many.example/p" + i);
            List<CdxjEntry> found = index.lookup(key);
            assertThat(found).as(key).isEqualTo(all.stream().filter(e -> e.urlKey().equals(key)).toList());
            assertThat(found).hasSize(i % 7 == 0 ? 3 : 1);
        }
        assertThat(index.lookup("example,many)/nothing")).isEmpty();
        assertThat(index.lookup("aaa")).isEmpty();
        assertThat(index.lookup("zzz")).isEmpty();
        assertThat(CdxjIndex.of(dir.resolve("missing")).lookup("x")).isEmpty();
    }

    @Test
    void aTruncatedWarcIsReportedAndLeftForLater() throws Exception {
        Instant t = Instant.parse("2026-11-20T10:15:30Z");
        Path warc;
        try (TestArchive a = TestArchive.create(dir, t, 1, "x.example")) {
            a.resource("http://x.example/", t, "text/html", "x".repeat(5000).getBytes(StandardCharsets.UTF_8));
            warc = a.path();
        }
        byte[] all = Files.readAllBytes(warc);
        Files.write(warc, java.util.Arrays.copyOf(all, all.length - 40));
        CdxjIndex.UpdateResult r = CdxjIndex.of(dir).update();
        assertThat(r.filesIndexed()).isZero();
        assertThat(r.warnings()).singleElement().asString().contains("not indexed");
    }
}
