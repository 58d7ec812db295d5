package org.tearsheet.replay;

import java.util.List;
import java.util.Map;

/**
 * An archived HTTP response read back from its WARC record.
 *
 * @param target      WARC-Target-URI
 * @param status      HTTP status
 * @param reason      HTTP reason phrase
 * @param headers     response headers in received order (name, value)
 * @param contentType media type of the payload (e.g. text/html), lowercase, without parameters
 * @param charset     charset parameter of Content-Type, may be null
 * @param body        payload with Content-Encoding removed
 * @param truncated   whether the body was cut (by capture, or at the replay size limit)
 */
record StoredResponse(String target, int status, String reason, List<Map.Entry<String, String>> headers,
                      String contentType, String charset, byte[] body, boolean truncated) {

    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
