package org.tearsheet.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;

/**
 * One line of {@code manifest.jsonl}: a closed WARC (and its sidecar as it was at that moment) chained to the
 * previous line. {@code hash} is the lowercase hex sha256 of {@link #chainInput()}, which includes {@code prev}, so
 * editing, removing or reordering any earlier line breaks every later hash.
 *
 * @param seq           1-based position in the chain
 * @param file          WARC file name, relative to the archive folder
 * @param size          WARC size in bytes
 * @param sha256        lowercase hex sha256 of the WARC file
 * @param time          when the entry was written (ISO-8601 UTC)
 * @param sidecar       sidecar file name, null when the WARC had none
 * @param sidecarSize   sidecar size in bytes, null without sidecar
 * @param sidecarSha256 lowercase hex sha256 of the sidecar file, null without sidecar
 * @param prev          {@code hash} of the previous entry; 64 zeros for the first
 * @param hash          this entry's chain hash
 */
@JsonPropertyOrder({"seq", "file", "size", "sha256", "time", "sidecar", "sidecar_size", "sidecar_sha256", "prev", "hash"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestEntry(
        @JsonProperty("seq") long seq,
        @JsonProperty("file") String file,
        @JsonProperty("size") long size,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("time") String time,
        @JsonProperty("sidecar") String sidecar,
        @JsonProperty("sidecar_size") Long sidecarSize,
        @JsonProperty("sidecar_sha256") String sidecarSha256,
        @JsonProperty("prev") String prev,
        @JsonProperty("hash") String hash) {

    /** The {@code prev} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The exact text hashed into {@code hash}: a version tag and the fields in order, one per line, {@code -} for an
     * absent sidecar. Documented in docs/verify.md so anyone can recompute the chain without this program.
     */
    public String chainInput() {
        return "tearsheet-manifest-v1\n" + seq + "\n" + file + "\n" + size + "\n" + sha256 + "\n" + time + "\n"
                + (sidecar == null ? "-" : sidecar) + "\n" + (sidecarSize == null ? "-" : sidecarSize) + "\n"
                + (sidecarSha256 == null ? "-" : sidecarSha256) + "\n" + prev + "\n";
    }

    /** The hash this entry should carry. */
    public String computeHash() {
        return Hashing.sha256Hex(chainInput().getBytes(StandardCharsets.UTF_8));
    }

    /** This entry with {@code hash} filled in from the other fields. */
    ManifestEntry sealed() {
        return new ManifestEntry(seq, file, size, sha256, time, sidecar, sidecarSize, sidecarSha256, prev, computeHash());
    }
}
