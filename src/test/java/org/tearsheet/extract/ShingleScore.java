package org.tearsheet.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A faithful port of {@code shared/tools/score-extraction.py shingles}: per-document true/false positives
 * over 4-gram shingles of {@code \w+} tokens (Python's Unicode definition: letters, numbers and underscore),
 * precision and recall averaged over documents, F1 their harmonic mean. The Python tool stays the reference.
 */
final class ShingleScore {

    private final List<Double> precisions = new ArrayList<>();
    private final List<Double> recalls = new ArrayList<>();
    private int documents;

    /** Adds one document: its ground-truth body and the extracted text (empty when nothing was extracted). */
    void add(String truth, String predicted) {
        documents++;
        Map<List<String>, Integer> ts = shingles(tokens(truth));
        Map<List<String>, Integer> ps = shingles(tokens(predicted));
        Set<List<String>> keys = new HashSet<>(ts.keySet());
        keys.addAll(ps.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> k : keys) {
            int t = ts.getOrDefault(k, 0);
            int p = ps.getOrDefault(k, 0);
            tp += Math.min(t, p);
            fp += Math.max(0, p - t);
            fn += Math.max(0, t - p);
        }
        double s = tp + fp + fn;
        if (s > 0) {
            tp /= s;
            fp /= s;
            fn /= s;
        }
        if (tp + fp > 0) {
            precisions.add(fp == 0 && fn == 0 ? 1.0 : tp / (tp + fp));
        }
        if (tp + fn > 0) {
            recalls.add(fp == 0 && fn == 0 ? 1.0 : tp / (tp + fn));
        }
    }

    int documents() {
        return documents;
    }

    double precision() {
        return mean(precisions);
    }

    double recall() {
        return mean(recalls);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double mean(List<Double> values) {
        return values.isEmpty() ? 0 : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    /** Python's {@code re.findall(r"\w+", text)} for str patterns. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean word = isWordChar(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Python's str.isalnum() or '_': letters (L*) and numbers (Nd, Nl, No). Marks (M*) are not word chars. */
    static boolean isWordChar(int cp) {
        if (cp == '_') {
            return true;
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Python's Counter of 4-token windows; fewer than 4 tokens make one short shingle, none make none. */
    static Map<List<String>, Integer> shingles(List<String> toks) {
        Map<List<String>, Integer> out = new HashMap<>();
        int n = 4;
        int windows = Math.max(1, toks.size() - n + 1);
        for (int i = 0; i < windows; i++) {
            List<String> s = toks.subList(Math.min(i, toks.size()), Math.min(i + n, toks.size()));
            if (!s.isEmpty()) {
                out.merge(List.copyOf(s), 1, Integer::sum);
            }
        }
        return out;
    }
}
