package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TextAssembler#key} takes a table-free path for ASCII; it must give what the Unicode rules give. */
class TextKeyTest {

    @Test
    void asciiFastPathAgreesWithTheUnicodeDefinition() {
        List<String> texts = new ArrayList<>(List.of("", "Hello, World! 2024", "ΣΊΣΥΦΟΣ ΟΔΟΣ", "İstanbul'da",
                "Straße GROSS", "Ǆemal ǅ", "١٢٣ عربي", "北京 Tokyo 東京", "ﬁnal ﬂow", "\u0130I\u0131i", "A\u0301B"));
        for (DevPages.Page p : DevPages.all().subList(0, 20)) {
            texts.add(HtmlDecoder.decode(p.bytes(), null, null).document().text());
        }
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                sb.append((char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0x3000)));
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            assertThat(TextAssembler.key(t)).isEqualTo(reference(t));
        }
        assertThat(TextAssembler.key(null)).isEmpty();
    }

    private static String reference(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
