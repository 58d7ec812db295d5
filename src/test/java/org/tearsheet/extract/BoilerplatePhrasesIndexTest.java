package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * {@link BoilerplatePhrases#matches} looks phrases up by their first characters; it must agree with the rule
 * applied phrase by phrase on real blocks (every short text block of the dev pages) and on edge cases.
 */
class BoilerplatePhrasesIndexTest {

    private final BoilerplatePhrases phrases = BoilerplatePhrases.load();

    @Test
    void indexedMatchingAgreesWithTheDefinitionOnDevPageBlocks() {
        List<String> blocks = new ArrayList<>();
        for (DevPages.Page p : DevPages.all()) {
            Element body = HtmlDecoder.decode(p.bytes(), null, null).document().body();
            for (TextBlock b : ContentModel.build(body).blocks) {
                blocks.add(b.text);
            }
        }
        int matched = 0;
        for (String b : blocks) {
            boolean expected = phrases.matchesByDefinition(b);
            assertThat(phrases.matches(b)).as("[%s]", b).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        assertThat(matched).as("some dev blocks are furniture phrases").isGreaterThan(20);
    }

    @Test
    void indexedMatchingAgreesWithTheDefinitionOnEdgeCases() {
        List<String> texts = new ArrayList<>(List.of("", "a", "©", "© 2024", "» Advertisement «", "Advertisement",
                "Share this article", "Share", "12 min read", "Read more", "x", "  ", "Tous droits réservés",
                "Folgen Sie uns auf Twitter", "Reuse this content", "相关新闻", "版权所有"));
        List<String> fragments = List.of("share", "read", "more", " ", "©", "advert", "isement", "min", "12", "\u00A0",
                "»", "follow", "us", "on", "sign", "up", "newsletter", "all rights reserved", "é", "相关");
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                String f = fragments.get(random.nextInt(fragments.size()));
                sb.append(random.nextBoolean() ? f : f.toUpperCase());
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            assertThat(phrases.matches(t)).as("[%s]", t).isEqualTo(phrases.matchesByDefinition(t));
        }
    }
}
