package org.tearsheet.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/** Reads one WARC and produces the CDXJ entries of its response, resource and revisit records. */
final class WarcIndexer {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private WarcIndexer() {
    }

    /**
     * Entries of {@code warc} in file order; problems that do not stop reading go to {@code warnings}.
     *
     * @throws IOException when the file cannot be read to its end (truncated or corrupt gzip)
     */
    static List<CdxjEntry> index(Path warc, Consumer<String> warnings) throws IOException {
        String filename = warc.getFileName().toString();
        List<CdxjEntry> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            reader.onWarning(m -> warnings.accept(filename + " offset " + reader.position() + ": " + m));
            WarcRecord record = reader.next().orElse(null);
            while (record != null) {
                long offset = reader.position();
                CdxjEntry.Builder pending = null;
                if (record instanceof WarcResponse || record instanceof WarcResource || record instanceof WarcRevisit) {
                    pending = describe((WarcCaptureRecord) record, filename, offset);
                }
                record = reader.next().orElse(null);
                if (pending != null) {
                    out.add(pending.length(reader.position() - offset));
                }
            }
        }
        return out;
    }

    private static CdxjEntry.Builder describe(WarcCaptureRecord r, String filename, long offset) throws IOException {
        String target = r.target();
        String mime;
        int status = 200;
        if (r instanceof WarcRevisit) {
            mime = "warc/revisit";
            if (r.contentType().base().equals(MediaType.HTTP)) {
                status = ((WarcRevisit) r).http().status();
            }
        } else if (r instanceof WarcResponse && r.contentType().base().equals(MediaType.HTTP)) {
            WarcResponse resp = (WarcResponse) r;
            status = resp.http().status();
            mime = resp.http().contentType().base().toString();
        } else {
            mime = r.contentType().base().toString();
        }
        String digest = r.headers().first("WARC-Payload-Digest").orElse(null);
        return new CdxjEntry.Builder(URIs.toNormalizedSurt(target), TIMESTAMP.format(r.date()), target, mime, status,
                digest, offset, filename);
    }
}
