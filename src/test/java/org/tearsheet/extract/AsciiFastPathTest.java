package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Word counting, script counting and the content model's whitespace handling take shortcuts for ASCII; on the
 * text of every dev page and on generated text they must give what the Unicode rules give.
 */
class AsciiFastPathTest {

    private static final List<String> texts = new ArrayList<>();

    @BeforeAll
    static void collectTexts() {
        texts.addAll(List.of("", " ", "it's a well-known fact", "don’t -stop- 'here'", "e\u0301cole ou\u0300",
                "東京都は本日 北京 abc", "Ελληνικά και English", "ﬁ ﬂ Ǆ", "a\u00A0b\u200Bc\u2009d\u3000e\uFEFFf",
                "x\r\ny\f\tz", "😀 emoji 𝔘𝔫𝔦"));
        for (DevPages.Page p : DevPages.all()) {
            texts.add(HtmlDecoder.decode(p.bytes(), null, null).document().wholeText());
        }
        Random random = new Random(5);
        String pool = " \t\n\r\f\u00A0\u200B\u2009\u202F\u3000\u2002\u2003\uFEFF'-’\u0301\u093F.,aZ09éß漢カ한";
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) {
                sb.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x3100) : pool.charAt(random.nextInt(pool.length())));
            }
            texts.add(sb.toString());
        }
    }

    @Test
    void wordCountAgreesWithTheUnicodeRules() {
        for (String t : texts) {
            assertThat(WordCounter.count(t)).as("[%s]", t).isEqualTo(referenceWordCount(t));
        }
    }

    @Test
    void scriptCountsAgree() {
        // Counts only: the iteration order of a HashMap of enum keys follows their identity hash codes, which no
        // run is guaranteed to share with another, so it was never a property of the guesser.
        for (String t : texts) {
            assertThat(LanguageGuesser.letterScripts(t)).as("[%s]", t).isEqualTo(referenceScripts(t));
        }
    }

    @Test
    void whitespaceIsTheSameSetAsBefore() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean expected = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0'
                    || c == '\u200B' || c == '\u2009' || c == '\u202F' || c == '\u3000' || c == '\u2002'
                    || c == '\u2003' || c == '\uFEFF';
            assertThat(ContentModel.isSpace(c)).as("U+%04X", (int) c).isEqualTo(expected);
        }
    }

    private static int referenceWordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (WordCounter.isCjk(cp)) {
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

    private static Map<Character.UnicodeScript, Integer> referenceScripts(String sample) {
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        return scripts;
    }
}
