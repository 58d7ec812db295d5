package org.tearsheet.access;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the operator's subscriber cookies and headers to a request, judged by that request's own URL. Register it
 * where it runs once per hop (an application interceptor on a client that does not follow redirects itself, as
 * tearsheet's fetcher does, or a network interceptor): then a redirect to another host never carries them.
 */
public final class CredentialInterceptor implements Interceptor {

    private final List<SiteCredentials> sites;
    private final Clock clock;

    CredentialInterceptor(List<SiteCredentials> sites, Clock clock) {
        this.sites = List.copyOf(sites);
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(withCredentials(chain.request()));
    }

    /** The request with every credential that belongs to its URL's host added; unchanged when none does. */
    Request withCredentials(Request request) {
        HttpUrl url = request.url();
        long now = clock.millis();
        List<Cookie> cookies = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (SiteCredentials site : sites) {
            cookies.addAll(site.cookiesFor(url, now));
            headers.putAll(site.headersFor(url));
        }
        if (cookies.isEmpty() && headers.isEmpty()) {
            return request;
        }
        Request.Builder b = request.newBuilder();
        headers.forEach(b::header);
        if (!cookies.isEmpty()) {
            StringBuilder value = new StringBuilder();
            String existing = request.header("Cookie");
            if (existing != null && !existing.isBlank()) {
                value.append(existing);
            }
            for (Cookie c : cookies) {
                value.append(value.length() == 0 ? "" : "; ").append(c.name()).append('=').append(c.value());
            }
            b.header("Cookie", value.toString());
        }
        return b.build();
    }
}
