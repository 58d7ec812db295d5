package org.tearsheet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.tearsheet.export.CaptureFilter;
import org.tearsheet.export.WaczExporter;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.ArchiveUpkeep;
import org.tearsheet.index.CdxjIndex;
import org.tearsheet.index.SidecarFiles;
import org.tearsheet.record.WarcClosedListener;
import org.tearsheet.replay.ArticleCatalog;
import org.tearsheet.replay.ArticleQuery;
import org.tearsheet.sidecar.SidecarEntry;
import org.tearsheet.verify.ArchiveVerifier;
import org.tearsheet.verify.Hashing;
import org.tearsheet.verify.VerificationReport;

/**
 * Benchmark of the archive-use side on a synthetic archive written in the run (WARCs in the capture layout with
 * sidecars). Every figure is reported against the same baseline measured in the same run: one plain gunzip pass
 * over all WARC bytes, the least any reader of the archive must do.
 *
 * <pre>java -cp target/tearsheet.jar org.tearsheet.bench.ArchiveUseBench [DIR] [WARCS] [ARTICLES_PER_WARC]</pre>
 */
public final class ArchiveUseBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveUseBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("tearsheet-bench-archive");
        int warcs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int perWarc = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        run(dir, warcs, perWarc, System.out);
    }

    /** Writes the archive into {@code dir} (must be empty or absent) and prints the figures. */
    public static void run(Path dir, int warcs, int perWarc, PrintStream out) throws Exception {
        Files.createDirectories(dir);
        if (!ArchiveFiles.warcs(dir).isEmpty()) {
            throw new IOException(dir + " already holds WARCs; give an empty folder");
        }
        List<Path> files = new ArrayList<>();
        for (int w = 0; w < warcs; w++) {
            files.add(writeWarc(dir, w, perWarc, new Random(w)));
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        out.printf(Locale.ROOT, "archive: %d WARCs, %d articles, %.1f MiB compressed%n", warcs, warcs * perWarc,
                bytes / 1048576.0);

        gunzipAll(files); // warm-up: JIT and page cache, so the baseline is not the first reader
        long base = time(() -> gunzipAll(files));
        out.printf(Locale.ROOT, "baseline  gunzip all WARCs           %8.1f ms  (1.00x)%n", base / 1e6);

        WarcClosedListener upkeep = ArchiveUpkeep.listener(dir);
        long upkeepNs = time(() -> files.forEach(upkeep::warcClosed));
        report(out, "upkeep    manifest + index per WARC", upkeepNs, base);

        Files.delete(dir.resolve(ArchiveFiles.INDEX));
        Files.delete(dir.resolve(ArchiveFiles.INDEX_STATE));
        long indexNs = time(() -> CdxjIndex.of(dir).update());
        report(out, "index     full CDXJ build", indexNs, base);

        VerificationReport[] vr = new VerificationReport[1];
        long verifyNs = time(() -> vr[0] = ArchiveVerifier.verify(dir));
        report(out, "verify    digests, sidecars, index, chain", verifyNs, base);
        if (!vr[0].ok()) {
            throw new IllegalStateException("bench archive does not verify: " + vr[0].problems().get(0));
        }

        Path wacz = dir.resolveSibling(dir.getFileName() + ".wacz");
        long waczNs = time(() -> WaczExporter.builder(dir).filter(CaptureFilter.all()).build().write(wacz));
        report(out, "export    WACZ", waczNs, base);
        Files.deleteIfExists(wacz);

        ArticleCatalog[] cat = new ArticleCatalog[1];
        long catalogNs = time(() -> cat[0] = ArticleCatalog.open(dir));
        report(out, "serve     search.db build (FTS5)", catalogNs, base);
        try (ArticleCatalog c = cat[0]) {
            String[] words = {"council", "bridge", "\"river crossing\"", "budget", "schools"};
            int queries = 200;
            long searchNs = time(() -> {
                for (int i = 0; i < queries; i++) {
                    c.search(new ArticleQuery(words[i % words.length], null, LocalDate.of(2026, 1, 1), null, null,
                            1 + i % 3, 20), false);
                }
            });
            out.printf(Locale.ROOT, "serve     search query + filters      %8.2f ms per query (%d queries)%n",
                    searchNs / 1e6 / queries, queries);
        }
    }

    private static void report(PrintStream out, String what, long ns, long base) {
        out.printf(Locale.ROOT, "%-38s %8.1f ms  (%.2fx baseline)%n", what, ns / 1e6, (double) ns / base);
    }

    /** A task that may throw. */
    private interface Task {
        void run() throws Exception;
    }

    private static long time(Task t) throws Exception {
        long start = System.nanoTime();
        t.run();
        return System.nanoTime() - start;
    }

    private static void gunzipAll(List<Path> files) throws IOException {
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
                while (in.read(buf) >= 0) {
                    // reading is the work
                }
            }
        }
    }

    private static final String[] WORDS = ("council budget river bridge crossing schools lunch farms valley trains "
            + "signals staffing mayor library bus night reserve fund tax street lighting engineers survey repairs "
            + "pilot parents meals programme weather flood harbour museum election").split(" ");

    private static Path writeWarc(Path dir, int serial, int articles, Random rnd) throws IOException {
        Instant start = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(serial * 3600L);
        String name = String.format(Locale.ROOT, "bench-%s-%05d-news.example.warc.gz",
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(java.time.ZoneOffset.UTC)
                        .format(start), serial);
        Path path = dir.resolve(name);
        List<SidecarEntry> lines = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
            byte[] info = "software: tearsheet-bench\r\n".getBytes(StandardCharsets.UTF_8);
            w.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).filename(name)
                    .body(MediaType.WARC_FIELDS, info).blockDigest(sha1(info)).build());
            for (int i = 0; i < articles; i++) {
                String url = "https://news.example/" + serial + "/story-" + i + ".html";
                Instant date = start.plusSeconds(i);
                StringBuilder text = new StringBuilder();
                for (int p = 0; p < 12; p++) {
                    for (int k = 0; k < 60; k++) {
                        text.append(WORDS[rnd.nextInt(WORDS.length)]).append(k == 59 ? ".\n\n" : " ");
                    }
                }
                String t = text.toString().trim();
                String html = "<!doctype html><html><head><title>Story " + i + "</title>" + boilerplate(rnd)
                        + "</head><body><article><p>" + t.replace("\n\n", "</p><p>") + "</p></article></body></html>";
                byte[] body = html.getBytes(StandardCharsets.UTF_8);
                HttpResponse http = new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "text/html; charset=utf-8")
                        .body(null, body).build();
                ByteArrayOutputStream block = new ByteArrayOutputStream();
                block.write(http.serializeHeader());
                block.write(body);
                WarcResponse resp = new WarcResponse.Builder(URI.create(url)).version(MessageVersion.WARC_1_1).date(date)
                        .body(MediaType.HTTP_RESPONSE, block.toByteArray()).blockDigest(sha1(block.toByteArray()))
                        .payloadDigest(sha1(body)).build();
                long offset = w.position();
                w.write(resp);
                String textSha = Hashing.sha256Hex(t.getBytes(StandardCharsets.UTF_8));
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("url", url);
                meta.put("text_sha256", textSha);
                byte[] metaBody = JSON.writeValueAsBytes(meta);
                w.write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).targetURI(URI.create(url)).date(date)
                        .addHeader("WARC-Refers-To", "<" + resp.id() + ">")
                        .body(MediaType.parse("application/json"), metaBody).blockDigest(sha1(metaBody)).build());
                lines.add(new SidecarEntry(url, url, date.toString(), name, "<" + resp.id() + ">", offset, 200,
                        null, "Story " + i, null, null, null, "en", "news.example", null, url, t.split("\\s+").length,
                        List.of(url), new SidecarEntry.PaywallJson(i % 5 == 0 ? "truncated" : "none", null, List.of(),
                        "none"), t, textSha));
            }
        }
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(ArchiveFiles.sidecarOf(path)))) {
            for (SidecarEntry e : lines) {
                o.write((SidecarFiles.toJson(e) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return path;
    }

    /**
     * Roughly what surrounds an article on a real news page (scripts, navigation, tracking config): about 40 KB that
     * compresses like real markup does, so the WARC-to-text ratio resembles real captures.
     */
    private static String boilerplate(Random rnd) {
        StringBuilder b = new StringBuilder(45_000);
        b.append("<script>window.__CONFIG__={");
        for (int k = 0; k < 900; k++) {
            b.append("\"k").append(Integer.toHexString(rnd.nextInt())).append("\":\"")
                    .append(Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36)).append("\",");
        }
        b.append("};</script><nav>");
        for (int k = 0; k < 120; k++) {
            b.append("<a class=\"nav-item nav-item--section\" href=\"/section/").append(WORDS[k % WORDS.length])
                    .append('/').append(k).append("\">").append(WORDS[(k * 7) % WORDS.length]).append("</a>");
        }
        return b.append("</nav>").toString();
    }

    private static WarcDigest sha1(byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(data);
            return new WarcDigest(md);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
