package org.tearsheet.paywall;

/** Decides the {@link PaywallVerdict} of one capture. Implementations are thread-safe. */
public interface PaywallDetector {

    PaywallVerdict detect(PaywallInput input);
}
