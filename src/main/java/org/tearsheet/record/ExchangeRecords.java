package org.tearsheet.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;
import okhttp3.Headers;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.tearsheet.fetch.HttpExchange;

/**
 * Turns an {@link HttpExchange} into WARC/1.1 request, response and revisit records.
 *
 * <p>The response block is the status line and headers as received followed by the body as received. Two
 * documented deviations: OkHttp removes chunked framing, so a {@code Transfer-Encoding} header is renamed to
 * {@value #ORIGINAL_TRANSFER_ENCODING} and a {@code Content-Length} matching the recorded body is added (the
 * convention of StormCrawler and Common Crawl); and secret header values are replaced per {@link Redaction}.
 */
public final class ExchangeRecords {

    /** Where the received Transfer-Encoding header is kept once the body has been de-chunked. */
    public static final String ORIGINAL_TRANSFER_ENCODING = "X-Crawler-Transfer-Encoding";

    private final Redaction redaction;

    public ExchangeRecords(Redaction redaction) {
        this.redaction = redaction;
    }

    /** Whether the request of {@code exchange} carried credentials (any header {@link Redaction} treats as secret). */
    public boolean credentialsSent(HttpExchange exchange) {
        Headers h = exchange.requestHeaders();
        for (int i = 0; i < h.size(); i++) {
            if (redaction.isSecret(h.name(i))) {
                return true;
            }
        }
        return false;
    }

    /** The request record, linked to its response with WARC-Concurrent-To. */
    public WarcRequest request(HttpExchange exchange, URI responseId) throws IOException {
        StringBuilder head = new StringBuilder(512).append(exchange.requestLine()).append("\r\n");
        Headers h = exchange.requestHeaders();
        for (int i = 0; i < h.size(); i++) {
            String value = redaction.isSecret(h.name(i)) ? Redaction.MARKER : h.value(i);
            head.append(h.name(i)).append(": ").append(value).append("\r\n");
        }
        byte[] block = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        WarcRequest.Builder b = new WarcRequest.Builder(exchange.url())
                .version(MessageVersion.WARC_1_1)
                .date(exchange.started())
                .body(MediaType.HTTP_REQUEST, block)
                .blockDigest(new WarcDigest("sha1", sha1().digest(block)))
                .concurrentTo(responseId);
        if (exchange.ipAddress() != null) {
            b.ipAddress(exchange.ipAddress());
        }
        return b.build();
    }

    /** The response record: status line, headers and body as received. */
    public WarcResponse response(HttpExchange exchange) throws IOException {
        byte[] head = responseHead(exchange, true);
        long length = head.length + exchange.body().size();
        WarcResponse.Builder b = new WarcResponse.Builder(exchange.url())
                .version(MessageVersion.WARC_1_1)
                .date(exchange.started())
                .body(MediaType.HTTP_RESPONSE, Channels.newChannel(block(head, exchange)), length)
                .blockDigest(new WarcDigest("sha1", blockSha1(head, exchange)))
                .payloadDigest(new WarcDigest("sha1", exchange.payloadSha1()));
        if (exchange.ipAddress() != null) {
            b.ipAddress(exchange.ipAddress());
        }
        if (exchange.truncated()) {
            b.truncated(WarcTruncationReason.LENGTH);
        }
        return b.build();
    }

    /**
     * A revisit record: the response's status line and headers, no body.
     *
     * @param profile       {@link WarcRevisit#SERVER_NOT_MODIFIED_1_1} or {@link WarcRevisit#IDENTICAL_PAYLOAD_DIGEST_1_1}
     * @param payloadDigest the unchanged payload's digest ("sha1:BASE32"), may be null for server-not-modified
     * @param refersTo      WARC-Record-ID of the earlier full response, may be null when unknown
     * @param refersToUri   its WARC-Target-URI, may be null
     * @param refersToDate  its WARC-Date, may be null
     */
    public WarcRevisit revisit(HttpExchange exchange, URI profile, String payloadDigest, URI refersTo,
                               String refersToUri, Instant refersToDate) throws IOException {
        byte[] head = responseHead(exchange, false);
        WarcRevisit.Builder b = new WarcRevisit.Builder(exchange.url(), profile)
                .version(MessageVersion.WARC_1_1)
                .date(exchange.started())
                .body(MediaType.HTTP_RESPONSE, head)
                .blockDigest(new WarcDigest("sha1", sha1().digest(head)));
        if (payloadDigest != null) {
            b.payloadDigest(new WarcDigest(payloadDigest));
        }
        if (refersTo != null) {
            b.refersTo(refersTo);
        }
        if (refersToUri != null) {
            b.setHeader("WARC-Refers-To-Target-URI", refersToUri);
        }
        if (refersToDate != null) {
            b.setHeader("WARC-Refers-To-Date", refersToDate.toString());
        }
        if (exchange.ipAddress() != null) {
            b.ipAddress(exchange.ipAddress());
        }
        return b.build();
    }

    /**
     * Whether the response body is already compressed (content-encoded, or a compressed media type), so
     * compressing its record again would only cost time.
     */
    public static boolean precompressed(HttpExchange exchange) {
        String encoding = exchange.responseHeaders().get("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            return true;
        }
        String type = exchange.responseHeaders().get("Content-Type");
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("image/") && !t.startsWith("image/svg") || t.startsWith("video/") || t.startsWith("audio/")
                || t.startsWith("application/zip") || t.startsWith("application/gzip")
                || t.startsWith("application/x-gzip");
    }

    /** Status line and headers as recorded (with the chunked and redaction adjustments). */
    byte[] responseHead(HttpExchange exchange, boolean withBody) {
        StringBuilder head = new StringBuilder(1024).append(exchange.protocol()).append(' ').append(exchange.status());
        if (!exchange.reason().isEmpty()) {
            head.append(' ').append(exchange.reason());
        }
        head.append("\r\n");
        boolean credentials = credentialsSent(exchange);
        Headers h = exchange.responseHeaders();
        boolean dechunked = false;
        boolean hasLength = false;
        for (int i = 0; i < h.size(); i++) {
            String name = h.name(i);
            String value = redaction.isSecretResponseHeader(name, credentials) ? Redaction.MARKER : h.value(i);
            if (name.equalsIgnoreCase("Transfer-Encoding")
                    && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                name = ORIGINAL_TRANSFER_ENCODING;
                dechunked = true;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                hasLength = true;
            }
            head.append(name).append(": ").append(value).append("\r\n");
        }
        if (dechunked && !hasLength && withBody) {
            head.append("Content-Length: ").append(exchange.body().size()).append("\r\n");
        }
        // OkHttp decoded the received header lines as UTF-8; encoding them the same way round-trips them.
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream block(byte[] head, HttpExchange exchange) throws IOException {
        return new SequenceInputStream(new ByteArrayInputStream(head), exchange.body().openStream());
    }

    private static byte[] blockSha1(byte[] head, HttpExchange exchange) throws IOException {
        MessageDigest d = sha1();
        d.update(head);
        java.nio.ByteBuffer heap = exchange.body().asByteBuffer();
        if (heap != null) {
            d.update(heap); // body on the heap: digest it in place, no copy through a stream
            return d.digest();
        }
        try (InputStream in = exchange.body().openStream()) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
        }
        return d.digest();
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
