package org.tearsheet.paywall;

import java.util.List;

/**
 * Whether a capture holds the whole article, and the evidence for saying so.
 *
 * @param status      none | full | truncated | blocked
 * @param kind        hard | metered | registration | none | unknown
 * @param signals     names of the evidence found (see docs/paywall.md)
 * @param credentials none | used | rejected: whether subscriber access was sent and whether it worked
 */
public record PaywallVerdict(Status status, Kind kind, List<String> signals, Credentials credentials) {

    public PaywallVerdict {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** Access status of the captured article. */
    public enum Status { NONE, FULL, TRUNCATED, BLOCKED;
        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Kind of access restriction. */
    public enum Kind { HARD, METERED, REGISTRATION, NONE, UNKNOWN;
        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Whether the operator's subscriber credentials were sent, and whether they were honoured. */
    public enum Credentials { NONE, USED, REJECTED;
        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
