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
        String n = normalize(paragraph);
        if (n.contains("lorem ipsum")) {
            return true;
        }
        String[] tokens = n.split(" ");
        if (tokens.length < 12) {
            return tokens.length > 0 && n.length() > 200 && tokens.length <= 2;
        }
        int function = 0;
        int letters = 0;
        int vowels = 0;
        long tokenChars = 0;
        for (String token : tokens) {
            String word = lettersOf(token);
            tokenChars += token.length();
            if (FUNCTION_WORDS.contains(word)) {
                function++;
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c > 0x024f) {
                    return false; // not Latin script: the vowel test does not apply
                }
                letters++;
                if ("aeiouyàáâäæãåèéêëìíîïòóôöõøùúûüÿœ".indexOf(c) >= 0) {
                    vowels++;
                }
            }
        }
        if (tokenChars / tokens.length > 18) {
            return true;
        }
        double functionShare = function / (double) tokens.length;
        double vowelShare = letters == 0 ? 0 : vowels / (double) letters;
        return functionShare < 0.03 && (vowelShare < 0.30 || vowelShare > 0.60);
    }
}
