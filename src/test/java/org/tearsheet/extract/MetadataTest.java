package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Metadata sources in their order of trust, date normalisation, language, title cleaning. */
class MetadataTest {

    private static final String BODY = "<body><article><h1>Bridge reopens after repairs</h1>"
            + "<p>The old bridge over the river reopened on Monday after two years of repairs, the council said.</p>"
            + "<p>Traffic is expected to return to normal levels within a week, according to the transport office.</p>"
            + "</article></body>";

    private final Extractor extractor = Extractors.standard();

    @Test
    void bylineClassNamesAreFoundInAnyCase() {
        Article a = extract("https://news.example/a", "<html><head><title>Bridge reopens after repairs | Example"
                + "</title></head>" + BODY.replace("<article>", "<article><svg><title>Icon</title></svg>"
                + "<span class=\"meta Author-NAME\">Grace Hopper</span><span class=\"namely\">Not An Author</span>"));
        assertThat(a.authors()).containsExactly("Grace Hopper");
        assertThat(a.title()).isEqualTo("Bridge reopens after repairs");
    }

    @Test
    void jsonLdWinsOverOpenGraphAndTime() {
        Article a = extract("https://news.example/2019/01/02/bridge", "<html lang=en><head>"
                + "<meta property=\"article:published_time\" content=\"2020-05-05T10:00:00Z\">"
                + "<meta property=\"og:title\" content=\"OG title\"><meta property=\"og:site_name\" content=\"The Example\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebSite\",\"name\":\"Example Site\"},"
                + "{\"@type\":[\"NewsArticle\"],\"headline\":\"Bridge reopens after repairs\","
                + "\"datePublished\":\"2021-03-04T05:06:07+01:00\",\"dateModified\":\"2021-03-05\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ada Lovelace\"},{\"@type\":\"Person\",\"name\":\"Alan Turing\"}],"
                + "\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://news.example/i.jpg\"}}]}</script>"
                + "</head>" + BODY.replace("<article>", "<article><time datetime=\"2022-01-01\">1 Jan</time>"));
        assertThat(a.published()).isEqualTo("2021-03-04T05:06:07+01:00");
        assertThat(a.modified()).isEqualTo("2021-03-05");
        assertThat(a.authors()).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(a.byline()).isEqualTo("Ada Lovelace, Alan Turing");
        assertThat(a.schemaType()).isEqualTo("NewsArticle");
        assertThat(a.title()).isEqualTo("Bridge reopens after repairs");
        assertThat(a.siteName()).isEqualTo("The Example");
        assertThat(a.image()).isEqualTo("https://news.example/i.jpg");
        assertThat(a.text()).doesNotContain("Bridge reopens after repairs").contains("reopened on Monday");
    }

    @Test
    void openGraphThenTimeThenUrl() {
        Article og = extract(null, "<head><meta property=\"article:published_time\" content=\"2020-05-05T10:00:00.000-04:00\">"
                + "<meta property=\"article:modified_time\" content=\"Tue, 3 Jun 2008 11:05:30 GMT\"></head>" + BODY);
        assertThat(og.published()).isEqualTo("2020-05-05T10:00:00-04:00");
        assertThat(og.modified()).isEqualTo("2008-06-03T11:05:30Z");

        Article time = extract("https://e.org/2018/07/08/x", "<head></head>"
                + BODY.replace("<article>", "<article><time datetime=\"2019-11-18T14:05\">Nov 18</time>"));
        assertThat(time.published()).isEqualTo("2019-11-18T14:05:00");

        Article url = extract("https://e.org/news/2018/07/08/bridge-reopens", "<head></head>" + BODY);
        assertThat(url.published()).isEqualTo("2018-07-08");
        assertThat(extract("https://e.org/a/20170304-bridge", "<head></head>" + BODY).published()).isEqualTo("2017-03-04");
        assertThat(extract("https://e.org/a/bridge", "<head></head>" + BODY).published()).isNull();
    }

    @Test
    void datesWrittenOutInSeveralLanguages() {
        assertThat(DateNormalizer.normalize("November 18, 2019")).isEqualTo("2019-11-18");
        assertThat(DateNormalizer.normalize("18. November 2019")).isEqualTo("2019-11-18");
        assertThat(DateNormalizer.normalize("18 novembre 2019")).isEqualTo("2019-11-18");
        assertThat(DateNormalizer.normalize("18 de noviembre de 2019")).isEqualTo("2019-11-18");
        assertThat(DateNormalizer.normalize("18 listopada 2019")).isEqualTo("2019-11-18");
        assertThat(DateNormalizer.normalize("18.11.2019")).isEqualTo("2019-11-18");
        assertThat(DateNormalizer.normalize("2019/11/18")).isEqualTo("2019-11-18");
        assertThat(DateNormalizer.normalize("20191118")).isEqualTo("2019-11-18");
        assertThat(DateNormalizer.normalize("2019-11-18 14:05:09 +0100")).isEqualTo("2019-11-18T14:05:09+01:00");
        assertThat(DateNormalizer.normalize("not a date")).isNull();
        assertThat(DateNormalizer.normalize("2019-13-45")).isNull();
        assertThat(DateNormalizer.normalize("0001-01-01")).isNull();
    }

