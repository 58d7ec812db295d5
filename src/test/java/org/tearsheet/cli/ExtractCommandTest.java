package org.tearsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import picocli.CommandLine;

/** {@code tearsheet extract} over real files: HTML, gzipped HTML, folders, WARC files written with jwarc. */
class ExtractCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void filesFoldersAndBadFilesInInputOrder() throws Exception {
        Files.writeString(dir.resolve("b.html"), article("Second story", "The second story has a paragraph of its own."));
        gzip(dir.resolve("a.html.gz"), article("First story", "The first story has a paragraph of its own.")
                .getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/c.htm"), article("Tercera historia", "La tercera historia tiene su párrafo, señor.")
                .getBytes(Charset.forName("windows-1252")));
        Files.write(dir.resolve("sub/broken.html.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        Files.writeString(dir.resolve("sub/notes.txt"), "ignored: not HTML");
        Path single = dir.resolve("b.html");
        Path missing = dir.resolve("nope.html");

        Run run = run("--threads", "3", single.toString(), dir.toString(), missing.toString());

        assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
        List<String> sources = run.objects.stream().map(o -> o.get("source").asText()).toList();
        assertThat(sources).containsExactly(single.toString(), dir.resolve("a.html.gz").toString(),
                dir.resolve("b.html").toString(), dir.resolve("sub/broken.html.gz").toString(),
                dir.resolve("sub/c.htm").toString(), missing.toString());
        JsonNode first = run.objects.get(1);
        assertThat(first.get("title").asText()).isEqualTo("First story");
        assertThat(first.get("text").asText()).contains("The first story has a paragraph");
        assertThat(first.get("word_count").asInt()).isGreaterThan(5);
        for (String field : List.of("url", "byline", "authors", "published", "modified", "language", "site_name",
                "description", "canonical_url", "image", "schema_type", "word_count", "text", "title")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(run.objects.get(3).get("error").asText()).startsWith("cannot read file");
        assertThat(run.objects.get(4).get("text").asText()).contains("La tercera historia tiene su párrafo, señor.");
        assertThat(run.objects.get(5).get("error").asText()).contains("no such file");
    }

    @Test
    void warcResponsesIncludingGzipDeflateAndChunkedPayloads() throws Exception {
        Path warc = dir.resolve("crawl.warc.gz");
        List<String> ids = new ArrayList<>();
        try (WarcWriter writer = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            byte[] plain = article("Plain page", "A plain payload served without any content coding.").getBytes(StandardCharsets.UTF_8);
            ids.add(write(writer, "https://e.org/plain", http("Content-Type: text/html; charset=utf-8", plain)));
            writer.write(new WarcRequest.Builder(URI.create("https://e.org/gz")).date(Instant.now())
                    .body(MediaType.HTTP_REQUEST, "GET /gz HTTP/1.1\r\nHost: e.org\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                    .build());
            byte[] gz = gzipBytes(article("Gzipped page", "A gzip payload sent in chunks, as servers often do.")
                    .getBytes(StandardCharsets.UTF_8));
            ids.add(write(writer, "https://e.org/gz", http("Content-Type: text/html\r\nContent-Encoding: gzip\r\n"
                    + "Transfer-Encoding: chunked", chunked(gz))));
            write(writer, "https://e.org/logo.png", http("Content-Type: image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
            byte[] deflated = deflate(article("Deflated page", "A deflate payload in Latin-1, with café and crème.")
                    .getBytes(Charset.forName("windows-1252")));
            ids.add(write(writer, "https://e.org/deflate", http("Content-Type: text/html; charset=iso-8859-1\r\n"
                    + "Content-Encoding: deflate", deflated)));
            byte[] cut = java.util.Arrays.copyOf(gzipBytes(article("Cut", "This gzip stream is cut short.").getBytes(
                    StandardCharsets.UTF_8)), 40);
            ids.add(write(writer, "https://e.org/bad", http("Content-Type: text/html\r\nContent-Encoding: gzip", cut)));
            ids.add(write(writer, "https://e.org/mislabelled", http("Content-Type: text/html\r\nContent-Encoding: gzip",
                    article("Mislabelled", "Stored decoded although the header still says gzip, as some crawlers do.")
                            .getBytes(StandardCharsets.UTF_8))));
        }
        List<Long> offsets = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcResponse resp && !resp.target().endsWith(".png")) {
                    offsets.add(reader.position());
                }
            }
        }

        Run run = run(warc.toString());

        assertThat(run.objects).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode o = run.objects.get(i);
            assertThat(o.get("source").asText()).isEqualTo(warc + "#" + offsets.get(i));
            assertThat(o.get("warc_record_id").asText()).isEqualTo(ids.get(i));
        }
        assertThat(run.objects.get(0).get("url").asText()).isEqualTo("https://e.org/plain");
        assertThat(run.objects.get(0).get("http_status").asInt()).isEqualTo(200);
        assertThat(run.objects.get(1).get("text").asText()).contains("A gzip payload sent in chunks");
        assertThat(run.objects.get(1).get("title").asText()).isEqualTo("Gzipped page");
        assertThat(run.objects.get(2).get("text").asText()).contains("with café and crème.");
        assertThat(run.objects.get(3).get("error").asText()).startsWith("cannot read record");
        assertThat(run.objects.get(4).get("text").asText()).contains("Stored decoded although the header");
        assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    }

    @Test
    void truncatedWarcReportsAnErrorAndKeepsWhatWasRead() throws Exception {
        Path warc = dir.resolve("cut.warc");
        try (WarcWriter writer = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), WarcCompression.NONE)) {
            for (int i = 0; i < 3; i++) {
                write(writer, "https://e.org/" + i, http("Content-Type: text/html",
                        article("Page " + i, "Paragraph number " + i + " of the collection, long enough.").getBytes(StandardCharsets.UTF_8)));
            }
        }
        byte[] all = Files.readAllBytes(warc);
        Files.write(warc, java.util.Arrays.copyOf(all, all.length - 200));
        Path html = dir.resolve("after.html");
        Files.writeString(html, article("After", "The file after the broken WARC is still extracted."));

        Run run = run(warc.toString(), html.toString());

        assertThat(run.objects.get(0).get("text").asText()).contains("Paragraph number 0");
        assertThat(run.objects.stream().anyMatch(o -> o.has("error"))).isTrue();
        assertThat(run.objects.get(run.objects.size() - 1).get("text").asText()).contains("still extracted");
        assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    }

