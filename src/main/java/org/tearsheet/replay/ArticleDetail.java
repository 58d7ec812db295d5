package org.tearsheet.replay;

import java.util.List;

/**
 * Everything the article page shows about one capture.
 *
 * @param summary        the listing fields
 * @param byline         author line, may be null
 * @param published      publication date as found in the page, may be null
 * @param modified       modification date, may be null
 * @param language       language code, may be null
 * @param description    page description, may be null
 * @param canonicalUrl   canonical URL, may be null
 * @param status         HTTP status of the final response
 * @param redirectChain  URLs before the final one
 * @param paywallSignals evidence the paywall detector gave
 * @param credentials    whether subscriber credentials were used (wire name), may be null
 * @param warcFile       WARC holding the response record
 * @param warcOffset     offset of the response record
 * @param warcRecordId   WARC-Record-ID of the response
 * @param text           the cleaned text
 * @param textSha256     sha256 of the text as recorded
 */
public record ArticleDetail(ArticleSummary summary, String byline, String published, String modified, String language,
                            String description, String canonicalUrl, int status, List<String> redirectChain,
                            List<String> paywallSignals, String credentials, String warcFile, long warcOffset,
                            String warcRecordId, String text, String textSha256) {
}
