package org.tearsheet.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;
import org.tearsheet.cli.ExitCodes;
import org.tearsheet.cli.Main;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.CdxjEntry;
import org.tearsheet.index.SidecarFiles;
import org.tearsheet.testing.Fixtures;
import org.tearsheet.verify.Hashing;
import picocli.CommandLine;

class ExportTest {

    @TempDir
    Path dir;
    @TempDir
    Path outDir;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void archive() throws Exception {
        Fixtures.write(dir);
    }

    private static byte[] read(ZipFile zip, String name) throws Exception {
        ZipArchiveEntry e = zip.getEntry(name);
        assertThat(e).as(name).isNotNull();
        try (var in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    @Test
    void waczHasTheLayoutAndDigestsOfWacz111() throws Exception {
        Path out = outDir.resolve("all.wacz");
        WaczExporter.Result r = WaczExporter.builder(dir).title("Test export").build().write(out);
        assertThat(r.warcs()).isEqualTo(2);
        assertThat(r.pages()).isEqualTo(4);
        assertThat(r.indexEntries()).isEqualTo(6);

        try (ZipFile zip = ZipFile.builder().setPath(out).get()) {
            List<String> names = new ArrayList<>();
            zip.getEntries().asIterator().forEachRemaining(e -> names.add(e.getName()));
            List<String> warcNames = ArchiveFiles.warcs(dir).stream().map(p -> "archive/" + p.getFileName()).toList();
            assertThat(names).containsAll(warcNames).contains("indexes/index.cdxj", "pages/pages.jsonl",
                    "datapackage.json", "datapackage-digest.json");
            for (String w : warcNames) {
                assertThat(zip.getEntry(w).getMethod()).as("WARCs are stored").isEqualTo(ZipEntry.STORED);
                assertThat(read(zip, w)).isEqualTo(Files.readAllBytes(dir.resolve(w.substring(8))));
            }

            JsonNode dp = json.readTree(read(zip, "datapackage.json"));
            assertThat(dp.get("wacz_version").asText()).isEqualTo("1.1.1");
            assertThat(dp.get("profile").asText()).isEqualTo("data-package");
            assertThat(dp.get("title").asText()).isEqualTo("Test export");
            assertThat(dp.get("resources")).hasSize(4);
            for (JsonNode res : dp.get("resources")) {
                byte[] content = read(zip, res.get("path").asText());
                assertThat(res.get("hash").asText()).isEqualTo("sha256:" + Hashing.sha256Hex(content));
                assertThat(res.get("bytes").asLong()).isEqualTo(content.length);
            }
            JsonNode digest = json.readTree(read(zip, "datapackage-digest.json"));
            assertThat(digest.get("path").asText()).isEqualTo("datapackage.json");
            assertThat(digest.get("hash").asText()).isEqualTo("sha256:" + Hashing.sha256Hex(read(zip, "datapackage.json")));

            List<String> pages = new String(read(zip, "pages/pages.jsonl"), StandardCharsets.UTF_8).lines().toList();
            JsonNode header = json.readTree(pages.get(0));
            assertThat(header.get("format").asText()).isEqualTo("json-pages-1.0");
            assertThat(header.get("hasText").asBoolean()).isTrue();
            assertThat(pages).hasSize(5);
            JsonNode page = json.readTree(pages.get(1));
            assertThat(page.get("url").asText()).isEqualTo(Fixtures.ARTICLE);
            assertThat(page.get("ts").asText()).isEqualTo("2026-11-20T10:15:30Z");
            assertThat(page.get("title").asText()).isEqualTo("Budget vote");
            assertThat(page.get("text").asText()).contains("The vote was close.");

            // every index line locates its record inside the packaged WARC
            List<String> index = new String(read(zip, "indexes/index.cdxj"), StandardCharsets.UTF_8).lines().toList();
            assertThat(index).hasSize(6).isSorted();
            for (String line : index) {
                CdxjEntry e = CdxjEntry.parse(line);
                byte[] warc = read(zip, "archive/" + e.filename());
                try (WarcReader reader = new WarcReader(new java.io.ByteArrayInputStream(warc, (int) e.offset(), (int) e.length()))) {
                    WarcResponse resp = (WarcResponse) reader.next().orElseThrow();
                    assertThat(resp.target()).isEqualTo(e.url());
                }
            }
        }
    }

    @Test
    void everyEntrysDataStartsWhereTheCentralDirectorySaysReplayWebPageLooks() throws Exception {
        Path out = outDir.resolve("layout.wacz");
        WaczExporter.builder(dir).build().write(out);

        // ReplayWeb.page (wabac.js) reads an entry at: local header offset + 30 + name length + the *central*
        // directory's extra length. A Zip64 field in the local header only (what commons-compress writes for an
        // entry of unknown size) shifted every entry by 20 bytes there, and the package did not open. Read from
        // the raw bytes (commons-compress's ZipFile merges the local extra fields into its entries and hides it).
        byte[] bytes = Files.readAllBytes(out);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int eocd = bytes.length - 22;
        while (buf.getInt(eocd) != 0x06054b50) {
            eocd--;
        }
        int entries = Short.toUnsignedInt(buf.getShort(eocd + 10));
        int at = buf.getInt(eocd + 16);
        try (ZipFile zip = ZipFile.builder().setPath(out).get()) {
            for (int i = 0; i < entries; i++) {
                assertThat(buf.getInt(at)).isEqualTo(0x02014b50);
                int method = Short.toUnsignedInt(buf.getShort(at + 10));
                int compressedSize = buf.getInt(at + 20);
                int nameLength = Short.toUnsignedInt(buf.getShort(at + 28));
                int centralExtra = Short.toUnsignedInt(buf.getShort(at + 30));
                int commentLength = Short.toUnsignedInt(buf.getShort(at + 32));
                int local = buf.getInt(at + 42);
                String name = new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8);
                int localExtra = Short.toUnsignedInt(buf.getShort(local + 28));
                assertThat(localExtra).as("local header extra length of " + name).isEqualTo(centralExtra);
                if (method == ZipEntry.STORED) {
                    int dataAt = local + 30 + nameLength + centralExtra;
                    assertThat(java.util.Arrays.copyOfRange(bytes, dataAt, dataAt + compressedSize))
                            .as("bytes where a reader looks for " + name).isEqualTo(read(zip, name));
                }
                at += 46 + nameLength + centralExtra + commentLength;
            }
        }
    }

    @Test
    void dateFilterSelectsWarcsAndPages() throws Exception {
        Path out = outDir.resolve("late.wacz");
        WaczExporter.Result r = WaczExporter.builder(dir)
                .filter(new CaptureFilter(LocalDate.parse("2026-11-21"), null, null)).build().write(out);
        assertThat(r.warcs()).isEqualTo(1);
        assertThat(r.pages()).isEqualTo(2);
        assertThatThrownBy(() -> WaczExporter.builder(dir)
                .filter(new CaptureFilter(LocalDate.parse("2027-01-01"), null, null)).build().write(outDir.resolve("none.wacz")))
                .hasMessageContaining("nothing to export");
        assertThat(outDir.resolve("none.wacz")).doesNotExist();
        assertThat(outDir.resolve("none.wacz.part")).doesNotExist();
    }

    @Test
    void jobFilterUsesMetadataRecordsAndTheStateDatabase() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("export", "--wacz", outDir.resolve("job.wacz").toString(), "--job", "daily", dir.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no capture of job 'daily' found: no metadata record in the WARCs names it",
                "the jobs state database", "state.db does not exist");

        // the job named in metadata records is found without a state.db
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("export", "--text", outDir.resolve("weekly.jsonl").toString(), "--job", "weekly", dir.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(outDir.resolve("weekly.jsonl"))).singleElement().asString()
                .contains("\"title\":\"Other site story\"");

        // a state.db with the jobs schema's captures table: only that job's articles are exported
        String id = SidecarFiles.parse(new String(new java.util.zip.GZIPInputStream(Files.newInputStream(
                ArchiveFiles.sidecars(dir).get(1))).readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .warcRecordId();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE captures (id INTEGER PRIMARY KEY, job TEXT NOT NULL, canonical TEXT NOT NULL, "
                    + "url TEXT NOT NULL, captured_at INTEGER NOT NULL, outcome TEXT NOT NULL, status INTEGER NOT NULL, "
                    + "warc_file TEXT NOT NULL, warc_record_id TEXT, durable INTEGER NOT NULL)");
            s.execute("INSERT INTO captures(job, canonical, url, captured_at, outcome, status, warc_file, warc_record_id, durable) "
                    + "VALUES ('daily', 'x', 'x', 0, 'captured', 200, 'w', '" + id + "', 1)");
        }
        assertThat(cl.execute("export", "--text", outDir.resolve("job.jsonl").toString(), "--job", "daily", dir.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(outDir.resolve("job.jsonl"))).singleElement().asString().contains("\"title\":\"Budget vote (updated)\"");
        assertThat(cl.execute("export", "--text", outDir.resolve("x.jsonl").toString(), "--job", "monthly", dir.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("state.db has no captures for it");
    }

    @Test
    void textExportMergesAndFiltersSidecars() throws Exception {
        Path out = outDir.resolve("text.jsonl");
        TextExporter.Result r = TextExporter.export(dir, new CaptureFilter(null, LocalDate.parse("2026-11-20"), null), out);
        assertThat(r.articles()).isEqualTo(2);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(l -> assertThat(SidecarFiles.parse(l).captured()).startsWith("2026-11-20"));
        assertThat(json.readTree(lines.get(1)).get("paywall").get("status").asText()).isEqualTo("truncated");
        assertThat(TextExporter.export(dir, CaptureFilter.all(), out).articles()).isEqualTo(4);
    }
}
