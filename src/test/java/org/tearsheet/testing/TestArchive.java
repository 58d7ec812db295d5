package org.tearsheet.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.tearsheet.index.SidecarFiles;
import org.tearsheet.sidecar.SidecarEntry;
import org.tearsheet.verify.Hashing;

/**
 * Writes an archive folder the way capture does (docs/warc-format.md) using jwarc directly, so archive-use code can
 * be tested before and independently of the capture service: warcinfo first, request/response pairs with
 * WARC-Concurrent-To, a metadata record referring to each article response, sha1 base32 digests, one gzip member
 * per record, and a gzip JSON-lines sidecar next to the WARC.
 */
public final class TestArchive implements AutoCloseable {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path open;
    private final Path closed;
    private final FileChannel channel;
    private final WarcWriter writer;
    private final List<SidecarEntry> sidecar = new ArrayList<>();

    private TestArchive(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        this.closed = dir.resolve(name);
        this.open = dir.resolve(name + ".open");
        this.channel = FileChannel.open(open, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.writer = new WarcWriter(channel, WarcCompression.GZIP);
        byte[] info = "software: tearsheet-test\r\nformat: WARC File Format 1.1\r\n".getBytes(StandardCharsets.UTF_8);
        writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).filename(name).body(MediaType.WARC_FIELDS, info)
                .blockDigest(sha1(info)).build());
    }

    /** Starts a WARC named like capture names them, for {@code host}, with the given serial. */
    public static TestArchive create(Path dir, Instant started, int serial, String host) throws IOException {
        return new TestArchive(dir, "tearsheet-" + NAME_TIME.format(started) + "-" + String.format("%05d", serial)
                + "-" + host + ".warc.gz");
    }

    public Path path() {
        return closed;
    }

    /** An article: request + response + metadata record + sidecar line. Returns the response record id. */
    public URI article(String url, Instant date, String html, String title, String text,
                       SidecarEntry.PaywallJson paywall) throws IOException {
        return article(url, date, html, title, text, paywall, null);
    }

    /** An article captured by {@code job} (written into the metadata record, as capture does). */
    public URI article(String url, Instant date, String html, String title, String text,
                       SidecarEntry.PaywallJson paywall, String job) throws IOException {
        long[] offset = new long[1];
        URI responseId = exchange(url, date, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), 200, offset);
        String textSha = Hashing.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("url", url);
        meta.put("title", title);
        meta.put("word_count", text.split("\\s+").length);
        meta.put("paywall", paywall);
        meta.put("text_sha256", textSha);
        meta.put("job", job);
        byte[] metaBody = JSON.writeValueAsBytes(meta);
        writer.write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).targetURI(URI.create(url)).date(date)
                .addHeader("WARC-Refers-To", "<" + responseId + ">")
                .body(MediaType.parse("application/json"), metaBody).blockDigest(sha1(metaBody)).build());
        URI host = URI.create(url);
        sidecar.add(new SidecarEntry(url, url, date.toString(), closed.getFileName().toString(), "<" + responseId + ">",
                offset[0], 200, null, title, "By Test Author", "2026-11-01", null, "en", host.getHost(), null, url,
                text.split("\\s+").length, List.of(), paywall, text, textSha));
        return responseId;
    }

    /** A non-article resource (image, stylesheet): request + response only. */
    public URI resource(String url, Instant date, String contentType, byte[] body) throws IOException {
        return exchange(url, date, contentType, body, 200, new long[1]);
    }

    private URI exchange(String url, Instant date, String contentType, byte[] body, int status, long[] responseOffset)
            throws IOException {
        URI target = URI.create(url);
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Status")
                .addHeader("Content-Type", contentType)
                .addHeader("Content-Length", Integer.toString(body.length))
                .addHeader("Set-Cookie", "session=secret-from-origin")
                .body(null, body).build();
        byte[] block = serialize(http);
        WarcResponse response = new WarcResponse.Builder(target).version(MessageVersion.WARC_1_1).date(date)
                .body(MediaType.HTTP_RESPONSE, block)
                .blockDigest(sha1(block)).payloadDigest(sha1(body)).build();
        String path = target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        HttpRequest req = new HttpRequest.Builder("GET", path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()))
                .addHeader("Host", target.getHost() + (target.getPort() > 0 ? ":" + target.getPort() : ""))
                .addHeader("User-Agent", "tearsheet-test").build();
        byte[] reqBlock = serialize(req);
        WarcRequest request = new WarcRequest.Builder(target).version(MessageVersion.WARC_1_1).date(date).concurrentTo(response.id())
                .body(MediaType.HTTP_REQUEST, reqBlock).blockDigest(sha1(reqBlock)).build();
        writer.write(request);
        responseOffset[0] = writer.position();
        writer.write(response);
        return response.id();
    }

    private static byte[] serialize(HttpResponse http) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(http.serializeHeader());
        http.body().stream().transferTo(out);
        return out.toByteArray();
    }

    private static byte[] serialize(HttpRequest http) throws IOException {
        return http.serializeHeader();
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

    /** Writes the sidecar, closes the WARC and renames it to its final name (as capture does). */
    @Override
    public void close() throws IOException {
        writer.close();
        if (!sidecar.isEmpty()) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
                    closed.resolveSibling(closed.getFileName() + ".text.jsonl.gz")))) {
                for (SidecarEntry e : sidecar) {
                    out.write((SidecarFiles.toJson(e) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        Files.move(open, closed);
    }
}
