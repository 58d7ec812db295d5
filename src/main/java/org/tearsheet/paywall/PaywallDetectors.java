package org.tearsheet.paywall;

import org.tearsheet.config.PaywallSettings;

/** Factories for the project's paywall detectors. */
public final class PaywallDetectors {

    private PaywallDetectors() {
    }

    /** The standard detector with the built-in markers only. */
    public static PaywallDetector standard() {
        return standard(PaywallSettings.defaults());
    }

    /**
     * The standard detector with the built-in markers plus the operator's {@code paywall.rules}.
     *
     * @throws IllegalArgumentException when a rule has a bad CSS selector, an unknown kind or no name
     */
    public static PaywallDetector standard(PaywallSettings settings) {
        return new StandardPaywallDetector(MarkerCatalog.load(settings == null ? PaywallSettings.defaults() : settings));
    }
}
