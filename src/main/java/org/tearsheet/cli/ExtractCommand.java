package org.tearsheet.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tearsheet.extract.Article;
import org.tearsheet.extract.Extractors;
import org.tearsheet.extract.batch.BatchExtractor;
import org.tearsheet.extract.batch.ExtractedDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tearsheet extract [--format jsonl|text|json] PATH...}: clean article text and metadata from HTML
 * files (optionally gzipped), directories of them, and WARC files, one JSON object per document on stdout.
 * Runs on all cores; output order is the input order. A bad file yields an error object and exit code 1,
 * never a stopped run.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract clean article text and metadata from HTML files, folders or WARC files.")
public final class ExtractCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { jsonl, text, json }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "HTML file (.html/.htm, optionally .gz), directory (recursive) or WARC file")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT",
            description = "jsonl (one object per line, default), json (one array), text (readable)")
    Format format;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--max-document-size", paramLabel = "BYTES", defaultValue = "67108864",
            description = "documents larger than this after decompression are reported as errors (default 64 MiB)")
    long maxDocumentBytes;

    /** Where output goes; tests replace it. */
    PrintStream out = System.out;

    @Override
    public Integer call() throws IOException {
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BatchExtractor batch = new BatchExtractor(Extractors.standard(), workers, maxDocumentBytes);
        int failed;
        if (format == Format.text) {
            failed = batch.run(paths, this::printText);
            out.flush();
        } else {
            JsonGenerator gen = new JsonFactory().createGenerator(nonClosing(out), JsonEncoding.UTF8);
            if (format == Format.json) {
                gen.setPrettyPrinter(new DefaultPrettyPrinter());
                gen.writeStartArray();
            } else {
                gen.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            }
            failed = batch.run(paths, d -> writeJson(gen, d));
            if (format == Format.json) {
                gen.writeEndArray();
            }
            gen.close();
            out.println();
            out.flush();
        }
        if (failed > 0) {
            System.err.println("tearsheet extract: " + failed + " document(s) failed (see \"error\" in the output)");
            return ExitCodes.SOME_FAILED;
        }
        return ExitCodes.OK;
    }

    private void printText(ExtractedDocument d) {
        out.println("==> " + d.source() + (d.url() != null ? " (" + d.url() + ")" : "") + " <==");
        if (d.failed()) {
            out.println("error: " + d.error());
        } else {
            Article a = d.article();
            if (a.title() != null) {
                out.println(a.title());
                out.println();
            }
            out.println(a.text());
        }
        out.println();
    }

    static void writeJson(JsonGenerator g, ExtractedDocument d) {
        try {
            g.writeStartObject();
            g.writeStringField("source", d.source());
            field(g, "url", d.url());
            field(g, "warc_record_id", d.warcRecordId());
            if (d.httpStatus() > 0) {
                g.writeNumberField("http_status", d.httpStatus());
            }
            if (d.failed()) {
                g.writeStringField("error", d.error());
            } else {
                Article a = d.article();
                field(g, "title", a.title());
                field(g, "byline", a.byline());
                g.writeArrayFieldStart("authors");
                for (String author : a.authors()) {
                    g.writeString(author);
                }
                g.writeEndArray();
                field(g, "published", a.published());
                field(g, "modified", a.modified());
                field(g, "language", a.language());
                field(g, "site_name", a.siteName());
                field(g, "description", a.description());
                field(g, "canonical_url", a.canonicalUrl());
                field(g, "image", a.image());
                field(g, "schema_type", a.schemaType());
                g.writeNumberField("word_count", a.wordCount());
                g.writeStringField("text", a.text());
            }
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
