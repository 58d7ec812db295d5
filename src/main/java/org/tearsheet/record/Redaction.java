package org.tearsheet.record;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which header values never enter an archive and what replaces them. Request headers carrying credentials
 * (Cookie, Authorization, Proxy-Authorization and every configured secret header) keep their name — so a reader can
 * see credentials were sent — but their value becomes {@link #MARKER}. On responses to such credentialed requests,
 * Set-Cookie values are masked too, because a server may refresh the subscriber's session token there.
 */
public final class Redaction {

    /** The fixed replacement for a redacted header value (documented in docs/warc-format.md). */
    public static final String MARKER = "[redacted by tearsheet]";

    private static final Set<String> ALWAYS = Set.of("cookie", "authorization", "proxy-authorization");

    private final Set<String> secretNames;

    /** @param extraSecretNames more request header names to redact (case-insensitive) */
    public Redaction(Set<String> extraSecretNames) {
        Set<String> names = new TreeSet<>(ALWAYS);
        for (String n : extraSecretNames) {
            names.add(n.toLowerCase(Locale.ROOT));
        }
        this.secretNames = Set.copyOf(names);
    }

    /** Whether the value of request header {@code name} is a secret. */
    public boolean isSecret(String name) {
        return secretNames.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether a response header must be masked given the request carried credentials. */
    public boolean isSecretResponseHeader(String name, boolean credentialsSent) {
        return credentialsSent && name.equalsIgnoreCase("Set-Cookie");
    }
}
