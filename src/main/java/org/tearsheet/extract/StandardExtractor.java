package org.tearsheet.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** First version: drops page chrome by tag/class and keeps the text blocks of what remains. */
final class StandardExtractor implements Extractor {

    private static final String JUNK = "script,style,noscript,template,svg,nav,header,footer,aside,form,iframe,"
            + "[class*=share],[id*=share],[class*=comment],[id*=comment],figcaption";

    @Override
    public Article extract(HtmlPage page) {
        try {
            Document doc = page.document().clone();
            doc.select(JUNK).remove();
            List<String> blocks = new ArrayList<>();
            for (Element e : doc.body().select("p,h2,h3,h4,li,pre,blockquote")) {
                String t = e.text().strip();
                if (!t.isEmpty()) {
                    blocks.add(t);
                }
            }
            String text = String.join("\n\n", blocks);
            String title = doc.title().isBlank() ? null : doc.title().strip();
            int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
            return new Article(text, title, null, List.of(), null, null, null, null, null, null, null, words, null);
        } catch (RuntimeException | StackOverflowError e) {
            return Article.empty();
        }
    }
}
