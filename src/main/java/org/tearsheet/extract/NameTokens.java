package org.tearsheet.extract;

import java.util.List;

/**
 * A set of tokens matched at the start of a class/id name segment (after the start, '-', '_' or a space).
 * A token ending in {@code $} must also end at a segment boundary ("ads" but not "adsorption").
 * Plain string comparisons: this runs for every distinct class name of every page.
 */
final class NameTokens {

    /** Size of the table of tokens by their first two characters (a power of two). */
    private static final int TABLE = 4096;
    private static final int[] NONE = new int[0];

    private final String[] tokens;
    /**
     * Token indices by a hash of their first two characters: at a position of a value only the few tokens that
     * can start there are compared, and most positions have none.
     */
    private final int[][] byPrefix = new int[TABLE][];
    private final boolean[] exactEnd;

    /** @throws IllegalArgumentException for a token shorter than two characters (the index needs two) */
    NameTokens(List<String> spec) {
        tokens = new String[spec.size()];
        exactEnd = new boolean[spec.size()];
        int[] counts = new int[TABLE];
        for (int i = 0; i < spec.size(); i++) {
            String s = spec.get(i);
            exactEnd[i] = s.endsWith("$");
            tokens[i] = exactEnd[i] ? s.substring(0, s.length() - 1) : s;
            if (tokens[i].length() < 2) {
                throw new IllegalArgumentException("token shorter than two characters: " + s);
            }
            counts[slot(tokens[i], 0)]++;
        }
        for (int c = 0; c < TABLE; c++) {
            byPrefix[c] = counts[c] == 0 ? NONE : new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < tokens.length; i++) {
            int c = slot(tokens[i], 0);
            byPrefix[c][counts[c]++] = i;
        }
    }

    /** The table slot of the two characters at {@code p} (which must exist). */
    private static int slot(String s, int p) {
        return (s.charAt(p) * 31 + s.charAt(p + 1)) & (TABLE - 1);
    }

    /** Whether any token starts at a segment start of {@code value} (lowercase). */
    boolean matches(String value) {
        int len = value.length();
        for (int p = 0; p < len - 1; p++) {
            if (p > 0 && !isBoundary(value.charAt(p - 1))) {
                continue;
            }
            for (int t : byPrefix[slot(value, p)]) {
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
        int len = value.length();
        for (int p = 0; p < len - 1; p++) {
            for (int t : byPrefix[slot(value, p)]) {
                if (value.startsWith(tokens[t], p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isBoundary(char c) {
        return c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\n';
    }
}
