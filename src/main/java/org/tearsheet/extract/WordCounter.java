package org.tearsheet.extract;

/**
 * Counts words the way readers do: runs of letters and digits in space-separated scripts, and every
 * ideograph or kana in Chinese and Japanese, which are written without spaces.
 */
final class WordCounter {

    private WordCounter() {
    }

    static int count(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                // ASCII, as below without the Unicode tables: no CJK, no combining marks.
                if (cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9') {
                    if (!inWord) {
                        words++;
                        inWord = true;
                    }
                } else if (!(inWord && (cp == '\'' || cp == '-'))) {
                    inWord = false;
                }
                continue;
            }
            if (isCjk(cp)) {
                words++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp) || (inWord && (cp == '\'' || cp == '’' || cp == '-'))) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (Character.getType(cp) != Character.NON_SPACING_MARK
                    && Character.getType(cp) != Character.COMBINING_SPACING_MARK) {
                inWord = false;
            }
        }
        return words;
    }

    static boolean isCjk(int cp) {
        if (cp < 0x2E80) {
            return false; // below the CJK blocks: skips the script lookup for most text
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }
}
