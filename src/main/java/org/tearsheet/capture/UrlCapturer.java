package org.tearsheet.capture;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcRevisit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tearsheet.extract.Extractor;
import org.tearsheet.fetch.FetchOutcome;
import org.tearsheet.fetch.HttpExchange;
import org.tearsheet.fetch.PoliteFetcher;
import org.tearsheet.fetch.RobotsPolicy;
import org.tearsheet.paywall.PaywallDetector;
import org.tearsheet.paywall.PaywallVerdict;
import org.tearsheet.record.EncodedRecord;
import org.tearsheet.record.ExchangeRecords;
import org.tearsheet.record.RotatingWarcWriter;
import org.tearsheet.sidecar.SidecarWriter;

/**
 * Captures one URL: robots check, every redirect hop, the final response, extraction and paywall verdict, then all
 * records of the URL written contiguously (request/response per hop, then the final metadata record) and the
 * sidecar line. The whole capture is decided before the first byte is written, so a skipped capture leaves no trace.
 */
final class UrlCapturer {

    private static final Logger LOG = LoggerFactory.getLogger(UrlCapturer.class);

    private final int maxRedirects;
    private final RobotsPolicy robots;
    private final PoliteFetcher fetcher;
    private final ExchangeRecords records;
    private final RotatingWarcWriter writer;
    private final SidecarWriter sidecar;
    private final Extractor extractor;
    private final PaywallDetector detector;

    UrlCapturer(int maxRedirects, RobotsPolicy robots, PoliteFetcher fetcher, ExchangeRecords records,
                RotatingWarcWriter writer, SidecarWriter sidecar, Extractor extractor, PaywallDetector detector) {
        this.maxRedirects = maxRedirects;
        this.robots = robots;
        this.fetcher = fetcher;
        this.records = records;
        this.writer = writer;
        this.sidecar = sidecar;
        this.extractor = extractor;
        this.detector = detector;
    }

    CaptureResult capture(CaptureRequest request) throws InterruptedException {
        List<HttpExchange> hops = new ArrayList<>();
        try {
            return run(request, hops);
        } finally {
            hops.forEach(HttpExchange::close);
        }
    }

    private CaptureResult run(CaptureRequest request, List<HttpExchange> hops) throws InterruptedException {
        Result r = new Result(request.url());
        r.job = request.job();
        HttpUrl current = HttpUrl.parse(request.url());
        if (current == null) {
            return r.end(Outcome.FAILED, "not an http(s) URL");
        }
        if (!robots.allows(current.toString())) {
            return r.end(Outcome.ROBOTS_DENIED, "robots.txt disallows " + current);
        }
        Set<String> seen = new HashSet<>();
        while (true) {
            String url = current.toString();
            seen.add(url);
            r.chain.add(url);
            FetchOutcome fetched = fetcher.fetch(url, conditionalHeaders(request.previous(), url, hops.isEmpty()));
            r.attempts = fetched.attempts();
            if (fetched.exchange() == null) {
                return writeHopsAndEnd(r, hops, Outcome.FAILED, fetched.error());
            }
            HttpExchange exchange = fetched.exchange();
            hops.add(exchange);
            r.error = fetched.error();
            if (!exchange.isRedirect()) {
                break;
            }
            HttpUrl next = current.resolve(exchange.responseHeaders().get("Location"));
            if (next == null) {
                break; // an unusable Location: the redirect itself is the final response
            }
            if (seen.contains(next.toString())) {
                return writeHopsAndEnd(r, hops, Outcome.FAILED, "redirect loop: " + String.join(" -> ", r.chain)
                        + " -> " + next);
            }
            if (hops.size() > maxRedirects) {
                return writeHopsAndEnd(r, hops, Outcome.FAILED, "too many redirects (limit " + maxRedirects + ")");
            }
            if (!robots.allows(next.toString())) {
                return writeHopsAndEnd(r, hops, Outcome.ROBOTS_DENIED, "robots.txt disallows redirect target " + next);
            }
            current = next;
        }
        return finish(request, r, hops);
    }

