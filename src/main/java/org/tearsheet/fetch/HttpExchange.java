package org.tearsheet.fetch;

import java.io.Closeable;
import java.net.InetAddress;
import java.time.Instant;
import okhttp3.Headers;

/**
 * One HTTP request/response exchange as it crossed the wire: the request exactly as sent (after every interceptor,
 * credentials included — redaction happens when it is recorded), the response status line and headers as received,
 * and the body bytes as received (content-encoded, chunked framing removed). Owns the body buffer.
 *
 * @param url             the URL requested
 * @param started         when the request was sent
 * @param ipAddress       the server address the connection used, {@code null} if unknown
 * @param requestLine     e.g. {@code GET /news/a.html HTTP/1.1}
 * @param requestHeaders  request headers in the order sent
 * @param protocol        response protocol, e.g. {@code HTTP/1.1}
 * @param status          response status code
 * @param reason          response reason phrase (may be empty)
 * @param responseHeaders response headers in the order received
 * @param body            response body bytes as received (de-chunked, still content-encoded)
 * @param payloadSha1     SHA-1 of {@code body}
 * @param truncated       whether reading stopped at the configured maximum body size
 */
public record HttpExchange(
        String url,
        Instant started,
        InetAddress ipAddress,
        String requestLine,
        Headers requestHeaders,
        String protocol,
        int status,
        String reason,
        Headers responseHeaders,
        SpillBuffer body,
        byte[] payloadSha1,
        boolean truncated) implements Closeable {

    /** Whether the response is a redirect that names a Location to follow. */
    public boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                && responseHeaders.get("Location") != null;
    }

    /** Releases the body (deletes its temporary file, if any). */
    @Override
    public void close() {
        body.close();
    }
}
