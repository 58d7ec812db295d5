package org.tearsheet.extract.batch;

/**
 * One document to extract, as found by {@link InputScanner}: either bytes to decode or an error that
 * explains why the document could not be read.
 *
 * @param source       file path, or {@code warcfile#offset} for a WARC record
 * @param url          page URL when known (WARC target URI), else {@code null}
 * @param warcRecordId WARC-Record-ID for WARC records, else {@code null}
 * @param httpStatus   HTTP status for WARC responses, else 0
 * @param contentType  HTTP Content-Type header when known, else {@code null}
 * @param body         content-decoded HTML bytes, or {@code null} when the job is deferred or failed
 * @param error        why the document could not be read, or {@code null}
 */
record ExtractionJob(String source, String url, String warcRecordId, int httpStatus, String contentType,
                     byte[] body, String error) {
}
