package org.tearsheet.paywall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Text helpers shared by the detector: normalisation for phrase matching, word counts, scrambled text. */
final class BodyText {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n|\\n");
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "the", "and", "of", "to", "a", "in", "is", "that", "it", "for", "on", "with", "was", "as", "at", "by",
            "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "ein", "eine", "zu", "sie", "er", "es",
            "le", "la", "les", "de", "des", "et", "un", "une", "du", "est", "en", "que", "qui", "pour", "dans",
            "el", "los", "las", "y", "con", "por", "se", "del", "il", "di", "che", "e", "per", "non", "het", "een",
            "van", "op", "och", "att", "og", "i", "na", "w", "do", "o");

    private static final int MAX_FUNCTION_WORD = 5;

    private BodyText() {
    }

    /** Lower case, straight apostrophes, collapsed whitespace: the form phrase patterns are written for. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        // one pass instead of three replaces and a regex: this runs on every text block of the page
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c == '\u2019' || c == '\u2018' || c == '\u02bc' ? '\'' : c);
        }
        if (space) {
            sb.append(' ');
        }
        return sb.toString().trim().toLowerCase(Locale.ROOT);
    }

    /** The characters of {@code [\\s\\u00a0\\u2007\\u202f\\u200b]}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\u00a0'
                || c == '\u2007' || c == '\u202f' || c == '\u200b';
    }

    static int words(String text) {
        String t = text == null ? "" : text; // leading and trailing whitespace starts no word: no strip needed
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < t.length(); i++) {
            boolean letterOrDigit = Character.isLetterOrDigit(t.charAt(i));
            if (letterOrDigit && !inWord) {
                n++;
            }
            inWord = letterOrDigit || (inWord && !Character.isWhitespace(t.charAt(i)));
        }
        return n;
    }

    private static String lettersOf(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The paragraphs of an extracted text (blank-line or line separated), without empty ones. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String p : PARAGRAPH_BREAK.split(text)) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /**
     * Whether a paragraph looks scrambled or obfuscated rather than written in a language: no common function
     * words and an unnatural vowel share (shifted-letter ciphers), placeholder Latin, or one endless token.
     * Text that is present but scrambled counts as absent.
     */
    static boolean looksScrambled(String paragraph) {
        return looksScrambledNormalized(normalize(paragraph));
    }

    /** {@link #looksScrambled} of a paragraph already {@link #normalize normalised}. */
    static boolean looksScrambledNormalized(String n) {
        if (n.contains("lorem ipsum")) {
            return true;
        }
        // tokens are the runs between single spaces (n is normalised: no leading, trailing or double spaces);
        // counted in place rather than split, this runs on every paragraph
        int tokenCount = 1;
        for (int i = 0; i < n.length(); i++) {
            if (n.charAt(i) == ' ') {
                tokenCount++;
            }
        }
        if (tokenCount < 12) {
            return n.length() > 200 && tokenCount <= 2;
        }
        int function = 0;
        int letters = 0;
        int vowels = 0;
        long tokenChars = 0;
        StringBuilder word = new StringBuilder(MAX_FUNCTION_WORD);
        for (int start = 0; start <= n.length(); ) {
            int end = n.indexOf(' ', start);
            if (end < 0) {
                end = n.length();
            }
            tokenChars += end - start;
            word.setLength(0);
            int wordLetters = 0;
            for (int i = start; i < end; i++) {
                char c = n.charAt(i);
                if (!Character.isLetter(c)) {
                    continue;
                }
                if (c > 0x024f) {
                    return false; // not Latin script: the vowel test does not apply
                }
                wordLetters++;
                if (word.length() <= MAX_FUNCTION_WORD) {
                    word.append(c);
                }
                letters++;
                if ("aeiouyàáâäæãåèéêëìíîïòóôöõøùúûüÿœ".indexOf(c) >= 0) {
                    vowels++;
                }
            }
            if (wordLetters <= MAX_FUNCTION_WORD && FUNCTION_WORDS.contains(word.toString())) {
                function++;
            }
            start = end + 1;
        }
        if (tokenChars / tokenCount > 18) {
            return true;
        }
        double functionShare = function / (double) tokenCount;
        double vowelShare = letters == 0 ? 0 : vowels / (double) letters;
        return functionShare < 0.03 && (vowelShare < 0.30 || vowelShare > 0.60);
    }
}
