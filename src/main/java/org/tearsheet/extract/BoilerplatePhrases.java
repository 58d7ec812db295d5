package org.tearsheet.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The phrase list of {@code boilerplate-phrases.txt}: furniture text ("Reuse this content", "Folgen Sie uns",
 * "Tous droits réservés") in the languages the data file covers, compiled into three patterns.
 * Immutable and thread-safe once loaded.
 */
final class BoilerplatePhrases {

    /** Blocks longer than this are article text even if they contain a phrase. */
    static final int MAX_BLOCK_CHARS = 220;

    /** How much text a "*" in a phrase stands for. */
    static final int WILDCARD_CHARS = 60;

    private static final String RESOURCE = "boilerplate-phrases.txt";

    /** Phrases found anywhere in a short block; each is a list of parts separated by "*" wildcards. */
    private final List<String[]> contains;
    private final List<String[]> startsWith;
    private final List<String[]> whole;
    /** The same phrases indexed by their first characters: what {@link #matches} uses. */
    private final PhraseIndex containsIndex;
    private final PhraseIndex startsWithIndex;
    private final PhraseIndex wholeIndex;

    private BoilerplatePhrases(List<String[]> contains, List<String[]> startsWith, List<String[]> whole) {
        this.contains = contains;
        this.startsWith = startsWith;
        this.whole = whole;
        this.containsIndex = new PhraseIndex(contains);
        this.startsWithIndex = new PhraseIndex(startsWith);
        this.wholeIndex = new PhraseIndex(whole);
    }

    static BoilerplatePhrases load() {
        try (InputStream in = BoilerplatePhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BoilerplatePhrases parse(List<String> lines) {
        List<String[]> contains = new ArrayList<>();
        List<String[]> starts = new ArrayList<>();
        List<String[]> whole = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("[")) {
                continue;
            }
            if (line.startsWith("=")) {
                whole.add(parts(anchored(line.substring(1))));
            } else if (line.startsWith("^")) {
                starts.add(parts(anchored(line.substring(1))));
            } else {
                contains.add(parts(line));
            }
        }
        return new BoilerplatePhrases(List.copyOf(contains), List.copyOf(starts), List.copyOf(whole));
    }

    /** Anchored phrases are compared with symbol-trimmed text, so they are trimmed alike (unless all symbols). */
    private static String anchored(String phrase) {
        String n = normalise(phrase);
        String t = trimSymbols(n);
        return t.isEmpty() ? n : t;
    }

    private static String[] parts(String phrase) {
        return normalise(phrase).split("\\s*\\*\\s*", -1);
    }

    /**
     * Whether a text block is furniture by its wording: {@link #matchesByDefinition}, with each position of the
     * block compared only with the phrases that can start there (blocks are compared with hundreds of phrases).
     */
    boolean matches(String block) {
        if (block.length() > MAX_BLOCK_CHARS) {
            return false;
        }
        String text = normalise(block);
        String trimmed = trimSymbols(text);
        if (matchesAtStart(wholeIndex, trimmed, true) || matchesAtStart(startsWithIndex, trimmed, false)) {
            return true;
        }
        for (String[] p : containsIndex.unindexed()) {
            for (int from = text.indexOf(p[0]); from >= 0; from = text.indexOf(p[0], from + 1)) {
                if (containedAt(text, p, from)) {
                    return true;
                }
            }
        }
        for (int from = 0; from < text.length() - 1; from++) {
            for (String[] p : containsIndex.startingAt(text, from)) {
                if (text.startsWith(p[0], from) && containedAt(text, p, from)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The rule itself, phrase by phrase: a whole-block phrase, a phrase at the start, or one found inside. */
    boolean matchesByDefinition(String block) {
        if (block.length() > MAX_BLOCK_CHARS) {
            return false;
        }
        String text = normalise(block);
        String trimmed = trimSymbols(text);
        for (String[] p : whole) {
            if (matchAt(trimmed, p, 0, true) >= 0) {
                return true;
            }
        }
        for (String[] p : startsWith) {
            if (matchAt(trimmed, p, 0, false) >= 0) {
                return true;
            }
        }
        for (String[] p : contains) {
            for (int from = text.indexOf(p[0]); from >= 0; from = text.indexOf(p[0], from + 1)) {
                if (containedAt(text, p, from)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAtStart(PhraseIndex phrases, String text, boolean toEnd) {
        for (String[] p : phrases.unindexed()) {
            if (matchAt(text, p, 0, toEnd) >= 0) {
                return true;
            }
        }
        for (String[] p : phrases.startingAt(text, 0)) {
            if (matchAt(text, p, 0, toEnd) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether phrase {@code p}, whose first part occurs at {@code from}, matches there as a phrase found inside. */
    private static boolean containedAt(String text, String[] p, int from) {
        boolean boundary = from == 0 || !Character.isLetterOrDigit(text.charAt(from - 1)) || !spaceDelimited(p[0]);
        return boundary && matchAt(text, p, from, false) >= 0;
    }

    /**
     * Matches the parts at {@code start} with up to {@link #WILDCARD_CHARS} characters between them; returns the
     * end offset or -1. With {@code toEnd} the match must cover the rest of the text.
     */
    private static int matchAt(String text, String[] parts, int start, boolean toEnd) {
        if (!text.startsWith(parts[0], start)) {
            return -1;
        }
        int pos = start + parts[0].length();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                // A trailing wildcard: anything (bounded) may follow.
                return toEnd ? (text.length() - pos <= WILDCARD_CHARS ? text.length() : -1) : pos;
            }
            int next = text.indexOf(part, pos);
            if (next < 0 || next - pos > WILDCARD_CHARS) {
                return -1;
            }
            pos = next + part.length();
        }
        return !toEnd || pos == text.length() ? pos : -1;
    }

    /** Chinese and Japanese run words together, so a phrase there may start right after another letter. */
    private static boolean spaceDelimited(String phrase) {
        if (phrase.isEmpty()) {
            return true;
        }
        int cp = phrase.codePointAt(0);
        return !(Character.isIdeographic(cp) || WordCounter.isCjk(cp));
    }

    /** Lowercase with single spaces, so that phrases match however the page spaces or capitalises them. */
    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Strips leading and trailing punctuation and symbols ("» Advertisement «" -> "advertisement"). */
    private static String trimSymbols(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && !Character.isLetterOrDigit(s.charAt(a)) && s.charAt(a) != '(' && s.charAt(a) != '\u00A9'
                && s.charAt(a) != '*') {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(s.charAt(b - 1)) && s.charAt(b - 1) != '*') {
            b--;
        }
        return s.substring(a, b);
    }
}
