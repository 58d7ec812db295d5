package org.tearsheet.extract.batch;

import org.tearsheet.extract.Article;

/**
 * The outcome for one input document of a {@link BatchExtractor} run: an article, or an error.
 *
 * @param source       file path, or {@code warcfile#offset} for a WARC record
 * @param url          page URL when known, else {@code null}
 * @param warcRecordId WARC-Record-ID for WARC records, else {@code null}
 * @param httpStatus   HTTP status of a WARC response, else 0
 * @param article      the extraction result, or {@code null} when {@code error} is set
 * @param error        why the document could not be extracted, or {@code null}
 */
public record ExtractedDocument(String source, String url, String warcRecordId, int httpStatus,
                                Article article, String error) {

    /** Whether this document failed. */
    public boolean failed() {
        return error != null;
    }
}
