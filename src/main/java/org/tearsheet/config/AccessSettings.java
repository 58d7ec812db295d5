package org.tearsheet.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Subscriber access the operator is entitled to, for one site. Secrets are never written inline:
 * header values are {@code ${ENV_VAR}} references or {@code file:/path} references, resolved at load time
 * and masked whenever the config is printed.
 *
 * @param site        a name for humans and logs (e.g. "ft.com")
 * @param hosts       hosts the credentials may be sent to (exact host or ".suffix" for subdomains)
 * @param cookiesFile Netscape cookies.txt exported from the operator's own browser session
 * @param headers     extra request headers, values resolved from env or files
 */
public record AccessSettings(String site, List<String> hosts, Path cookiesFile, Map<String, SecretValue> headers) {

    public AccessSettings {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
