package org.tearsheet.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Detects the language of article text for pages that declare none. Scripts used by one main language
 * (Hangul, kana, Greek, Thai...) decide by themselves; Latin and Cyrillic text is scored by its share of
 * each language's most frequent function words ({@code language-stopwords.txt}). On article-length text
 * function words are a near-certain signal, the check costs microseconds and needs no model files.
 */
final class LanguageGuesser {

    private static final int SAMPLE_CHARS = 6000;
    private static final int MIN_HITS = 4;
    private static final Map<String, List<String>> WORD_LANGUAGES = load();

    private LanguageGuesser() {
    }

    /** A BCP-47 language tag, or {@code null} when the text is too short or ambiguous. */
    static String guess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        Map<Character.UnicodeScript, Integer> scripts = letterScripts(sample);
        int letters = 0;
        for (int n : scripts.values()) {
            letters += n;
        }
        if (letters < 20) {
            return null;
        }
        int kana = scripts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
        int han = scripts.getOrDefault(Character.UnicodeScript.HAN, 0);
        if (kana + han > letters * 0.3) {
            return kana > (kana + han) * 0.05 ? "ja" : "zh";
        }
        Character.UnicodeScript main = null;
        int mainCount = 0;
        for (Map.Entry<Character.UnicodeScript, Integer> e : scripts.entrySet()) {
            if (e.getValue() > mainCount) {
                main = e.getKey();
                mainCount = e.getValue();
            }
        }
        switch (main) {
            case HANGUL: return "ko";
            case GREEK: return "el";
            case HEBREW: return "he";
            case THAI: return "th";
            case DEVANAGARI: return "hi";
            case BENGALI: return "bn";
            case TAMIL: return "ta";
            case TELUGU: return "te";
            case GEORGIAN: return "ka";
            case ARMENIAN: return "hy";
            case ARABIC: return arabicScriptLanguage(sample);
            case LATIN:
            case CYRILLIC:
                return byFunctionWords(sample);
            default:
                return null;
        }
    }

    /** Letters of {@code sample} counted by script. */
    static Map<Character.UnicodeScript, Integer> letterScripts(String sample) {
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        // ASCII letters are Latin: counted apart, without the script lookup and the map update per letter.
        int asciiLetters = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                if (cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z') {
                    asciiLetters++;
                }
            } else if (Character.isLetter(cp)) {
                scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        if (asciiLetters > 0) {
            scripts.merge(Character.UnicodeScript.LATIN, asciiLetters, Integer::sum);
        }
        return scripts;
    }

    private static String arabicScriptLanguage(String s) {
        int urdu = 0;
        int persian = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'ے' || c == 'ٹ' || c == 'ڈ' || c == 'ڑ' || c == 'ں') {
                urdu++;
            } else if (c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ی') {
                persian++;
            }
        }
        if (urdu > 5) {
            return "ur";
        }
        return persian > 10 ? "fa" : "ar";
    }

    private static String byFunctionWords(String sample) {
        Map<String, Integer> hits = new HashMap<>();
        String lower = sample.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean letter = i < lower.length() && (Character.isLetter(lower.charAt(i)) || lower.charAt(i) == '\'');
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                List<String> langs = WORD_LANGUAGES.get(lower.substring(start, i));
                if (langs != null) {
                    for (String l : langs) {
                        hits.merge(l, 1, Integer::sum);
                    }
                }
                start = -1;
            }
        }
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestHits || (e.getValue() == bestHits && best != null && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestHits = e.getValue();
            }
        }
        return bestHits >= MIN_HITS ? best : null;
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> map = new HashMap<>();
        try (InputStream in = LanguageGuesser.class.getResourceAsStream("language-stopwords.txt")) {
            if (in == null) {
                return map;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                int colon = line.indexOf(':');
                if (line.isEmpty() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                String lang = line.substring(0, colon).strip();
                for (String w : line.substring(colon + 1).strip().split("\\s+")) {
                    map.computeIfAbsent(w, k -> new ArrayList<>(2)).add(lang);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return Map.copyOf(map);
    }
}
