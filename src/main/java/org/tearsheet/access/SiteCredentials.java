package org.tearsheet.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.HttpUrl;

/**
 * The operator's credentials for one site, and the rules for where they may go: cookies follow their own domain,
 * path and secure attributes (and the site's host list when one is given); headers go only to the listed hosts.
 *
 * @param site    name for humans and logs
 * @param hosts   hosts the credentials may be sent to: {@code example.com} exactly, {@code .example.com} for it and
 *                its subdomains
 * @param cookies cookies from the operator's cookies.txt
 * @param headers extra request headers (name to secret value)
 */
record SiteCredentials(String site, List<String> hosts, List<Cookie> cookies, Map<String, String> headers) {

    SiteCredentials {
        hosts = normalizedHosts(hosts);
        cookies = List.copyOf(cookies);
        headers = Map.copyOf(headers);
    }

    /** Whether the host list allows {@code host}; an empty list allows cookies by their domain alone. */
    boolean hostListed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String allowed : hosts) {
            if (allowed.startsWith(".")) {
                if (h.equals(allowed.substring(1)) || h.endsWith(allowed)) {
                    return true;
                }
            } else if (h.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    /** The cookies to send to {@code url} at {@code nowMillis}. */
    List<Cookie> cookiesFor(HttpUrl url, long nowMillis) {
        if (!hosts.isEmpty() && !hostListed(url.host())) {
            return List.of();
        }
        List<Cookie> out = new ArrayList<>();
        for (Cookie c : cookies) {
            if (c.expiresAt() > nowMillis && c.matches(url)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The headers to send to {@code url}: only to listed hosts, never to a host the list does not name. */
    Map<String, String> headersFor(HttpUrl url) {
        return hostListed(url.host()) ? headers : Map.of();
    }

    /** Whether any credential of this site would be sent to {@code url} (ignoring cookie expiry). */
    boolean appliesTo(HttpUrl url) {
        if (hostListed(url.host())) {
            return true;
        }
        if (!hosts.isEmpty()) {
            return false;
        }
        for (Cookie c : cookies) {
            if (c.matches(url)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> normalizedHosts(List<String> hosts) {
        List<String> out = new ArrayList<>();
        for (String h : hosts) {
            String n = h.strip().toLowerCase(Locale.ROOT);
            if (n.startsWith("*.")) {
                n = n.substring(1);
            }
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }
}
