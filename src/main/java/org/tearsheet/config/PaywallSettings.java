package org.tearsheet.config;

import java.util.List;

/**
 * Site-specific paywall rules that extend the built-in markers (see docs/paywall.md).
 *
 * @param rules extra rules, each matched against every page (never decided by host name alone)
 */
public record PaywallSettings(List<PaywallRule> rules) {

    public PaywallSettings {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static PaywallSettings defaults() {
        return new PaywallSettings(null);
    }

    /**
     * One extra paywall rule.
     *
     * @param name      shown in the verdict's signals as {@code rule:<name>}
     * @param selectors CSS selectors of barrier/teaser containers
     * @param phrases   barrier phrases (case-insensitive substring match on visible text)
     * @param kind      hard | metered | registration, the kind to report when the rule fires
     */
    public record PaywallRule(String name, List<String> selectors, List<String> phrases, String kind) {
        public PaywallRule {
            selectors = selectors == null ? List.of() : List.copyOf(selectors);
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
        }
    }
}
