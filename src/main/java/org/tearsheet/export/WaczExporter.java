package org.tearsheet.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.CdxjEntry;
import org.tearsheet.index.CdxjIndex;
import org.tearsheet.index.SidecarFiles;
import org.tearsheet.sidecar.SidecarEntry;
import org.tearsheet.verify.Hashing;

/**
 * Packages (part of) an archive as a WACZ 1.1.1 file that ReplayWeb.page opens: the WARCs stored uncompressed under
 * {@code archive/}, {@code indexes/index.cdxj}, {@code pages/pages.jsonl} with title and cleaned text (for full-text
 * search), {@code datapackage.json} listing every file with its sha256 and size, and {@code datapackage-digest.json}
 * with the sha256 of {@code datapackage.json}.
 *
 * <p>WARCs are included whole: a WARC goes in when it holds an exported article, or (without a job filter) any
 * capture in the date range; the index covers every capture of the included WARCs so pages replay with their
 * stylesheets and images.
 */
public final class WaczExporter {

    public static final String WACZ_VERSION = "1.1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an export wrote. */
    public record Result(int warcs, long pages, long indexEntries, long bytes, String datapackageSha256) {
    }

    private final Path archiveDir;
    private final CaptureFilter filter;
    private final String title;
    private final String software;
    private final Clock clock;

    private WaczExporter(Builder b) {
        this.archiveDir = b.archiveDir;
        this.filter = b.filter;
        this.title = b.title;
        this.software = b.software;
        this.clock = b.clock;
    }

    public static Builder builder(Path archiveDir) {
        return new Builder(archiveDir);
    }

    /** Configures an export. */
    public static final class Builder {
        private final Path archiveDir;
        private CaptureFilter filter = CaptureFilter.all();
        private String title;
        private String software = "tearsheet";
        private Clock clock = Clock.systemUTC();

        private Builder(Path archiveDir) {
            this.archiveDir = archiveDir;
        }

