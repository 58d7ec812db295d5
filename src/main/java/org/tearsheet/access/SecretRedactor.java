package org.tearsheet.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces known secret values (subscriber cookie values and header values) in any text before it is shown,
 * logged or stored: the last line of defence for error messages that quote what they were given.
 */
public final class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MASK = "********";
    /** Shorter values are too likely to occur in ordinary text to be replaced blindly (and are weak secrets). */
    private static final int MIN_LENGTH = 4;

    private final List<String> secrets;

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redactor for these secret values; blank and very short values are ignored. */
    public static SecretRedactor of(Collection<String> secrets) {
        List<String> list = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.strip().length() >= MIN_LENGTH && !list.contains(s)) {
                list.add(s);
            }
        }
        list.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial leftovers
        return new SecretRedactor(List.copyOf(list));
    }

    /** {@code text} with every secret replaced by {@link #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /** How a secret value is shown to humans: never the value, only that there is one. */
    public static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "(empty)" : MASK;
    }
}
