package org.tearsheet.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tearsheet.extract.Article;
import org.tearsheet.paywall.PaywallVerdict;
import org.tearsheet.sidecar.SidecarEntry;

/** The JSON body of a metadata record and the sidecar line for one analysed page (format: docs/warc-format.md). */
final class MetadataJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataJson() {
    }

    static byte[] metadata(String url, String finalUrl, int status, List<String> chain, String job,
                           PageAnalysis analysis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "tearsheet-article/1");
        m.put("job", job);
        m.put("url", url);
        m.put("final_url", finalUrl);
        m.put("status", status);
        m.put("redirect_chain", chain);
        Article a = analysis.article();
        m.put("title", a == null ? null : a.title());
        m.put("byline", a == null ? null : a.byline());
        m.put("authors", a == null ? List.of() : a.authors());
        m.put("published", a == null ? null : a.published());
        m.put("modified", a == null ? null : a.modified());
        m.put("language", a == null ? null : a.language());
        m.put("site_name", a == null ? null : a.siteName());
        m.put("description", a == null ? null : a.description());
        m.put("canonical_url", a == null ? null : a.canonicalUrl());
        m.put("image", a == null ? null : a.image());
        m.put("schema_type", a == null ? null : a.schemaType());
        m.put("word_count", a == null ? 0 : a.wordCount());
        m.put("charset", analysis.charset());
        m.put("text_length", a == null ? 0 : a.text().length());
        m.put("text_sha256", analysis.textSha256());
        m.put("paywall", paywall(analysis.verdict()));
        m.put("extraction_error", analysis.error());
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize metadata", e);
        }
    }

    static SidecarEntry sidecar(String url, String finalUrl, String captured, String warcFile, String recordId,
                                long offset, int status, String job, List<String> chain, PageAnalysis analysis) {
        Article a = analysis.article();
        return new SidecarEntry(url, finalUrl, captured, warcFile, recordId, offset, status, job, a.title(), a.byline(),
                a.published(), a.modified(), a.language(), a.siteName(), a.description(), a.canonicalUrl(),
                a.wordCount(), chain, paywall(analysis.verdict()), a.text(), analysis.textSha256());
    }

    static SidecarEntry.PaywallJson paywall(PaywallVerdict v) {
        if (v == null) {
            return null;
        }
        return new SidecarEntry.PaywallJson(v.status() == null ? null : v.status().wireName(),
                v.kind() == null ? null : v.kind().wireName(), v.signals(),
                v.credentials() == null ? null : v.credentials().wireName());
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
