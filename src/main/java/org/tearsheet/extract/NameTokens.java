package org.tearsheet.extract;

import java.util.List;

/**
 * A set of tokens matched at the start of a class/id name segment (after the start, '-', '_' or a space).
 * A token ending in {@code $} must also end at a segment boundary ("ads" but not "adsorption").
 * Plain string comparisons: this runs for every distinct class value of every page.
 */
final class NameTokens {

    private final String[] tokens;
    /** Token indices by first character (ASCII; index 128 holds tokens starting with anything else). */
    private final int[][] byFirst = new int[129][];
    private final boolean[] exactEnd;

    NameTokens(List<String> spec) {
        tokens = new String[spec.size()];
        exactEnd = new boolean[spec.size()];
        int[] counts = new int[129];
        for (int i = 0; i < spec.size(); i++) {
            String s = spec.get(i);
            exactEnd[i] = s.endsWith("$");
            tokens[i] = exactEnd[i] ? s.substring(0, s.length() - 1) : s;
            counts[slot(tokens[i].charAt(0))]++;
        }
        for (int c = 0; c < 129; c++) {
            byFirst[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < tokens.length; i++) {
            int c = slot(tokens[i].charAt(0));
            byFirst[c][counts[c]++] = i;
        }
    }

    private static int slot(char c) {
        return c < 128 ? c : 128;
    }

    /** Whether any token starts at a segment start of {@code value} (lowercase). */
    boolean matches(String value) {
        int len = value.length();
        for (int p = 0; p < len; p++) {
            if (p > 0 && !isBoundary(value.charAt(p - 1))) {
                continue;
            }
            for (int t : byFirst[slot(value.charAt(p))]) {
                String token = tokens[t];
                if (!value.startsWith(token, p)) {
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
