package org.tearsheet.paywall;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Evaluator;

/**
 * Finds a redirect to a login, registration or subscription page in the redirect chain, or in an unfollowed
 * 3xx response or meta refresh. Only the URL path and query are read: the decision never depends on the host.
 *
 * @param targetUrl      the login/subscribe URL redirected to
 * @param returnParam    whether that URL carries a return parameter (where to go back after logging in)
 * @param registration   whether it is a registration (free account) page rather than login/subscribe
 */
record LoginRedirect(String targetUrl, boolean returnParam, boolean registration) {

    private static final Evaluator LINK = QueryParser.parse("a[href]");
    private static final Evaluator REFRESH = QueryParser.parse("meta[http-equiv~=(?i)^refresh$][content]");

    private static final Pattern GATE_PATH = Pattern.compile(
            "/(login|log-in|signin|sign-in|sign_in|logon|auth|authenticate|sso|subscribe|subscription|subscriptions"
            + "|register|registration|signup|sign-up|paywall|barrier|abo|abonnement|abonnieren|anmelden|anmeldung"
            + "|registrieren|registrierung|connexion|identification|s-abonner|suscripcion|suscribete|registro"
            + "|iniciar-sesion|accedi|abbonati|inloggen|aanmelden|entrar|assinar|assine|offers|plans|products"
            + "|checkout|membership|join)(?=/|$|\\.|;)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REGISTRATION_PATH = Pattern.compile(
            "/(register|registration|signup|sign-up|registrieren|registrierung|registro|join)(?=/|$|\\.|;)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RETURN_PARAM = Pattern.compile(
            "(?:^|&)(return|returnto|return_to|returnurl|return_url|redirect|redirect_uri|redirect_url|redirectto"
            + "|next|continue|location|dest|destination|target|ziel|back|backurl|origin|came_from|goto|retour"
            + "|successurl|success_url|referer|ref|from|url)=([^&]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFRESH_URL = Pattern.compile("url\\s*=\\s*['\"]?([^'\"]+)", Pattern.CASE_INSENSITIVE);

    /** The login redirect of this capture, or {@code null} when there is none. */
    static LoginRedirect find(List<String> chain, int finalStatus, Document doc) {
        return find(chain, finalStatus, doc, doc == null ? null : ElementWalk.all(doc));
    }

    /** {@link #find(List, int, Document)} given {@code all}, the document's elements in document order. */
    static LoginRedirect find(List<String> chain, int finalStatus, Document doc, List<Element> all) {
        for (int i = 1; i < chain.size(); i++) {
            LoginRedirect r = test(chain.get(i));
            if (r != null) {
                return r;
            }
        }
        if (doc == null) {
            return null;
        }
        if (finalStatus >= 300 && finalStatus < 400) {
            // a redirect that was not followed: its body links to where it points
            Element link = ElementWalk.selectFirst(all, doc, LINK);
            if (link != null) {
                return test(link.absUrl("href").isEmpty() ? link.attr("href") : link.absUrl("href"));
            }
        }
        Element refresh = ElementWalk.selectFirst(all, doc, REFRESH);
        if (refresh != null) {
            Matcher m = REFRESH_URL.matcher(refresh.attr("content"));
            if (m.find()) {
                return test(m.group(1).strip());
            }
        }
        return null;
    }

    static LoginRedirect test(String url) {
        String path;
        String query;
        try {
            URI uri = URI.create(url.strip().replace(" ", "%20"));
            path = uri.getRawPath() == null ? "" : uri.getRawPath();
            query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!GATE_PATH.matcher(path).find()) {
            return null;
        }
        boolean back = false;
        Matcher m = RETURN_PARAM.matcher(query);
        while (m.find()) {
            String value = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (value.startsWith("/") || value.startsWith("http")) {
                back = true;
            }
        }
        return new LoginRedirect(url, back, REGISTRATION_PATH.matcher(path).find());
    }
}
