package org.tearsheet.extract.batch;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.nio.channels.Channels;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Turns command-line paths into extraction jobs in a deterministic order: files as given, directories
 * walked recursively in sorted order (HTML and WARC files only), WARC files record by record (HTML
 * responses only). Reading problems become jobs with an error, never exceptions, so one bad file
 * cannot stop a run.
 */
final class InputScanner {

    private final long maxDocumentBytes;

    InputScanner(long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** Emits every job under {@code path} to {@code sink}, in order. */
    void scan(Path path, Consumer<ExtractionJob> sink) {
        if (Files.isDirectory(path)) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(p -> isHtmlName(p) || isWarcName(p)).forEach(files::add);
            } catch (IOException | RuntimeException e) {
                sink.accept(failed(path.toString(), "cannot list directory: " + message(e)));
            }
            files.sort(null);
            for (Path f : files) {
                scanFile(f, sink);
            }
        } else if (Files.exists(path)) {
            scanFile(path, sink);
        } else {
            sink.accept(failed(path.toString(), "no such file or directory"));
        }
    }

    private void scanFile(Path file, Consumer<ExtractionJob> sink) {
        if (isWarcName(file)) {
            scanWarc(file, sink);
        } else {
            // Reading is deferred to the worker so that file I/O and gunzip run in parallel too.
            sink.accept(new ExtractionJob(file.toString(), null, null, 0, null, null, null));
        }
    }

    /** Reads an HTML file (gzip recognised by its magic bytes, whatever the name). */
    byte[] readHtmlFile(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw, 65536) : raw;
            return readBounded(in);
        }
    }

    private void scanWarc(Path file, Consumer<ExtractionJob> sink) {
        long offset = 0;
        try (WarcReader reader = new WarcReader(file)) {
            reader.setLenient(true);
            for (WarcRecord record : reader) {
                offset = reader.position();
                if (!(record instanceof WarcResponse response)) {
                    continue;
                }
                String source = file + "#" + offset;
                String url = response.target();
                String id = response.id().toString();
                try {
                    MediaType type = response.contentType();
                    if (!type.base().equals(MediaType.HTTP)) {
                        continue;
                    }
                    HttpResponse http = response.http();
                    String contentType = http.headers().first("Content-Type").orElse(null);
                    if (!isHtmlType(contentType)) {
                        continue;
                    }
                    byte[] raw;
                    try (MessageBody payload = http.body()) {
                        // body() already undoes chunked transfer coding; content coding is handled below.
                        raw = readBounded(Channels.newInputStream(payload));
                    }
                    byte[] body = decodeContent(raw, http.headers().all("Content-Encoding"));
                    sink.accept(new ExtractionJob(source, url, id, http.status(), contentType, body, null));
                } catch (IOException | RuntimeException e) {
                    sink.accept(new ExtractionJob(source, url, id, 0, null, null, "cannot read record: " + message(e)));
                }
            }
        } catch (IOException | RuntimeException e) {
            sink.accept(failed(file + "#" + offset, "cannot read WARC: " + message(e)));
        }
    }

    /**
     * Undoes HTTP content coding. A body labelled gzip that is not gzip is taken as already decoded: some
     * crawlers store decoded payloads next to the original headers, and its bytes are still the page.
     */
    byte[] decodeContent(byte[] raw, List<String> encodings) throws IOException {
        byte[] body = raw;
        for (int i = encodings.size() - 1; i >= 0; i--) {
            for (String coding : encodings.get(i).split(",")) {
                String c = coding.strip().toLowerCase(Locale.ROOT);
                if (c.isEmpty() || c.equals("identity") || c.equals("none")) {
                    continue;
                }
                if (c.equals("gzip") || c.equals("x-gzip")) {
                    if (body.length >= 2 && (body[0] & 0xFF) == 0x1f && (body[1] & 0xFF) == 0x8b) {
                        body = readBounded(new GZIPInputStream(new ByteArrayInputStream(body), 65536));
                    }
                } else if (c.equals("deflate")) {
                    body = inflate(body);
                } else {
                    throw new IOException("unsupported Content-Encoding: " + c);
                }
            }
        }
        return body;
    }

    /** "deflate" is zlib-wrapped by the spec, but some servers send raw deflate: accept both. */
    private byte[] inflate(byte[] body) throws IOException {
        try {
            return readBounded(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)));
        } catch (ZipException e) {
            return readBounded(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)));
        }
    }

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxDocumentBytes + 1));
        if (bytes.length > maxDocumentBytes) {
            throw new IOException("document larger than " + maxDocumentBytes + " bytes");
        }
        return bytes;
    }

    static boolean isHtmlType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT).strip();
        return t.startsWith("text/html") || t.startsWith("application/xhtml");
    }

    static boolean isHtmlName(Path p) {
        String n = stripGz(p.getFileName().toString().toLowerCase(Locale.ROOT));
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml");
    }

    static boolean isWarcName(Path p) {
        String n = stripGz(p.getFileName().toString().toLowerCase(Locale.ROOT));
        return n.endsWith(".warc");
    }

    private static String stripGz(String n) {
        return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    }

    static ExtractionJob failed(String source, String error) {
        return new ExtractionJob(source, null, null, 0, null, null, error);
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
