package org.tearsheet.sidecar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of a cleaned-text sidecar ({@code <warc name>.text.jsonl.gz}): one captured article.
 * The field names are the on-disk format documented in docs/warc-format.md; do not rename them.
 *
 * @param warcRecordId the response record ({@code WARC-Record-ID}) the text was extracted from
 * @param warcOffset   byte offset of that record's gzip member in {@code warcFile}
 * @param status       HTTP status of the final response
 * @param job          name of the configured job that captured it, {@code null} for ad-hoc captures
 *                     ({@code archive}, {@code demo}) and in sidecars written before the field existed
 * @param paywall      paywall verdict object, {@code null} when no detector ran
 * @param textSha256   lowercase hex sha256 of {@code text} encoded as UTF-8
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SidecarEntry(
        @JsonProperty("url") String url,
        @JsonProperty("final_url") String finalUrl,
        @JsonProperty("captured") String captured,
        @JsonProperty("warc_file") String warcFile,
        @JsonProperty("warc_record_id") String warcRecordId,
        @JsonProperty("warc_offset") long warcOffset,
        @JsonProperty("status") int status,
        @JsonProperty("job") String job,
        @JsonProperty("title") String title,
        @JsonProperty("byline") String byline,
        @JsonProperty("published") String published,
        @JsonProperty("modified") String modified,
        @JsonProperty("language") String language,
        @JsonProperty("site_name") String siteName,
        @JsonProperty("description") String description,
        @JsonProperty("canonical_url") String canonicalUrl,
        @JsonProperty("word_count") int wordCount,
        @JsonProperty("redirect_chain") List<String> redirectChain,
        @JsonProperty("paywall") PaywallJson paywall,
        @JsonProperty("text") String text,
        @JsonProperty("text_sha256") String textSha256) {

    /** The paywall verdict as it appears in JSON (lowercase wire names). */
    public record PaywallJson(
            @JsonProperty("status") String status,
            @JsonProperty("kind") String kind,
            @JsonProperty("signals") List<String> signals,
            @JsonProperty("credentials") String credentials) {
    }
}
