package org.tearsheet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tearsheet.index.ArchiveFiles;
import org.tearsheet.index.CdxjIndex;
import org.tearsheet.testing.Fixtures;

class ArchiveVerifierTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeArchive() throws Exception {
        Fixtures.write(dir);
    }

    private Path firstWarc() {
        return ArchiveFiles.warcs(dir).get(0);
    }

    private List<String> problems() throws Exception {
        return ArchiveVerifier.verify(dir).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void cleanArchivePasses() throws Exception {
        VerificationReport r = ArchiveVerifier.verify(dir);
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.warcs()).isEqualTo(2);
        assertThat(r.sidecarLines()).isEqualTo(4);
        assertThat(r.manifestEntries()).isEqualTo(2);
        assertThat(r.indexEntries()).isEqualTo(6);
        // 2 warcinfo + per article 3 block digests + 1 payload, per resource 2 + 1
        assertThat(r.digestsChecked()).isEqualTo(2 + 4 * 4 + 2 * 3);
        assertThat(r.latestChainHash()).isEqualTo(Manifest.of(dir).latestHash()).hasSize(64);
    }

    @Test
    void flippedByteIsDetected() throws Exception {
        Path warc = firstWarc();
        byte[] b = Files.readAllBytes(warc);
        long responseOffset = CdxjIndex.of(dir).readAll().stream()
                .filter(e -> e.url().equals(Fixtures.ARTICLE) && e.filename().equals(warc.getFileName().toString()))
                .findFirst().orElseThrow().offset();
        b[(int) responseOffset + 40] ^= 0x01;
        Files.write(warc, b);
        assertThat(problems())
                .anySatisfy(p -> assertThat(p).startsWith(ArchiveFiles.MANIFEST + " line 1: WARC " + warc.getFileName()
                        + " sha256 differs from the manifest (the file was modified or replaced)"))
                .anySatisfy(p -> assertThat(p).startsWith(warc.getFileName().toString())
                        .containsAnyOf("unreadable (truncated or corrupt)", "digest mismatch", "gzip integrity check failed"));
    }

    @Test
    void flippedByteInsideAStoredPayloadIsADigestMismatch() throws Exception {
        // rewrite the WARC uncompressed-content-wise: flip a payload byte, then re-gzip that member, so gzip is
        // valid and only the WARC digests can tell
        Path warc = firstWarc();
        byte[] b = Files.readAllBytes(warc);
        int member = indexOf(b, new byte[] {0x1f, (byte) 0x8b}, 10);
        int next = indexOf(b, new byte[] {0x1f, (byte) 0x8b}, member + 2);
        while (next > 0 && !decodes(b, member, next)) {
            next = indexOf(b, new byte[] {0x1f, (byte) 0x8b}, next + 2);
        }
        // find the response member (holds "Council approves")
        int start = 0;
        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        while (start < b.length) {
            int end = nextMember(b, start);
            byte[] plain = new GZIPInputStream(new java.io.ByteArrayInputStream(b, start, end - start)).readAllBytes();
            String s = new String(plain, StandardCharsets.ISO_8859_1);
            if (s.contains("WARC-Type: response") && s.contains("Council approves")) {
                int at = s.indexOf("Council approves");
                plain[at] = 'c';
                ByteArrayOutputStream m = new ByteArrayOutputStream();
                try (OutputStream gz = new GZIPOutputStream(m)) {
                    gz.write(plain);
                }
                rebuilt.write(m.toByteArray());
            } else {
                rebuilt.write(b, start, end - start);
            }
            start = end;
        }
        Files.write(warc, rebuilt.toByteArray());
        assertThat(problems())
                .anySatisfy(p -> assertThat(p).contains(warc.getFileName() + " offset ", "payload digest mismatch for "
                        + Fixtures.ARTICLE))
                .anySatisfy(p -> assertThat(p).contains("block digest mismatch (response record"))
                .anySatisfy(p -> assertThat(p).contains(".text.jsonl.gz line 1: points at a response record whose payload digest does not match"));
    }

    @Test
    void truncatedFileIsDetected() throws Exception {
        Path warc = firstWarc();
        byte[] b = Files.readAllBytes(warc);
        Files.write(warc, java.util.Arrays.copyOf(b, b.length - 100));
        assertThat(problems())
                .anySatisfy(p -> assertThat(p).isEqualTo(ArchiveFiles.MANIFEST + " line 1: WARC " + warc.getFileName()
                        + " is " + (b.length - 100) + " bytes, the manifest says " + b.length + " (truncated or edited)"))
                .anySatisfy(p -> assertThat(p).startsWith(warc.getFileName() + " after offset ")
                        .contains("unreadable (truncated or corrupt)"));
    }

    @Test
    void removedFileIsDetected() throws Exception {
        Path warc = firstWarc();
        Files.delete(warc);
        assertThat(problems())
                .contains(ArchiveFiles.MANIFEST + " line 1: WARC " + warc.getFileName()
                        + " is listed in the manifest but missing (deleted or renamed)")
                .contains(warc.getFileName() + ".text.jsonl.gz: orphan sidecar: its WARC " + warc.getFileName()
                        + " is missing");
    }

    @Test
    void editedSidecarLineIsDetected() throws Exception {
        Path sidecar = ArchiveFiles.sidecarOf(firstWarc());
        String text = new String(new GZIPInputStream(Files.newInputStream(sidecar)).readAllBytes(), StandardCharsets.UTF_8);
        String edited = text.replace("The vote was close.", "The vote was unanimous.");
        assertThat(edited).isNotEqualTo(text);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sidecar))) {
            out.write(edited.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(problems())
                .anySatisfy(p -> assertThat(p).startsWith(sidecar.getFileName() + " line 1: text_sha256 ")
                        .endsWith("does not match the sha256 of the text field (" + Hashing.sha256Hex(
                                "Council approves budget after long debate. The vote was unanimous.".getBytes(StandardCharsets.UTF_8))
                                + "): the text or its digest was edited"))
                .anySatisfy(p -> assertThat(p).startsWith(ArchiveFiles.MANIFEST + " line 1: sidecar " + sidecar.getFileName())
                        .containsAnyOf("sha256 differs from the manifest", "the manifest says"));
    }

    @Test
    void editedManifestEntryBreaksTheChain() throws Exception {
        Path m = dir.resolve(ArchiveFiles.MANIFEST);
        List<String> lines = Files.readAllLines(m);
        Files.write(m, List.of(lines.get(0).replace("\"time\":\"2", "\"time\":\"1"), lines.get(1)));
        assertThat(problems()).contains(ArchiveFiles.MANIFEST
                + " line 1: hash does not match the entry's fields (the entry was edited)");
    }

    @Test
    void indexPointingNowhereIsDetected() throws Exception {
        Path idx = dir.resolve(ArchiveFiles.INDEX);
        List<String> lines = Files.readAllLines(idx);
        Files.write(idx, List.of(lines.get(0).replaceFirst("\"offset\":\"\\d+\"", "\"offset\":\"3\"")));
        assertThat(problems())
                .contains(ArchiveFiles.INDEX + " line 1: no record starts at offset 3 of " + CdxjEntry(lines.get(0)))
                .anySatisfy(p -> assertThat(p).contains("is missing from index.cdxj"));
        assertThat(CdxjIndex.of(dir).readAll()).hasSize(1);
    }

    @Test
    void commandPrintsEveryProblemAndExitsNonZero() throws Exception {
        Path warc = firstWarc();
        Files.delete(warc);
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = org.tearsheet.cli.Main.commandLine();
        cl.setOut(new java.io.PrintWriter(out));
        assertThat(cl.execute("verify", dir.toString())).isEqualTo(org.tearsheet.cli.ExitCodes.SOME_FAILED);
        assertThat(out.toString())
                .contains("PROBLEM manifest.jsonl line 1: WARC " + warc.getFileName() + " is listed in the manifest but missing")
                .contains("FAILED: ")
                .contains("latest chain hash: ");
    }

    @Test
    void commandNotesUnclosedWarcsWithoutFailing() throws Exception {
        Path leftover = dir.resolve("tearsheet-20260101000000000-00007-host.warc.gz.open");
        Files.copy(firstWarc(), leftover);
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = org.tearsheet.cli.Main.commandLine();
        cl.setOut(new java.io.PrintWriter(out));
        assertThat(cl.execute("verify", dir.toString())).isEqualTo(org.tearsheet.cli.ExitCodes.OK);
        assertThat(out.toString())
                .contains("NOTE unclosed WARC (run in progress or interrupted; not verified, not in the manifest): "
                        + leftover.getFileName())
                .contains("OK: archive verified, no problems");
    }

    @Test
    void sealAddsWarcsWrittenWithoutTheListener() throws Exception {
        Files.delete(dir.resolve(ArchiveFiles.MANIFEST));
        assertThat(problems()).contains(ArchiveFiles.MANIFEST
                + ": missing: 2 WARC(s) but no hash chain (deleted, or written without the upkeep listener)");
        picocli.CommandLine cl = org.tearsheet.cli.Main.commandLine();
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(cl.execute("index", "--seal", dir.toString())).isEqualTo(org.tearsheet.cli.ExitCodes.OK);
        assertThat(problems()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve(ArchiveFiles.MANIFEST))).hasSize(2);
        assertThat(cl.execute("index", "--seal", dir.toString())).isEqualTo(org.tearsheet.cli.ExitCodes.OK);
        assertThat(Files.readAllLines(dir.resolve(ArchiveFiles.MANIFEST))).as("sealing twice adds nothing").hasSize(2);
    }

    private static String CdxjEntry(String line) {
        return org.tearsheet.index.CdxjEntry.parse(line).filename();
    }

    private static int nextMember(byte[] b, int start) {
        int next = indexOf(b, new byte[] {0x1f, (byte) 0x8b, 8}, start + 3);
        while (next > 0 && !decodes(b, start, next)) {
            next = indexOf(b, new byte[] {0x1f, (byte) 0x8b, 8}, next + 3);
        }
        return next < 0 ? b.length : next;
    }

    private static boolean decodes(byte[] b, int from, int to) {
        try {
            new GZIPInputStream(new java.io.ByteArrayInputStream(b, from, to - from)).readAllBytes();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static int indexOf(byte[] b, byte[] pat, int from) {
        outer:
        for (int i = Math.max(0, from); i <= b.length - pat.length; i++) {
            for (int j = 0; j < pat.length; j++) {
                if (b[i + j] != pat[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
