package org.tearsheet.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.CdxjEntry;
import org.tearsheet.index.SidecarFiles;
import org.tearsheet.sidecar.SidecarEntry;

/**
 * Checks an archive folder end to end: every WARC record's block and payload digest, every sidecar line against the
 * response record it names and the metadata record that describes it, every index line against the WARCs, and the
 * manifest hash chain against the files on disk. Collects every problem instead of stopping at the first.
 */
public final class ArchiveVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<Problem> problems = new ArrayList<>();
    /** sha256 of each WARC, computed during the gzip check so the manifest check does not read the file again. */
    private final Map<String, String> warcSha256 = new HashMap<>();
    private long records;
    private long digests;
    private long sidecarLines;
    private long indexEntries;
    private long manifestEntries;

    private ArchiveVerifier(Path dir) {
        this.dir = dir;
    }

    /** Verifies {@code archiveDir}; never throws for damaged content, only reports it. */
    public static VerificationReport verify(Path archiveDir) throws IOException {
        if (!Files.isDirectory(archiveDir)) {
            throw new NoSuchFileException(archiveDir.toString(), null, "archive folder does not exist");
        }
        return new ArchiveVerifier(archiveDir).run();
    }

    /** What verify learned about one record, enough to check sidecar and index lines against it. */
    private record RecordInfo(String type, long offset, String id, String target, String payloadDigestHeader,
                              boolean payloadOk, String refersTo, String metadataTextSha256) {
    }

    private VerificationReport run() throws IOException {
        List<Path> warcs = ArchiveFiles.warcs(dir);
        Map<String, Map<Long, RecordInfo>> byFile = new LinkedHashMap<>();
        for (Path warc : warcs) {
            Map<Long, RecordInfo> infos = checkWarc(warc);
            byFile.put(warc.getFileName().toString(), infos);
            checkMetadataTargets(warc.getFileName().toString(), infos);
        }
        checkSidecars(byFile);
        checkIndex(byFile);
        String latest = checkManifest(warcs);
        return new VerificationReport(warcs.size(), records, digests, sidecarLines, indexEntries, manifestEntries,
                latest, List.copyOf(problems));
    }

    private void problem(String location, String message) {
        problems.add(new Problem(location, message));
    }

    // ---- WARCs

    private Map<Long, RecordInfo> checkWarc(Path warc) {
        String name = warc.getFileName().toString();
        Map<Long, RecordInfo> infos = new LinkedHashMap<>();
        long offset = 0;
        try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            reader.calculateBlockDigest();
            boolean first = true;
            for (WarcRecord r = reader.next().orElse(null); r != null; r = reader.next().orElse(null)) {
                offset = reader.position();
                records++;
                String at = name + " offset " + offset;
                if (first && !r.type().equals("warcinfo")) {
                    problem(at, "first record is " + r.type() + ", expected warcinfo");
                }
                first = false;
                infos.put(offset, checkRecord(r, offset, at));
            }
        } catch (IOException | RuntimeException e) {
            problem(name + " after offset " + offset, "unreadable (truncated or corrupt): " + describe(e));
            return infos;
        }
        checkGzipTrailers(warc);
        return infos;
    }

    /**
     * jwarc does not check gzip CRC32 and length trailers, and a damaged trailer leaves the content (and so the WARC
     * digests) intact; the JDK's gzip stream checks every member's trailer.
     */
    private void checkGzipTrailers(Path warc) {
        byte[] buf = new byte[1 << 16];
        MessageDigest sha = Hashing.sha256();
        try (InputStream raw = new java.security.DigestInputStream(Files.newInputStream(warc), sha);
             InputStream in = new GZIPInputStream(raw, 1 << 16)) {
            while (in.read(buf) >= 0) {
                // reading is the check
            }
            while (raw.read(buf) >= 0) {
                // bytes after the last gzip member still count for the file's sha256
            }
            warcSha256.put(warc.getFileName().toString(), java.util.HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | RuntimeException e) {
            problem(warc.getFileName().toString(), "gzip integrity check failed (a CRC or length trailer does not "
                    + "match its data): " + describe(e));
        }
    }

    private RecordInfo checkRecord(WarcRecord r, long offset, String at) throws IOException {
        String payloadHeader = r.headers().first("WARC-Payload-Digest").orElse(null);
        boolean payloadOk = true;
        String metaSha = null;
        String refersTo = r.headers().first("WARC-Refers-To").map(ArchiveVerifier::stripAngles).orElse(null);
        if (payloadHeader != null && r instanceof WarcResponse && r.contentType().base().equals(MediaType.HTTP)) {
            WarcDigest expected = new WarcDigest(payloadHeader);
            String computed = digestOf(((WarcResponse) r).http().body().stream(), expected);
            if (computed == null) {
                problem(at, "unsupported payload digest algorithm " + expected.algorithm());
            } else {
                digests++;
                if (!computed.equalsIgnoreCase(expected.base32())) {
                    payloadOk = false;
                    problem(at, "payload digest mismatch for " + ((WarcResponse) r).target() + ": record says "
                            + payloadHeader + ", content is " + expected.algorithm() + ":" + computed);
                }
            }
        } else if (r instanceof WarcMetadata) {
            byte[] body = r.body().stream().readAllBytes();
            metaSha = findTextSha256(body);
        }
        var calculated = r.calculatedBlockDigest();
        var declared = r.blockDigest();
        if (declared.isPresent()) {
            if (calculated.isEmpty()) {
                problem(at, "unsupported block digest algorithm " + declared.get().algorithm());
            } else {
                digests++;
                if (!calculated.get().base32().equalsIgnoreCase(declared.get().base32())) {
                    problem(at, "block digest mismatch (" + r.type() + " record " + r.id() + "): record says "
                            + declared.get().prefixedBase32() + ", content is " + calculated.get().prefixedBase32());
                }
            }
        } else if (!r.type().equals("warcinfo")) {
            problem(at, r.type() + " record " + r.id() + " has no WARC-Block-Digest");
        }
        String target = r instanceof WarcTargetRecord ? ((WarcTargetRecord) r).target() : null;
        return new RecordInfo(r.type(), offset, r.id().toString(), target, payloadHeader, payloadOk, refersTo, metaSha);
    }

    /** A metadata record describes a response of the same WARC; one pointing nowhere is an orphan. */
    private void checkMetadataTargets(String name, Map<Long, RecordInfo> infos) {
        Set<String> ids = new HashSet<>();
        for (RecordInfo i : infos.values()) {
            ids.add(i.id());
        }
        for (RecordInfo i : infos.values()) {
            if ("metadata".equals(i.type()) && i.refersTo() != null && !ids.contains(i.refersTo())) {
                problem(name + " offset " + i.offset(), "orphan metadata record: WARC-Refers-To " + i.refersTo()
                        + " is not a record of this file");
            }
        }
    }

    /** base32 of the digest of {@code in} with the algorithm of {@code like}, or null for an unknown algorithm. */
    private static String digestOf(InputStream in, WarcDigest like) throws IOException {
        MessageDigest md;
        try {
            md = like.getDigester();
        } catch (java.security.NoSuchAlgorithmException e) {
            return null;
        }
        byte[] buf = new byte[1 << 16];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            md.update(buf, 0, n);
        }
        return new WarcDigest(md).base32();
    }

    /** The text digest written into a metadata record's JSON (field {@code text_sha256} at any depth). */
    private static String findTextSha256(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode found = node == null ? null : node.findValue("text_sha256");
            return found == null || found.isNull() ? null : found.asText();
        } catch (IOException e) {
            return null;
        }
    }

    // ---- sidecars

    private void checkSidecars(Map<String, Map<Long, RecordInfo>> byFile) {
        for (Path sidecar : ArchiveFiles.sidecars(dir)) {
            String sideName = sidecar.getFileName().toString();
            String warcName = ArchiveFiles.warcNameOfSidecar(sidecar);
            Map<Long, RecordInfo> infos = byFile.get(warcName);
            if (infos == null) {
                problem(sideName, "orphan sidecar: its WARC " + warcName + " is missing");
                continue;
            }
            Map<String, RecordInfo> metaByRefersTo = new HashMap<>();
            for (RecordInfo i : infos.values()) {
                if (i.refersTo() != null && "metadata".equals(i.type())) {
                    metaByRefersTo.put(i.refersTo(), i);
                }
            }
            try {
                SidecarFiles.forEachLine(sidecar, (n, raw) -> checkSidecarLine(sideName + " line " + n, warcName, raw,
                        infos, metaByRefersTo));
            } catch (IOException | RuntimeException e) {
                problem(sideName, "unreadable (truncated or corrupt gzip): " + describe(e));
            }
        }
    }

    private void checkSidecarLine(String at, String warcName, String raw, Map<Long, RecordInfo> infos,
                                  Map<String, RecordInfo> metaByRefersTo) {
        sidecarLines++;
        SidecarEntry e;
        try {
            e = SidecarFiles.parse(raw);
        } catch (IllegalArgumentException ex) {
            problem(at, ex.getMessage());
            return;
        }
        if (!warcName.equals(e.warcFile())) {
            problem(at, "warc_file is " + e.warcFile() + " but the sidecar belongs to " + warcName);
        }
        RecordInfo r = infos.get(e.warcOffset());
        if (r == null) {
            problem(at, "no WARC record starts at warc_offset " + e.warcOffset() + " in " + warcName);
        } else if (!"response".equals(r.type()) || !Objects.equals(r.id(), stripAngles(e.warcRecordId()))) {
            problem(at, "warc_offset " + e.warcOffset() + " holds " + r.type() + " record " + r.id()
                    + ", not response " + e.warcRecordId());
        } else {
            if (!r.payloadOk()) {
                problem(at, "points at a response record whose payload digest does not match its content");
            }
            if (!Objects.equals(r.target(), e.finalUrl()) && !Objects.equals(r.target(), e.url())) {
                problem(at, "url " + e.finalUrl() + " differs from the record's target " + r.target());
            }
        }
        String textSha = e.text() == null ? null : Hashing.sha256Hex(e.text().getBytes(StandardCharsets.UTF_8));
        if (!Objects.equals(textSha, e.textSha256())) {
            problem(at, "text_sha256 " + e.textSha256() + " does not match the sha256 of the text field (" + textSha
                    + "): the text or its digest was edited");
        }
        if (r != null && "response".equals(r.type())) {
            RecordInfo meta = metaByRefersTo.get(r.id());
            if (meta == null) {
                problem(at, "no metadata record refers to response " + r.id());
            } else if (meta.metadataTextSha256() != null && !meta.metadataTextSha256().equals(e.textSha256())) {
                problem(at, "text_sha256 differs from the metadata record at offset " + meta.offset() + " ("
                        + meta.metadataTextSha256() + ")");
            }
        }
    }

    // ---- index

    private void checkIndex(Map<String, Map<Long, RecordInfo>> byFile) throws IOException {
        Path index = dir.resolve(ArchiveFiles.INDEX);
        if (!Files.exists(index)) {
            return;
        }
        Set<String> indexedKeys = new HashSet<>();
        String previous = null;
        long n = 0;
        try (var reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (line.isEmpty() || line.startsWith("!")) {
                    continue;
                }
                indexEntries++;
                String at = ArchiveFiles.INDEX + " line " + n;
                if (previous != null && previous.compareTo(line) > 0) {
                    problem(at, "out of order (the index must be sorted for lookups)");
                }
                previous = line;
                CdxjEntry e;
                try {
                    e = CdxjEntry.parse(line);
                } catch (IllegalArgumentException ex) {
                    problem(at, ex.getMessage());
                    continue;
                }
                Map<Long, RecordInfo> infos = byFile.get(e.filename());
                if (infos == null) {
                    problem(at, "refers to " + e.filename() + ", which is not in the archive");
                    continue;
                }
                indexedKeys.add(e.filename() + "@" + e.offset());
                RecordInfo r = infos.get(e.offset());
                if (r == null) {
                    problem(at, "no record starts at offset " + e.offset() + " of " + e.filename());
                } else if (!Objects.equals(r.target(), e.url())) {
                    problem(at, "url " + e.url() + " differs from the record's target " + r.target());
                } else if (e.digest() != null && !Objects.equals(r.payloadDigestHeader(), e.digest())) {
                    problem(at, "digest " + e.digest() + " differs from the record's " + r.payloadDigestHeader());
                }
            }
        }
        Set<String> indexedFiles = readIndexedFiles();
        for (var f : byFile.entrySet()) {
            if (!indexedFiles.contains(f.getKey())) {
                continue;
            }
            for (RecordInfo r : f.getValue().values()) {
                boolean capture = r.type().equals("response") || r.type().equals("resource") || r.type().equals("revisit");
                if (capture && !indexedKeys.contains(f.getKey() + "@" + r.offset())) {
                    problem(f.getKey() + " offset " + r.offset(), r.type() + " record for " + r.target()
                            + " is missing from " + ArchiveFiles.INDEX);
                }
            }
        }
    }

    private Set<String> readIndexedFiles() throws IOException {
        Path state = dir.resolve(ArchiveFiles.INDEX_STATE);
        Set<String> out = new HashSet<>();
        if (Files.exists(state)) {
            for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.add(line.substring(0, tab));
                }
            }
        }
        return out;
    }

    // ---- manifest

    private String checkManifest(List<Path> warcs) throws IOException {
        Path manifest = dir.resolve(ArchiveFiles.MANIFEST);
        if (!Files.exists(manifest)) {
            if (!warcs.isEmpty()) {
                problem(ArchiveFiles.MANIFEST, "missing: " + warcs.size()
                        + " WARC(s) but no hash chain (deleted, or written without the upkeep listener)");
            }
            return null;
        }
        String prevHash = ManifestEntry.GENESIS;
        long expectedSeq = 1;
        Set<String> listed = new HashSet<>();
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String at = ArchiveFiles.MANIFEST + " line " + (i + 1);
            if (line.isBlank()) {
                continue;
            }
            manifestEntries++;
            ManifestEntry e;
            try {
                e = Manifest.parse(line);
            } catch (IllegalArgumentException ex) {
                problem(at, ex.getMessage() + " (the chain cannot be checked past this line)");
                prevHash = null;
                continue;
            }
            if (e.seq() != expectedSeq) {
                problem(at, "seq is " + e.seq() + ", expected " + expectedSeq + " (an entry was removed or inserted)");
            }
            expectedSeq = e.seq() + 1;
            if (prevHash != null && !prevHash.equals(e.prev())) {
                problem(at, "prev does not match the hash of the entry before (an entry was removed, inserted or edited)");
            }
            if (!e.computeHash().equals(e.hash())) {
                problem(at, "hash does not match the entry's fields (the entry was edited)");
            }
            prevHash = e.hash();
            listed.add(e.file());
            checkFile(at, e.file(), e.size(), e.sha256(), "WARC");
            if (e.sidecar() != null) {
                checkFile(at, e.sidecar(), e.sidecarSize() == null ? -1 : e.sidecarSize(), e.sidecarSha256(), "sidecar");
            }
        }
        for (Path warc : warcs) {
            String name = warc.getFileName().toString();
            if (!listed.contains(name)) {
                problem(name, "not in " + ArchiveFiles.MANIFEST + " (added outside capture, or the chain was cut)");
            }
        }
        return prevHash;
    }

    private void checkFile(String at, String name, long size, String sha256, String what) throws IOException {
        Path p = ArchiveFiles.resolvePlainName(dir, name);
        if (p == null) {
            problem(at, what + " name " + name + " is not a plain file name inside the archive folder");
            return;
        }
        if (!Files.isRegularFile(p)) {
            problem(at, what + " " + name + " is listed in the manifest but missing (deleted or renamed)");
            return;
        }
        long actual = Files.size(p);
        if (actual != size) {
            problem(at, what + " " + name + " is " + actual + " bytes, the manifest says " + size
                    + (actual < size ? " (truncated or edited)" : " (edited or data appended)"));
        } else if (!sha256.equals(warcSha256.containsKey(name) ? warcSha256.get(name) : Hashing.sha256Hex(p))) {
            problem(at, what + " " + name + " sha256 differs from the manifest (the file was modified or replaced)");
        }
    }

    private static String stripAngles(String id) {
        if (id == null) {
            return null;
        }
        String s = id.trim();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
