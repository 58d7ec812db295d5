package org.tearsheet.record;

import java.net.URI;
import org.tearsheet.fetch.SpillBuffer;

/**
 * A WARC record already serialized as one gzip member, ready to be appended to a file.
 * Compressing happens outside the writer's lock, so workers compress in parallel.
 *
 * @param id     WARC-Record-ID
 * @param type   WARC-Type
 * @param member the gzip member bytes (owned; closed once appended)
 */
public record EncodedRecord(URI id, String type, SpillBuffer member) implements AutoCloseable {

    @Override
    public void close() {
        member.close();
    }
}
