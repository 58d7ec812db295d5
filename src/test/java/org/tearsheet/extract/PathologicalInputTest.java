package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile pages: extraction must return (never throw, never hang, never exhaust memory). The timeouts are
 * hang guards far above normal run time, not speed goals (those live in {@code tearsheet bench extract}).
 */
class PathologicalInputTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private final Extractor extractor = Extractors.standard();

    @Test
    void hundredThousandDeepNesting() {
        int depth = 100_000;
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<div>".repeat(depth)).append("<p>Deep paragraph text that is long enough to count, really.</p>");
        html.append("</div>".repeat(depth)).append("<p>After the abyss, the article continues here.</p></body></html>");
        Article a = extractDecoded(html.toString());
        assertThat(a.text()).contains("Deep paragraph text");
    }

    @Test
    void hundredThousandDeepUnclosedInlineNesting() {
        String html = "<p>start " + "<b><i><span>".repeat(35_000) + "end of the paragraph with words";
        Article a = extractDecoded(html);
        assertThat(a.text()).startsWith("start").contains("end of the paragraph");
    }

    @Test
    void fiftyMegabytesOfText() {
        String sentence = "The council met again on Tuesday, and the debate went on, as it always does. ";
        StringBuilder html = new StringBuilder(52 * 1024 * 1024).append("<html><body><article><p>");
        while (html.length() < 50 * 1024 * 1024) {
            html.append(sentence);
        }
        html.append("</p></article></body></html>");
        Article a = extractDecoded(html.toString());
        assertThat(a.text()).startsWith("The council met again");
        assertThat(a.text().length()).isLessThanOrEqualTo(ContentModel.MAX_TEXT_CHARS);
    }

    @Test
    void hugeAttributeValues() {
        String huge = "x-".repeat(5_000_000);
        String html = "<html lang=\"" + huge + "\"><head><meta property=\"og:title\" content=\"" + huge + "\">"
                + "<link rel=canonical href=\"http://e.org/" + huge + "\"></head><body>"
                + "<div class=\"" + huge + "\" id=\"" + huge + "\" style=\"" + huge + "\">"
                + "<p title=\"" + huge + "\">A normal paragraph of article text, with enough words to be kept.</p>"
                + "</div></body></html>";
        Article a = extractDecoded(html);
        assertThat(a.text()).contains("A normal paragraph");
        assertThat(a.language()).as("garbage lang attribute ignored, language detected").isEqualTo("en");
    }

    @Test
    void hostileJsonLd() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String html = "<html><head><script type=\"application/ld+json\">" + deep + "</script>"
                + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Broken" // unterminated
                + "</script><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Fine\"}</script>"
                + "</head><body><p>Paragraph text of the article that is long enough to matter.</p></body></html>";
        Article a = extractDecoded(html);
        assertThat(a.title()).isEqualTo("Fine");
        assertThat(a.schemaType()).isEqualTo("NewsArticle");
    }

    @Test
    void manySiblingsAndMalformedMarkup() {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 300_000; i++) {
            html.append("<div><a href=#>x</a></div>");
        }
        html.append("<p>The body paragraph, still found among a sea of link boxes, with some words.</p>");
        html.append("<table><tr><td><p>unclosed <b>bold <i>mess</table></div></span><<<>>> &#xFFFFFFFF; &bogus;");
        Article a = extractDecoded(html.toString());
        assertThat(a).isNotNull();
    }

    @Test
    void binaryGarbageAndEmptyInput() {
        byte[] garbage = new byte[1 << 20];
        new java.util.Random(42).nextBytes(garbage);
        assertThat(extractor.extract(HtmlDecoder.decode(garbage, null, null))).isNotNull();
        assertThat(extractor.extract(HtmlDecoder.decode(new byte[0], null, null)).text()).isEmpty();
        assertThat(extractor.extract(new HtmlPage(null, null, null))).isEqualTo(Article.empty());
    }

    private Article extractDecoded(String html) {
        return assertTimeoutPreemptively(HANG_GUARD,
                () -> extractor.extract(HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), "http://e.org/", null)));
    }
}