    private CaptureResult finish(CaptureRequest request, Result r, List<HttpExchange> hops) {
        HttpExchange last = hops.get(hops.size() - 1);
        r.status = last.status();
        String digest = new WarcDigest("sha1", last.payloadSha1()).prefixedBase32();
        PreviousCapture prev = request.previous();
        if (prev != null && last.status() == 304) {
            return writeRevisit(r, hops, WarcRevisit.SERVER_NOT_MODIFIED_1_1, prev, prev.payloadDigest());
        }
        if (prev != null && last.status() >= 200 && last.status() < 300 && !last.truncated()
                && digest.equalsIgnoreCase(prev.payloadDigest())) {
            return writeRevisit(r, hops, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1, prev, digest);
        }
        PageAnalysis analysis = null;
        if (extractor != null && PageAnalysis.isHtml(last) && PageAnalysis.analysable(last.status())) {
            analysis = PageAnalysis.of(last, extractor, detector, r.chain, records.credentialsSent(last));
            r.paywall = analysis.verdict();
            if (analysis.article() != null) {
                r.title = analysis.article().title();
                r.textSha256 = analysis.textSha256();
            } else {
                r.error = join(r.error, "extraction failed: " + analysis.error());
            }
            if (analysis.verdict() != null && analysis.verdict().status() == PaywallVerdict.Status.TRUNCATED
                    && request.onTruncated() != CaptureRequest.TruncatedPolicy.KEEP) {
                r.payloadDigest = digest;
                return r.end(Outcome.SKIPPED, "paywall verdict truncated; on_truncated="
                        + request.onTruncated().name().toLowerCase(java.util.Locale.ROOT) + ": nothing written");
            }
        }
        r.payloadDigest = digest;
        r.etag = last.responseHeaders().get("ETag");
        r.lastModified = last.responseHeaders().get("Last-Modified");
        return write(r, hops, null, analysis, Outcome.CAPTURED);
    }

    private CaptureResult writeRevisit(Result r, List<HttpExchange> hops, URI profile, PreviousCapture prev,
                                       String digest) {
        HttpExchange last = hops.get(hops.size() - 1);
        r.payloadDigest = digest;
        r.etag = firstNonNull(last.responseHeaders().get("ETag"), prev.etag());
        r.lastModified = firstNonNull(last.responseHeaders().get("Last-Modified"), prev.lastModified());
        try {
            WarcRevisit revisit = records.revisit(last, profile, digest,
                    prev.warcRecordId() == null ? null : URI.create(prev.warcRecordId().replaceAll("^<|>$", "")),
                    prev.targetUri(), prev.capturedAt());
            return write(r, hops, revisit, null, Outcome.REVISIT);
        } catch (IOException | IllegalArgumentException e) {
            return r.end(Outcome.FAILED, "cannot build revisit record: " + e.getMessage());
        }
    }

    private CaptureResult writeHopsAndEnd(Result r, List<HttpExchange> hops, Outcome outcome, String error) {
        if (hops.isEmpty()) {
            return r.end(outcome, error);
        }
        // The hops fetched so far are real exchanges: they are recorded even though the capture failed.
        r.status = hops.get(hops.size() - 1).status();
        r.error = join(r.error, error);
        return write(r, hops, null, null, outcome);
    }

