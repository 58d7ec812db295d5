package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Individual body rules on small pages: structure kept, furniture dropped, hints used. */
class BodyRulesTest {

    private static final String P1 = "<p>The harbour authority confirmed on Friday that the northern breakwater will be rebuilt, at a cost of 12 million.</p>";
    private static final String P2 = "<p>Engineers found that storms over the past decade had shifted many of the granite blocks, weakening the structure.</p>";
    private static final String P3 = "<p>Work is expected to start in the spring and to last about eighteen months, with the harbour open throughout.</p>";

    private static final String P4 = "<p>Fishing boats will be moved to the southern quay for the duration, and the harbour master"
            + " has promised weekly updates to skippers, residents and the sailing club.</p>";

    private final Extractor extractor = Extractors.standard();

    @Test
    void headingsListsAndTablesKeptInOrder() {
        Article a = extract("<article><h1>Breakwater</h1>" + P1 + "<h2>What changes</h2><ul><li>New granite armour</li>"
                + "<li>A wider crest road</li></ul>" + P2 + "<table><tr><th>Phase</th><th>Months</th></tr>"
                + "<tr><td>Demolition</td><td>4</td></tr><tr><td>Rebuild</td><td>14</td></tr></table>" + P3 + "</article>");
        assertThat(a.text()).isEqualTo(text(P1) + "\n\nWhat changes\n\n- New granite armour\n\n- A wider crest road\n\n"
                + text(P2) + "\n\nPhase | Months\nDemolition | 4\nRebuild | 14\n\n" + text(P3));
    }

    @Test
    void furnitureInsideTheArticleIsDropped() {
        Article a = extract("<div id=\"onetrust-banner-sdk\"><p>We use cookies to improve your experience on our site and for ads.</p></div>"
                + "<nav class=\"mobile-menu\" hidden><p>A hidden menu that is long enough to look like a paragraph of text.</p></nav>"
                + "<article>" + P1 + "<figure><img src=a.jpg><figcaption>The breakwater in 2019. Photo: Harbour Authority</figcaption></figure>"
                + "<div class=\"relatedStories\"><h3>Related stories</h3><ul><li><a href=/1>Ferry fares to rise next year across the region</a></li>"
                + "<li><a href=/2>New pontoons for the marina are on their way</a></li></ul></div>"
                + P2 + "<blockquote class=\"pullquote\">Storms over the past decade had shifted many of the granite blocks</blockquote>"
                + "<p>Follow Harbour News on Twitter</p>" + P3 + P2
                + "<p class=\"copyright\">© 2024 Harbour News Ltd</p><p>All rights reserved.</p></article>");
        assertThat(a.text()).isEqualTo(text(P1) + "\n\n" + text(P2)
                + "\n\nStorms over the past decade had shifted many of the granite blocks\n\n" + text(P3));
    }

    @Test
    void hiddenArticleBodyDeliveredInFullIsStillTheArticle() {
        Article a = extract("<article><h1>Breakwater</h1><div class=\"teaser\"><p>A short teaser line for the story.</p></div>"
                + "<div class=\"article-body\" style=\"display: none\">" + P1 + P2 + P3 + P4 + "</div>"
                + "<div class=\"paywall-prompt\"><p>Subscribe to keep reading</p></div></article>");
        assertThat(a.text()).contains(text(P1), text(P2), text(P3), text(P4)).doesNotContain("Subscribe");
    }

    @Test
    void embeddedPostsAreContent() {
        Article a = extract("<article>" + P1 + "<div class=\"social-embed\"><blockquote class=\"twitter-tweet\"><p>The breakwater"
                + " is finally getting fixed, about time too!</p>— Local Sailor (@sailor) <a href=\"https://t/1\">May 3, 2024</a>"
                + "</blockquote></div>" + P2 + P3 + "</article>");
        assertThat(a.text()).contains("The breakwater is finally getting fixed, about time too!");
    }

    @Test
    void declaredArticleBodyOverridesAWrongChoice() {
        String comments = "<p>I have sailed out of this harbour for forty years, and frankly, this rebuild is overdue, long overdue.</p>";
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Breakwater\","
                + "\"articleBody\":\"" + text(P1) + " " + text(P2) + " " + text(P3) + "\"}</script></head><body>"
                + "<main><div class=\"story-text\">" + P1 + P2 + P3 + "</div></main>"
                + "<section><div class=\"article-content entry\">" + comments.repeat(12) + "</div></section></body></html>";
        Article a = extractor.extract(HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), null, null));
        assertThat(a.text()).isEqualTo(text(P1) + "\n\n" + text(P2) + "\n\n" + text(P3));
    }

    @Test
    void bylinesAndDatelinesAtTheEdgesGoButShortLedesStay() {
        Article bylined = extract("<article><div class=\"info\"><p>By Jane Doe</p><p>Updated 3 hours ago</p></div>"
                + "<div class=\"body\">" + P1 + P2 + P3 + "</div></article>");
        assertThat(bylined.text()).startsWith(text(P1));
        Article spanish = extract("<article><p>Por primera vez en su historia, el puerto cierra un muelle.</p>" + P1 + P2 + P3
                + "</article>");
        assertThat(spanish.text()).startsWith("Por primera vez en su historia");
    }

    @Test
    void standfirstRepeatingTheDescriptionLeavesTheBodyButALedeStays() {
        String head = "<html><head><meta name=description content=\"Twelve turbines could power 60,000 homes.\"></head><body>";
        Article standfirst = extractor.extract(HtmlDecoder.decode((head + "<article><h1>Wind farm</h1>"
                + "<p class=\"standfirst\">Twelve turbines could power 60,000 homes.</p>" + P1 + P2 + P3 + "</article></body></html>")
                .getBytes(StandardCharsets.UTF_8), null, null));
        assertThat(standfirst.text()).startsWith(text(P1));
        assertThat(standfirst.description()).isEqualTo("Twelve turbines could power 60,000 homes.");
        String ledeHead = "<html><head><meta name=description content=\"" + text(P1) + "\"></head><body>";
        Article lede = extractor.extract(HtmlDecoder.decode((ledeHead + "<article>" + P1 + P2 + P3 + "</article></body></html>")
                .getBytes(StandardCharsets.UTF_8), null, null));
        assertThat(lede.text()).startsWith(text(P1));
    }

    @Test
    void brSeparatedTextBecomesParagraphs() {
        Article a = extract("<div class=\"story\">" + text(P1) + "<br><br>" + text(P2) + "<br><br>" + text(P3) + "</div>");
        assertThat(a.text()).isEqualTo(text(P1) + "\n\n" + text(P2) + "\n\n" + text(P3));
    }

    private Article extract(String body) {
        String html = "<!DOCTYPE html><html><head><title>Breakwater | Harbour News</title></head><body>" + body + "</body></html>";
        return extractor.extract(HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), "https://harbour.example/b", null));
    }

    private static String text(String p) {
        return p.replaceAll("<[^>]+>", "");
    }
}
