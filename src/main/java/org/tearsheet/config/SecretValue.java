package org.tearsheet.config;

/**
 * A configured secret: where it came from (shown) and its value (never shown, never logged).
 * {@link #toString()} is masked so a secret cannot leak through string concatenation or logging.
 *
 * @param source how the config referred to it, e.g. {@code ${FT_TOKEN}} or {@code file:/run/secrets/ft}
 * @param value  the resolved secret
 */
public record SecretValue(String source, String value) {

    public static final String MASK = "********";

    @Override
    public String toString() {
        return source + " = " + MASK;
    }
}