    @Test
    void textAndJsonFormats() throws Exception {
        Path f = dir.resolve("one.html");
        Files.writeString(f, article("Only story", "The only story of this run has a paragraph."));
        Run text = runRaw("--format", "text", f.toString());
        assertThat(text.exit).isEqualTo(ExitCodes.OK);
        assertThat(text.out).startsWith("==> " + f + " <==\nOnly story\n\nThe only story");
        Run json = runRaw("--format", "json", f.toString());
        JsonNode array = JSON.readTree(json.out);
        assertThat(array.isArray()).isTrue();
        assertThat(array.get(0).get("title").asText()).isEqualTo("Only story");
        assertThat(runRaw("--format", "xml", f.toString()).exit).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void outputOrderDoesNotDependOnThreads() throws Exception {
        for (int i = 0; i < 40; i++) {
            Files.writeString(dir.resolve(String.format("p%02d.html", i)),
                    article("Story " + i, "Paragraph of story " + i + " with words enough to be kept."));
        }
        assertThat(runRaw("--threads", "1", dir.toString()).out).isEqualTo(runRaw("--threads", "4", dir.toString()).out);
    }

    private record Run(int exit, String out, List<JsonNode> objects) {
    }

    private static Run run(String... args) throws IOException {
        Run raw = runRaw(args);
        List<JsonNode> objects = new ArrayList<>();
        for (String line : raw.out.split("\n")) {
            if (!line.isBlank()) {
                objects.add(JSON.readTree(line));
            }
        }
        return new Run(raw.exit, raw.out, objects);
    }

    private static Run runRaw(String... args) {
        ExtractCommand command = new ExtractCommand();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(command);
        cl.setErr(new java.io.PrintWriter(OutputStream.nullOutputStream()));
        int exit = cl.execute(args);
        if (exit == CommandLine.ExitCode.USAGE) {
            exit = ExitCodes.USAGE;
        }
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8), List.of());
    }

    static String article(String title, String paragraph) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><nav><a href=/>Home</a></nav>"
                + "<article><h1>" + title + "</h1><p>" + paragraph + "</p><p>" + paragraph.replace("paragraph", "sentence")
                + " It goes on for a while, so that the extractor sees a real body.</p></article>"
                + "<footer>© Example 2024. All rights reserved.</footer></body></html>";
    }

    private static String write(WarcWriter writer, String url, byte[] httpResponse) throws IOException {
        WarcResponse response = new WarcResponse.Builder(URI.create(url)).date(Instant.now())
                .body(MediaType.HTTP_RESPONSE, httpResponse).build();
        writer.write(response);
        return response.id().toString();
    }

    private static byte[] http(String headers, byte[] body) {
        boolean chunked = headers.contains("chunked");
        String head = "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + (chunked ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 50) {
            int n = Math.min(50, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] gzipBytes(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater())) {
            d.write(b);
        }
        return out.toByteArray();
    }

    private static void gzip(Path p, byte[] b) throws IOException {
        Files.write(p, gzipBytes(b));
    }
}
