package org.tearsheet.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Several token sets matched in one pass over a class/id name, with the rules of {@link NameTokens}: a set
 * either occurs anywhere or starts at a segment start (a token ending in {@code $} also ending at a boundary),
 * and may be restricted to the name's tail from a given offset (the element part of a BEM name). Each set has a
 * bit; {@link #scan} returns the bits of the sets found. One pass instead of one per set, because this runs for
 * every distinct name of every page. Immutable.
 */
final class TokenScan {

    /** Size of the table of tokens by a hash of their first two characters (a power of two). */
    private static final int TABLE = 4096;
    private static final int[] NONE = new int[0];

    private final String[] tokens;
    private final int[] bits;
    private final boolean[] segmentStart;
    private final boolean[] exactEnd;
    private final boolean[] tailOnly;
    private final int[][] byPrefix = new int[TABLE][];

    private TokenScan(Builder b) {
        int n = b.tokens.size();
        tokens = b.tokens.toArray(String[]::new);
        bits = new int[n];
        segmentStart = new boolean[n];
        exactEnd = new boolean[n];
        tailOnly = new boolean[n];
        int[] counts = new int[TABLE];
        for (int i = 0; i < n; i++) {
            bits[i] = b.bits.get(i);
            segmentStart[i] = b.segmentStart.get(i);
            exactEnd[i] = b.exactEnd.get(i);
            tailOnly[i] = b.tailOnly.get(i);
            counts[slot(tokens[i], 0)]++;
        }
        for (int c = 0; c < TABLE; c++) {
            byPrefix[c] = counts[c] == 0 ? NONE : new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            int c = slot(tokens[i], 0);
            byPrefix[c][counts[c]++] = i;
        }
    }

    /** The bits of the sets with a token in {@code name} (lowercase); tail-only sets count from {@code tail} on. */
    int scan(String name, int tail) {
        int found = 0;
        int len = name.length();
        for (int p = 0; p < len - 1; p++) {
            boolean atSegment = p == 0 || isBoundary(name.charAt(p - 1));
            for (int t : byPrefix[slot(name, p)]) {
                if ((found & bits[t]) != 0 || (tailOnly[t] && p < tail) || (segmentStart[t] && !atSegment)
                        || !name.startsWith(tokens[t], p)) {
                    continue;
                }
                int end = p + tokens[t].length();
                if (!exactEnd[t] || end == len || isBoundary(name.charAt(end))) {
                    found |= bits[t];
                }
            }
        }
        return found;
    }

    private static int slot(String s, int p) {
        return (s.charAt(p) * 31 + s.charAt(p + 1)) & (TABLE - 1);
    }

    private static boolean isBoundary(char c) {
        return c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\n';
    }

    /** Collects the sets. */
    static final class Builder {
        private final List<String> tokens = new ArrayList<>();
        private final List<Integer> bits = new ArrayList<>();
        private final List<Boolean> segmentStart = new ArrayList<>();
        private final List<Boolean> exactEnd = new ArrayList<>();
        private final List<Boolean> tailOnly = new ArrayList<>();

        /** A set found anywhere, like {@link NameTokens#occursIn} ('$' ignored, as there). */
        Builder anywhere(int bit, List<String> spec, boolean tailOnly) {
            return add(bit, spec, false, tailOnly);
        }

        /** A set found at segment starts, like {@link NameTokens#matches}. */
        Builder atSegmentStart(int bit, List<String> spec, boolean tailOnly) {
            return add(bit, spec, true, tailOnly);
        }

        private Builder add(int bit, List<String> spec, boolean atSegment, boolean tail) {
            for (String s : spec) {
                boolean exact = s.endsWith("$");
                String token = exact ? s.substring(0, s.length() - 1) : s;
                if (token.length() < 2) {
                    throw new IllegalArgumentException("token shorter than two characters: " + s);
                }
                if (token.chars().anyMatch(Character::isWhitespace)) {
                    // ChromeRules folds a value's verdict over its names, which holds only for tokens within a name.
                    throw new IllegalArgumentException("token with whitespace: " + s);
                }
                tokens.add(token);
                bits.add(bit);
                segmentStart.add(atSegment);
                exactEnd.add(atSegment && exact);
                tailOnly.add(tail);
            }
            return this;
        }

        TokenScan build() {
            return new TokenScan(this);
        }
    }
}
