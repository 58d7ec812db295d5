package org.tearsheet.discover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The key two URLs share when they name the same article, for dedupe across seeds and runs: lowercase scheme
 * and host, no default port, no fragment, query parameters sorted and tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid}, ...) dropped, percent-encoding normalised. The URL that is fetched and
 * recorded stays exactly as discovered; only the dedupe key is canonical.
 */
public final class UrlCanonicalizer {

    /** Parameters that only say where a click came from, never which article. */
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "igshid", "twclid", "ttclid", "li_fat_id",
            "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
            "vero_id", "wickedid", "ref_src", "ref_url", "cmpid", "ncid", "sr_share", "smid", "at_medium",
            "at_campaign", "ito", "icid");

    private UrlCanonicalizer() {
    }

    /**
     * The canonical key of {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
     */
    public static String canonical(String url) {
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        HttpUrl.Builder b = parsed.newBuilder().fragment(null).query(null);
        List<String[]> params = new ArrayList<>();
        for (int i = 0; i < parsed.querySize(); i++) {
            String name = parsed.queryParameterName(i);
            if (!isTracking(name)) {
                params.add(new String[] {name, parsed.queryParameterValue(i)});
            }
        }
        params.sort(Comparator.<String[], String>comparing(p -> p[0])
                .thenComparing(p -> p[1] == null ? "" : p[1]));
        for (String[] p : params) {
            b.addQueryParameter(p[0], p[1]);
        }
        return b.build().toString();
    }

    /** Whether {@code url} parses as an absolute http(s) URL. */
    public static boolean isHttpUrl(String url) {
        return url != null && HttpUrl.parse(url.trim()) != null;
    }

    private static boolean isTracking(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("utm_") || TRACKING.contains(n);
    }
}