    @Test
    void microdataAndMetaAuthors() {
        Article a = extract(null, "<head><meta name=\"author\" content=\"By Jane Roe and John Doe\"></head>" + BODY);
        assertThat(a.authors()).containsExactly("Jane Roe", "John Doe");
        Article m = extract(null, "<head></head><body><article itemscope itemtype=\"https://schema.org/BlogPosting\">"
                + "<span itemprop=\"author\" itemscope><span itemprop=\"name\">Max Muster</span></span>"
                + "<meta itemprop=\"datePublished\" content=\"2015-10-27\">"
                + "<div itemprop=\"articleBody\"><p>First paragraph of the blog post with enough words in it.</p>"
                + "<p>Second paragraph of the blog post, also with enough words.</p></div></article></body>");
        assertThat(m.authors()).containsExactly("Max Muster");
        assertThat(m.published()).isEqualTo("2015-10-27");
        assertThat(m.schemaType()).isEqualTo("BlogPosting");
        assertThat(m.text()).contains("First paragraph").contains("Second paragraph").doesNotContain("Max Muster");
    }

    @Test
    void languageDeclaredElseDetected() {
        assertThat(extract(null, "<html lang=\"de_DE\"><head></head>" + BODY).language()).isEqualTo("de-DE");
        assertThat(extract(null, "<html><head><meta http-equiv=\"content-language\" content=\"fr\"></head>" + BODY)
                .language()).isEqualTo("fr");
        assertThat(extract(null, "<html><head></head>" + BODY).language()).isEqualTo("en");
        String german = "<body><p>Die Stadt hat am Montag die neue Brücke über den Fluss eröffnet, die nach zwei Jahren "
                + "Bauzeit fertig ist. Der Bürgermeister sagte, dass der Verkehr in der Innenstadt nun deutlich "
                + "entlastet werde und die Anwohner sich auf ruhigere Straßen freuen können.</p></body>";
        assertThat(extract(null, german).language()).isEqualTo("de");
        String polish = "<body><p>Władze miasta poinformowały w poniedziałek, że nowy most na rzece zostanie otwarty "
                + "w przyszłym tygodniu. Jak powiedział prezydent miasta, to jest jedna z najważniejszych inwestycji, "
                + "która ma także poprawić ruch w centrum.</p></body>";
        assertThat(extract(null, polish).language()).isEqualTo("pl");
        String chinese = "<body><p>北京市政府今天宣布，新的地铁线路将于下个月正式开通运营。这条线路全长三十公里，共设二十个车站。</p></body>";
        Article zh = extract(null, chinese);
        assertThat(zh.language()).isEqualTo("zh");
        assertThat(zh.wordCount()).isGreaterThan(30);
    }

    @Test
    void titleWithoutSiteName() {
        assertThat(MetadataReader.stripSiteName("Bridge reopens after repairs | The Example", "The Example"))
                .isEqualTo("Bridge reopens after repairs");
        assertThat(MetadataReader.stripSiteName("Bridge reopens after repairs - WSJ", null))
                .isEqualTo("Bridge reopens after repairs");
        assertThat(MetadataReader.stripSiteName("Bridge reopens after repairs", null)).isEqualTo("Bridge reopens after repairs");
        Article a = extract(null, "<head><title>Council votes: what it means | The Example</title>"
                + "<meta property=\"og:site_name\" content=\"The Example\"></head><body><p>x</p></body>");
        assertThat(a.title()).isEqualTo("Council votes: what it means");
    }

    @Test
    void canonicalDescriptionAndAbsenceAsNull() {
        Article a = extract("https://e.org/a?utm=1", "<head><link rel=canonical href=\"/a\">"
                + "<meta name=description content=\"  The  summary \"></head>" + BODY);
        assertThat(a.canonicalUrl()).isEqualTo("https://e.org/a");
        assertThat(a.description()).isEqualTo("The summary");
        Article none = extract(null, "<p>only text here</p>");
        assertThat(none.title()).isNull();
        assertThat(none.byline()).isNull();
        assertThat(none.authors()).isEmpty();
        assertThat(none.published()).isNull();
        assertThat(none.schemaType()).isNull();
    }

    private Article extract(String url, String html) {
        return extractor.extract(HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), url, "text/html; charset=utf-8"));
    }
}