        public Builder filter(CaptureFilter filter) {
            this.filter = filter;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder software(String software) {
            this.software = software;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public WaczExporter build() {
            return new WaczExporter(this);
        }
    }

    /**
     * Writes the package to {@code out} (via a temporary file, moved into place when complete).
     *
     * @throws IOException when nothing matches the filter, or a WARC cannot be read
     */
    public Result write(Path out) throws IOException {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        // pages (with their full text) go to a temporary file as they are found, so memory does not grow with them
        Path pagesFile = out.toAbsolutePath().resolveSibling(out.getFileName() + ".pages.part");
        try {
            List<Path> warcs = new ArrayList<>();
            List<String> indexLines = new ArrayList<>();
            long pageCount = 0;
            ObjectNode firstPage = null;
            Map<String, List<CdxjEntry>> indexed = currentIndexEntries();
            try (OutputStream pagesOut = new BufferedOutputStream(Files.newOutputStream(pagesFile), 1 << 16)) {
                pagesOut.write(pagesHeader());
                for (Path warc : ArchiveFiles.warcs(archiveDir)) {
                    List<ObjectNode> warcPages = pagesOf(warc);
                    List<CdxjEntry> entries = indexed.get(warc.getFileName().toString());
                    if (entries == null) {
                        entries = CdxjIndex.entriesOf(warc, w -> { });
                    }
                    boolean inRange = filter.jobRecordIds() == null
                            && entries.stream().anyMatch(e -> filter.inRange(instantOf(e.timestamp())));
                    if (warcPages.isEmpty() && !inRange) {
                        continue;
                    }
                    warcs.add(warc);
                    for (ObjectNode p : warcPages) {
                        pagesOut.write(JSON.writeValueAsBytes(p));
                        pagesOut.write('\n');
                        if (firstPage == null) {
                            firstPage = p.deepCopy();
                            firstPage.remove("text");
                        }
                        pageCount++;
                    }
                    entries.forEach(e -> indexLines.add(e.toLine()));
                }
            }
            if (warcs.isEmpty()) {
                throw new IOException("nothing to export: no capture in " + archiveDir + " matches the filter");
            }
            Collections.sort(indexLines);

            Map<String, Resource> resources = new LinkedHashMap<>();
            String dpHash;
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(tmp)) {
                for (Path warc : warcs) {
                    resources.put("archive/" + warc.getFileName(), copy(zip, "archive/" + warc.getFileName(), warc,
                            ZipEntry.STORED));
                }
                resources.put("indexes/index.cdxj", deflate(zip, "indexes/index.cdxj", joinLines(indexLines)));
                resources.put("pages/pages.jsonl", copy(zip, "pages/pages.jsonl", pagesFile, ZipEntry.DEFLATED));
                byte[] datapackage = datapackage(resources, firstPage);
                deflate(zip, "datapackage.json", datapackage);
                dpHash = Hashing.sha256Hex(datapackage);
                ObjectNode digest = JSON.createObjectNode();
                digest.put("path", "datapackage.json");
                digest.put("hash", "sha256:" + dpHash);
                deflate(zip, "datapackage-digest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(digest));
                zip.finish();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(warcs.size(), pageCount, indexLines.size(), Files.size(out), dpHash);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(pagesFile);
        }
    }

    /**
     * Entries of the archive's index for the WARCs it indexed at their current size, so export does not parse those
     * WARCs again; other WARCs are read directly.
     */
    private Map<String, List<CdxjEntry>> currentIndexEntries() throws IOException {
        CdxjIndex index = CdxjIndex.of(archiveDir);
        Map<String, Long> state = index.indexedFiles();
        Map<String, List<CdxjEntry>> out = new java.util.HashMap<>();
        if (state.isEmpty()) {
            return out;
        }
        for (CdxjEntry e : index.readAll()) {
            out.computeIfAbsent(e.filename(), k -> new ArrayList<>()).add(e);
        }
        out.keySet().removeIf(name -> {
            Path p = ArchiveFiles.resolveWarc(archiveDir, name);
            try {
                return p == null || !state.containsKey(name) || Files.size(p) != state.get(name);
            } catch (IOException e) {
                return true;
            }
        });
        return out;
    }

    /** sha256 and size of one file in the package. */
    private record Resource(String sha256, long bytes) {
    }

    private List<ObjectNode> pagesOf(Path warc) throws IOException {
        Path sidecar = ArchiveFiles.sidecarOf(warc);
        List<ObjectNode> out = new ArrayList<>();
        if (!Files.isRegularFile(sidecar)) {
            return out;
        }
        SidecarFiles.forEachLine(sidecar, (n, raw) -> {
            SidecarEntry e;
            try {
                e = SidecarFiles.parse(raw);
            } catch (IllegalArgumentException ex) {
                return;
            }
            if (!filter.accepts(e)) {
                return;
            }
            ObjectNode p = JSON.createObjectNode();
            String id = CaptureFilter.stripAngles(e.warcRecordId());
            p.put("id", id != null && id.startsWith("urn:uuid:") ? id.substring(9) : id);
            p.put("url", e.finalUrl() != null ? e.finalUrl() : e.url());
            p.put("ts", e.captured());
            p.put("title", e.title());
            p.put("text", e.text());
            p.put("size", e.wordCount());
            out.add(p);
        });
        return out;
    }

    private static Instant instantOf(String ts14) {
        return Instant.parse(ts14.substring(0, 4) + "-" + ts14.substring(4, 6) + "-" + ts14.substring(6, 8) + "T"
                + ts14.substring(8, 10) + ":" + ts14.substring(10, 12) + ":" + ts14.substring(12, 14) + "Z");
    }

    /** Copies a file into the zip (WACZ requires WARCs STORED: readers seek into them by offset). */
    private static Resource copy(ZipArchiveOutputStream zip, String name, Path file, int method) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(method);
        entry.setTime(Files.getLastModifiedTime(file).toMillis());
        // A known size keeps the Zip64 extra field out of the local header unless the entry really needs it
        // (>= 4 GiB): ReplayWeb.page finds an entry's data from the central directory's extra length, and a
        // local-only Zip64 field shifts the data by 20 bytes under it ("not valid JSON" on datapackage.json).
        entry.setSize(Files.size(file));
        zip.putArchiveEntry(entry);
        MessageDigest md = Hashing.sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                zip.write(buf, 0, n);
                size += n;
            }
        }
        zip.closeArchiveEntry();
        return new Resource(HexFormat.of().formatHex(md.digest()), size);
    }

    private static Resource deflate(ZipArchiveOutputStream zip, String name, byte[] data) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setSize(data.length); // see copy(): no local-only Zip64 field
        zip.putArchiveEntry(entry);
        zip.write(data);
        zip.closeArchiveEntry();
        return new Resource(Hashing.sha256Hex(data), data.length);
    }

    private static byte[] joinLines(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pagesHeader() throws IOException {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", "json-pages-1.0");
        header.put("id", "pages");
        header.put("title", "All Pages");
        header.put("hasText", true);
        return (JSON.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] datapackage(Map<String, Resource> resources, ObjectNode firstPage) throws IOException {
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode dp = JSON.createObjectNode();
        dp.put("profile", "data-package");
        dp.put("wacz_version", WACZ_VERSION);
        dp.put("title", title != null ? title : "tearsheet archive " + archiveDir.toAbsolutePath().getFileName());
        dp.put("created", now);
        dp.put("modified", now);
        dp.put("software", software);
        if (firstPage != null) {
            dp.put("mainPageUrl", firstPage.get("url").asText());
            dp.put("mainPageDate", firstPage.get("ts").asText());
        }
        ArrayNode list = dp.putArray("resources");
        resources.forEach((path, r) -> {
            ObjectNode o = list.addObject();
            o.put("name", path.substring(path.lastIndexOf('/') + 1));
            o.put("path", path);
            o.put("hash", "sha256:" + r.sha256());
            o.put("bytes", r.bytes());
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(dp);
    }
}
