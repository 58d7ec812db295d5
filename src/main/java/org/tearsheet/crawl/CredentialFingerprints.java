package org.tearsheet.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import org.tearsheet.config.AccessSettings;

/**
 * A fingerprint of the resolved credentials configured for a URL's site (sha256 over the cookies file and
 * header values). The fingerprint lets a job notice that the operator
 * renewed a login, so truncated captures kept for {@code retry_later} are tried again; the credentials
 * themselves are never stored.
 */
final class CredentialFingerprints {

    /** Fingerprint used for URLs no access entry covers. */
    static final String NONE = "none";

    private final List<AccessSettings> access;
    private final Map<String, String> fingerprints = new TreeMap<>();

    CredentialFingerprints(List<AccessSettings> access) {
        this.access = access;
    }

    /** The access entry whose hosts cover {@code url}'s host, or null. */
    private AccessSettings siteOf(String url) {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) {
            return null;
        }
        String host = u.host().toLowerCase(Locale.ROOT);
        for (AccessSettings a : access) {
            for (String h : a.hosts()) {
                String rule = h.toLowerCase(Locale.ROOT);
                if (rule.startsWith(".") ? host.endsWith(rule) || host.equals(rule.substring(1)) : host.equals(rule)) {
                    return a;
                }
            }
        }
        return null;
    }

    /** The current credentials fingerprint for {@code url} ({@link #NONE} without configured access). */
    synchronized String fingerprint(String url) {
        AccessSettings a = siteOf(url);
        if (a == null) {
            return NONE;
        }
        return fingerprints.computeIfAbsent(a.site(), s -> digest(a));
    }

    private static String digest(AccessSettings a) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(a.site().getBytes(StandardCharsets.UTF_8));
            if (a.cookiesFile() != null) {
                try {
                    sha.update(Files.readAllBytes(a.cookiesFile()));
                } catch (IOException e) {
                    sha.update("unreadable".getBytes(StandardCharsets.UTF_8));
                }
            }
            new TreeMap<>(a.headers()).forEach((name, secret) -> {
                sha.update(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(secret.value().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
