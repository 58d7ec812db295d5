package org.tearsheet.paywall;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All markers' phrase patterns behind one multi-literal search: a single Aho–Corasick pass over a text finds which
 * required literals occur, and only the phrases with such a literal run their regular expression. Same answers
 * as {@link Marker#phraseIn} for every marker, in time linear in the text instead of one substring search per
 * literal and marker. Immutable and thread-safe.
 */
final class PhraseIndex {

    private final List<Marker> markers;
    /** By phrase: its marker's index, its literal ids ({@code null}: none known, always run). */
    private final int[] phraseMarker;
    private final int[][] phraseLiterals;
    private final List<Marker.Phrase> phrases = new ArrayList<>();
    /** Trie: per state its outgoing chars (sorted) and target states. */
    private static final int ASCII = 128;
    /** For ASCII input: the next state of every state and char, fail links already followed (one lookup a char). */
    private int[] asciiNext;
    private char[][] edgeChars;
    private int[][] edgeTargets;
    private int[] fail;
    /** Per state: ids of the literals that end here (own and through fail links). */
    private int[][] output;
    private final int literalCount;
    /** By literal id: the phrases that need it. */
    private final int[][] phrasesOfLiteral;
    /** Phrases with no known literal: tried on every text. */
    private final BitSet alwaysTried = new BitSet();

    PhraseIndex(List<Marker> markers) {
        this.markers = List.copyOf(markers);
        Map<String, Integer> literalIds = new HashMap<>();
        List<Integer> owner = new ArrayList<>();
        List<int[]> lits = new ArrayList<>();
        for (int mi = 0; mi < this.markers.size(); mi++) {
            List<Marker.Phrase> ps = this.markers.get(mi).phrases();
            if (ps == null) {
                continue;
            }
            for (Marker.Phrase p : ps) {
                phrases.add(p);
                owner.add(mi);
                if (p.literals() == null) {
                    lits.add(null);
                } else {
                    int[] ids = new int[p.literals().size()];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = literalIds.computeIfAbsent(p.literals().get(i), k -> literalIds.size());
                    }
                    lits.add(ids);
                }
            }
        }
        phraseMarker = owner.stream().mapToInt(Integer::intValue).toArray();
        phraseLiterals = lits.toArray(new int[0][]);
        literalCount = literalIds.size();
        List<List<Integer>> byLiteral = new ArrayList<>();
        for (int i = 0; i < literalCount; i++) {
            byLiteral.add(new ArrayList<>());
        }
        for (int p = 0; p < phraseLiterals.length; p++) {
            if (phraseLiterals[p] == null) {
                alwaysTried.set(p);
            } else {
                for (int id : phraseLiterals[p]) {
                    byLiteral.get(id).add(p);
                }
            }
        }
        phrasesOfLiteral = new int[literalCount][];
        for (int i = 0; i < literalCount; i++) {
            phrasesOfLiteral[i] = byLiteral.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        build(literalIds);
    }

    /** Indices (into the marker list) of the markers one of whose phrases matches the normalised text. */
    BitSet matching(String normalizedText) {
        BitSet present = literalsIn(normalizedText);
        BitSet candidates = (BitSet) alwaysTried.clone();
        for (int id = present.nextSetBit(0); id >= 0; id = present.nextSetBit(id + 1)) {
            for (int p : phrasesOfLiteral[id]) {
                candidates.set(p);
            }
        }
        BitSet out = new BitSet(markers.size());
        // phrase order as in Marker.phraseIn; the answer per marker does not depend on it
        for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
            int mi = phraseMarker[p];
            if (out.get(mi)) {
                continue;
            }
            if (phrases.get(p).pattern().matcher(normalizedText).find()) {
                out.set(mi);
            }
        }
        return out;
    }

    /** Ids of the literals that occur in the text, in one pass. */
    BitSet literalsIn(String text) {
        BitSet present = new BitSet(literalCount);
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ASCII) {
                state = asciiNext[state * ASCII + c];
            } else {
                int next = step(state, c);
                while (next < 0 && state != 0) {
                    state = fail[state];
                    next = step(state, c);
                }
                state = next < 0 ? 0 : next;
            }
            for (int id : output[state]) {
                present.set(id);
            }
        }
        return present;
    }

    private int step(int state, char c) {
        int k = Arrays.binarySearch(edgeChars[state], c);
        return k < 0 ? -1 : edgeTargets[state][k];
    }

    private void build(Map<String, Integer> literalIds) {
        List<Map<Character, Integer>> go = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        go.add(new HashMap<>());
        out.add(new ArrayList<>());
        for (Map.Entry<String, Integer> e : literalIds.entrySet()) {
            int s = 0;
            for (char c : e.getKey().toCharArray()) {
                Integer t = go.get(s).get(c);
                if (t == null) {
                    t = go.size();
                    go.get(s).put(c, t);
                    go.add(new HashMap<>());
                    out.add(new ArrayList<>());
                }
                s = t;
            }
            out.get(s).add(e.getValue());
        }
        int n = go.size();
        edgeChars = new char[n][];
        edgeTargets = new int[n][];
        for (int s = 0; s < n; s++) {
            List<Character> keys = new ArrayList<>(go.get(s).keySet());
            keys.sort(null);
            edgeChars[s] = new char[keys.size()];
            edgeTargets[s] = new int[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                edgeChars[s][i] = keys.get(i);
                edgeTargets[s][i] = go.get(s).get(keys.get(i));
            }
        }
        fail = new int[n];
        List<Integer> bfsOrder = new ArrayList<>(List.of(0));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t : edgeTargets[0]) {
            queue.add(t); // depth 1 fails to the root
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            bfsOrder.add(s);
            for (int i = 0; i < edgeChars[s].length; i++) {
                char c = edgeChars[s][i];
                int t = edgeTargets[s][i];
                int f = fail[s];
                int next = step(f, c);
                while (next < 0 && f != 0) {
                    f = fail[f];
                    next = step(f, c);
                }
                fail[t] = next < 0 || next == t ? 0 : next;
                out.get(t).addAll(out.get(fail[t])); // fail[t] is shallower: already complete
                queue.add(t);
            }
        }
        asciiNext = new int[n * ASCII];
        for (int s : bfsOrder) {
            for (int c = 0; c < ASCII; c++) {
                int t = step(s, (char) c);
                asciiNext[s * ASCII + c] = t >= 0 ? t : s == 0 ? 0 : asciiNext[fail[s] * ASCII + c];
            }
        }
        output = new int[n][];
        for (int s = 0; s < n; s++) {
            output[s] = out.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
        }
    }
}