    /**
     * Encodes and appends all records of this capture as one batch. {@code finalRevisit} replaces the last hop's
     * response; {@code analysis} adds a metadata record and a sidecar line.
     */
    private CaptureResult write(Result r, List<HttpExchange> hops, WarcRevisit finalRevisit, PageAnalysis analysis,
                                Outcome outcome) {
        List<EncodedRecord> encoded = new ArrayList<>();
        int finalIndex = -1;
        URI finalId = null;
        try {
            for (int i = 0; i < hops.size(); i++) {
                HttpExchange hop = hops.get(i);
                boolean isFinal = i == hops.size() - 1;
                WarcRecord response = isFinal && finalRevisit != null ? finalRevisit : records.response(hop);
                WarcRequest req = records.request(hop, response.id());
                encoded.add(writer.encode(req));
                encoded.add(writer.encode(response, ExchangeRecords.precompressed(hop)));
                if (isFinal) {
                    finalIndex = encoded.size() - 1;
                    finalId = response.id();
                }
            }
            if (analysis != null) {
                HttpExchange last = hops.get(hops.size() - 1);
                byte[] json = MetadataJson.metadata(r.requestedUrl, last.url(), last.status(), r.chain, r.job,
                        analysis);
                WarcMetadata metadata = new WarcMetadata.Builder()
                        .version(MessageVersion.WARC_1_1)
                        .date(last.started())
                        .targetURI(last.url())
                        .body(MediaType.JSON, json)
                        .blockDigest(new WarcDigest("sha1", sha1(json)))
                        .addHeader("WARC-Refers-To", "<" + finalId + ">")
                        .concurrentTo(finalId)
                        .build();
                encoded.add(writer.encode(metadata));
            }
        } catch (IOException | RuntimeException e) {
            encoded.forEach(EncodedRecord::close);
            LOG.error("cannot encode records for {}", r.requestedUrl, e);
            return r.end(Outcome.FAILED, "cannot write WARC records: " + e.getMessage());
        }
        HttpExchange last = hops.get(hops.size() - 1);
        boolean sidecarLine = analysis != null && analysis.article() != null && outcome == Outcome.CAPTURED;
        int responseIndex = finalIndex;
        String recordId = finalId.toString();
        try {
            RotatingWarcWriter.Placement placement = writer.append(encoded, p -> {
                if (sidecarLine) {
                    sidecar.append(p.warcFile(), MetadataJson.sidecar(r.requestedUrl, last.url(),
                            last.started().toString(), p.warcFile(), recordId, p.offsets()[responseIndex],
                            last.status(), r.job, r.chain, analysis));
                }
            });
            r.warcFile = placement.warcFile();
            r.warcOffset = placement.offsets()[responseIndex];
            r.warcRecordId = recordId;
            r.captured = last.started();
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot write WARC records for {}", r.requestedUrl, e);
            return r.end(Outcome.FAILED, "cannot write WARC records: " + e.getMessage());
        }
        return r.end(outcome, r.error);
    }

    private static Headers conditionalHeaders(PreviousCapture prev, String url, boolean firstHop) {
        if (prev == null) {
            return null;
        }
        boolean applies = prev.targetUri() == null ? firstHop : prev.targetUri().equals(url);
        if (!applies) {
            return null;
        }
        Headers.Builder h = new Headers.Builder();
        if (prev.etag() != null) {
            h.add("If-None-Match", prev.etag());
        }
        if (prev.lastModified() != null) {
            h.add("If-Modified-Since", prev.lastModified());
        }
        return h.build();
    }

    private static byte[] sha1(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /** Mutable accumulator for the immutable {@link CaptureResult}. */
    private static final class Result {
        final String requestedUrl;
        final List<String> chain = new ArrayList<>();
        String job;
        int status;
        int attempts;
        java.time.Instant captured;
        String warcFile;
        String warcRecordId;
        long warcOffset = -1;
        String payloadDigest;
        String etag;
        String lastModified;
        String textSha256;
        String title;
        PaywallVerdict paywall;
        String error;

        Result(String requestedUrl) {
            this.requestedUrl = requestedUrl;
        }

        CaptureResult end(Outcome outcome, String why) {
            String finalUrl = chain.isEmpty() ? requestedUrl : chain.get(chain.size() - 1);
            return new CaptureResult(requestedUrl, finalUrl, outcome, status, chain, captured, warcFile, warcRecordId,
                    warcOffset, payloadDigest, etag, lastModified, textSha256, title, paywall, why, attempts);
        }
    }
}
