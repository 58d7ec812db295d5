package org.tearsheet.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.record.WarcClosedListener;
import org.tearsheet.testing.TestArchive;
import org.tearsheet.verify.ArchiveVerifier;
import org.tearsheet.verify.Manifest;
import org.tearsheet.verify.ManifestEntry;

class ArchiveUpkeepTest {

    @TempDir
    Path dir;

    @Test
    void concurrentClosesMakeOneUnbrokenChainAndACompleteIndex() throws Exception {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        List<Path> warcs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            try (TestArchive a = TestArchive.create(dir, t.plusSeconds(i), i, "h" + i + ".example")) {
                a.article("http://h" + i + ".example/a.html", t.plusSeconds(i), "<p>x</p>", "T" + i, "text " + i, null);
                a.resource("http://h" + i + ".example/s.css", t.plusSeconds(i), "text/css",
                        "p{}".getBytes(StandardCharsets.UTF_8));
                warcs.add(a.path());
            }
        }
        // two listeners (as two capture services in one process would have) on four threads
        WarcClosedListener l1 = ArchiveUpkeep.listener(dir);
        WarcClosedListener l2 = ArchiveUpkeep.listener(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < warcs.size(); i++) {
            Path w = warcs.get(i);
            WarcClosedListener l = i % 2 == 0 ? l1 : l2;
            done.add(pool.submit(() -> l.warcClosed(w)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<String> lines = Files.readAllLines(dir.resolve("manifest.jsonl"));
        assertThat(lines).hasSize(8);
        String prev = ManifestEntry.GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            ManifestEntry e = Manifest.parse(lines.get(i));
            assertThat(e.seq()).isEqualTo(i + 1);
            assertThat(e.prev()).isEqualTo(prev);
            assertThat(e.hash()).isEqualTo(e.computeHash());
            assertThat(e.sidecar()).isEqualTo(e.file() + ".text.jsonl.gz");
            prev = e.hash();
        }
        assertThat(CdxjIndex.of(dir).readAll()).hasSize(16);
        assertThat(Files.readAllLines(dir.resolve("index.cdxj"))).isSorted();
        assertThat(ArchiveVerifier.verify(dir).problems()).isEmpty();

        // a WARC closed twice (listener retried) is not chained twice
        l1.warcClosed(warcs.get(0));
        assertThat(Files.readAllLines(dir.resolve("manifest.jsonl"))).hasSize(8);
    }

    @Test
    void listenerNeverThrowsOnTrouble() {
        WarcClosedListener l = ArchiveUpkeep.listener(dir);
        l.warcClosed(dir.resolve("does-not-exist.warc.gz"));
        assertThat(dir.resolve("manifest.jsonl")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(Files.readAllLines(p)).isEmpty());
    }
}
