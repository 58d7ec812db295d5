package org.tearsheet.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.tearsheet.index.ArchiveFiles;

/** Reads one archived response (a response or revisit record) at a known offset of a WARC in the archive. */
final class RecordLoader {

    private final Path archiveDir;
    private final long maxBody;

    RecordLoader(Path archiveDir, long maxBody) {
        this.archiveDir = archiveDir;
        this.maxBody = maxBody;
    }

    /**
     * Length of the gzip member of the record starting at {@code offset} of {@code warcName}, or -1 when the name is
     * not a WARC of this archive or no record starts there.
     */
    long recordLength(String warcName, long offset) {
        Path warc = ArchiveFiles.resolveWarc(archiveDir, warcName);
        if (warc == null || offset < 0) {
            return -1;
        }
        try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            if (offset >= ch.size()) {
                return -1;
            }
            reader.position(offset);
            if (reader.next().isEmpty()) {
                return -1;
            }
            reader.next();
            return reader.position() - offset;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The response at {@code offset} of {@code warcName}.
     *
     * @throws IOException when the file is not a WARC of this archive or holds no HTTP response there
     */
    StoredResponse load(String warcName, long offset) throws IOException {
        Path warc = ArchiveFiles.resolveWarc(archiveDir, warcName);
        if (warc == null) {
            throw new IOException("not a WARC of this archive: " + warcName);
        }
        try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            reader.position(offset);
            WarcRecord r = reader.next().orElseThrow(() -> new IOException("no record at offset " + offset));
            HttpResponse http;
            String target;
            if (r instanceof WarcResponse && r.contentType().base().equals(MediaType.HTTP)) {
                http = ((WarcResponse) r).http();
                target = ((WarcResponse) r).target();
            } else if (r instanceof WarcRevisit && r.contentType().base().equals(MediaType.HTTP)) {
                http = ((WarcRevisit) r).http();
                target = ((WarcRevisit) r).target();
            } else {
                throw new IOException("record at offset " + offset + " of " + warcName + " is not an HTTP response");
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            http.headers().map().forEach((name, values) -> values.forEach(v ->
                    headers.add(new AbstractMap.SimpleImmutableEntry<>(name, v))));
            MediaType type = http.contentType();
            byte[] body;
            boolean truncated = r.headers().first("WARC-Truncated").isPresent();
            boolean decoded = true;
            try (InputStream in = http.bodyDecoded().stream()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            } catch (IOException e) {
                // unknown or broken Content-Encoding: hand back the bytes as stored
                decoded = false;
                body = new byte[0];
            }
            if (!decoded) {
                reader.position(offset);
                WarcRecord again = reader.next().orElseThrow();
                HttpResponse h = again instanceof WarcResponse ? ((WarcResponse) again).http() : ((WarcRevisit) again).http();
                try (InputStream in = h.body().stream()) {
                    body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
                }
            }
            if (body.length > maxBody) {
                body = java.util.Arrays.copyOf(body, (int) maxBody);
                truncated = true;
            }
            if (decoded) {
                headers.removeIf(h -> h.getKey().equalsIgnoreCase("Content-Encoding"));
            }
            return new StoredResponse(target, http.status(), http.reason(), headers,
                    type.base().toString().toLowerCase(Locale.ROOT), type.parameters().get("charset"), body, truncated);
        }
    }
}
