package org.tearsheet.extract;

import java.util.List;

/**
 * A set of tokens matched at the start of a class/id name segment (after the start, '-', '_' or a space).
 * A token ending in {@code $} must also end at a segment boundary ("ads" but not "adsorption").
 * Plain string comparisons: this runs for every distinct class value of every page.
 */
final class NameTokens {

    private final String[] tokens;
    private final boolean[] exactEnd;

    NameTokens(List<String> spec) {
        tokens = new String[spec.size()];
        exactEnd = new boolean[spec.size()];
        for (int i = 0; i < spec.size(); i++) {
            String s = spec.get(i);
            exactEnd[i] = s.endsWith("$");
            tokens[i] = exactEnd[i] ? s.substring(0, s.length() - 1) : s;
        }
    }

    /** Whether any token starts at a segment start of {@code value} (lowercase). */
    boolean matches(String value) {
        int len = value.length();
        for (int p = 0; p < len; p++) {
            if (p > 0 && !isBoundary(value.charAt(p - 1))) {
                continue;
            }
            char first = value.charAt(p);
            for (int t = 0; t < tokens.length; t++) {
                String token = tokens[t];
                if (token.charAt(0) != first || !value.startsWith(token, p)) {
                    continue;
                }
                int end = p + token.length();
                if (!exactEnd[t] || end == len || isBoundary(value.charAt(end))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any token occurs anywhere in {@code value} (lowercase). */
    boolean occursIn(String value) {
        for (String token : tokens) {
            if (value.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBoundary(char c) {
        return c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\n';
    }
}
