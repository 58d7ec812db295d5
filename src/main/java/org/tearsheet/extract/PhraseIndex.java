package org.tearsheet.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases (each a list of parts separated by wildcards) by the first two characters of their first part, so
 * that a position of a text is compared only with the few phrases that can start there instead of with all
 * of them. Phrases whose first part is shorter than two characters cannot be indexed and are listed apart.
 * Immutable.
 */
final class PhraseIndex {

    private static final String[][] NONE = new String[0][];
    /** Size of the table of phrases by a hash of their first two characters (a power of two). */
    private static final int TABLE = 4096;

    private final String[][][] byPrefix = new String[TABLE][][];
    private final String[][] unindexed;

    PhraseIndex(List<String[]> phrases) {
        Map<Integer, List<String[]>> groups = new HashMap<>();
        List<String[]> shortFirst = new ArrayList<>();
        for (String[] p : phrases) {
            if (p[0].length() < 2) {
                shortFirst.add(p);
            } else {
                groups.computeIfAbsent(prefix(p[0], 0), k -> new ArrayList<>()).add(p);
            }
        }
        Arrays.fill(byPrefix, NONE);
        groups.forEach((k, v) -> byPrefix[k] = v.toArray(String[][]::new));
        this.unindexed = shortFirst.toArray(String[][]::new);
    }

    /**
     * Phrases whose first part may start at {@code from} of {@code text}: all that do, and a few that don't (the
     * table is hashed), so the caller still compares.
     */
    String[][] startingAt(String text, int from) {
        if (from + 1 >= text.length()) {
            return NONE;
        }
        return byPrefix[prefix(text, from)];
    }

    /** Phrases whose first part is shorter than two characters: to be tried at every position. */
    String[][] unindexed() {
        return unindexed;
    }

    private static int prefix(String s, int at) {
        return (s.charAt(at) * 31 + s.charAt(at + 1)) & (TABLE - 1);
    }
}
