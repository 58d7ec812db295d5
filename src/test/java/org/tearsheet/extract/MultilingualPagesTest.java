package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Typical news-page layouts (navigation, share bar, related links, newsletter box, comments, footer) in several
 * languages and encodings, built here so that nothing depends on the dev pages the extractor was tuned on.
 */
class MultilingualPagesTest {

    private final Extractor extractor = Extractors.standard();

    @Test
    void germanPageInIso88591() {
        List<String> body = List.of(
                "Die Stadt Bremen hat am Montag die Pläne für neue Radwege am Weserufer vorgestellt, die bis zum Sommer 2026 fertig sein sollen.",
                "Nach Angaben der Verkehrsbehörde werden dafür rund 4,2 Millionen Euro aus dem Landeshaushalt bereitgestellt, ergänzt durch Mittel des Bundes.",
                "Anwohner begrüßten die Pläne grundsätzlich, äußerten aber Sorgen über den Wegfall von Parkplätzen in den angrenzenden Straßen.");
        String html = page("de", "Neue Radwege am Weserufer", body,
                "Artikel teilen", "Folgen Sie uns auf Twitter", "Mehr zum Thema", "Newsletter abonnieren",
                "Kommentare anzeigen", "© Weser-Kurier 2024. Alle Rechte vorbehalten.");
        Article a = extract(html, "ISO-8859-1", "text/html; charset=ISO-8859-1");
        assertBody(a, body, "Artikel teilen", "Folgen Sie uns", "Newsletter", "Kommentare", "Alle Rechte vorbehalten",
                "Weitere Nachrichten aus der Region");
        assertThat(a.language()).isEqualTo("de");
        assertThat(a.title()).isEqualTo("Neue Radwege am Weserufer");
    }

    @Test
    void frenchPageInWindows1252() {
        List<String> body = List.of(
                "Le chantier de la passerelle du port de Saint-Nazaire accuse six mois de retard, a reconnu jeudi la municipalité.",
                "En cause, selon l’adjoint chargé des travaux, la découverte de vestiges d’un ancien quai en bois lors du creusement des fondations.",
                "Les archéologues de l’Inrap ont été appelés sur place et doivent rendre leurs conclusions « avant la fin de l’été ».");
        String html = page("fr", "La passerelle du port prend six mois de retard", body,
                "Partager sur Facebook", "Suivez-nous sur Twitter", "À lire aussi", "Inscrivez-vous à notre newsletter",
                "Voir les commentaires", "© Ouest-Journal 2024. Tous droits réservés.");
        Article a = extract(html, "windows-1252", null);
        assertBody(a, body, "Partager sur", "Suivez-nous", "newsletter", "commentaires", "Tous droits réservés");
        assertThat(a.language()).isEqualTo("fr");
    }

    @Test
    void polishPageInIso88592() {
        List<String> body = List.of(
                "Władze Gdańska poinformowały w poniedziałek, że nowy most zwodzony na Motławie zostanie otwarty w przyszłym tygodniu.",
                "Jak powiedział zastępca prezydenta miasta, koszt inwestycji wyniósł 36 milionów złotych, z czego część pokryły fundusze unijne.",
                "Mieszkańcy Wyspy Spichrzów od dawna czekali na tę przeprawę, która ma skrócić drogę do Głównego Miasta o kilkanaście minut.");
        String html = page("pl", "Nowy most na Motławie otwarty w przyszłym tygodniu", body,
                "Udostępnij na Facebooku", "Obserwuj nas na Twitterze", "Czytaj także", "Zapisz się do newslettera",
                "Zobacz komentarze", "© Dziennik Bałtycki 2024. Wszelkie prawa zastrzeżone.");
        Article a = extract(html, "ISO-8859-2", "text/html; charset=iso-8859-2");
        assertBody(a, body, "Udostępnij", "Obserwuj nas", "newslettera", "komentarze", "prawa zastrzeżone");
        assertThat(a.language()).isEqualTo("pl");
    }

    @Test
    void chinesePageInGbk() {
        List<String> body = List.of(
                "北京市政府今天宣布，新的地铁线路将于下个月正式开通运营，这条线路全长三十公里，共设二十个车站。",
                "据市交通委员会介绍，新线路预计每天将为数十万乘客提供便利，并与现有的六条线路实现换乘。",
                "不少市民表示，新线路开通后，上下班通勤时间有望缩短半个小时以上，出行将更加方便。");
        String html = page("zh-CN", "北京新地铁线路下月开通", body,
                "分享到微博", "关注我们", "相关新闻", "订阅我们的新闻简报", "查看评论", "版权所有 © 2024 北京日报 未经授权禁止转载");
        Article a = extract(html, "GBK", "text/html; charset=gb2312");
        assertBody(a, body, "分享到", "版权所有");
        assertThat(a.language()).isEqualTo("zh-CN");
        assertThat(a.wordCount()).isGreaterThan(100);
    }

    @Test
    void japanesePageInShiftJisWithoutDeclaredLanguage() {
        List<String> body = List.of(
                "東京都は本日、新しい地下鉄路線を来月開業すると発表しました。この路線は全長三十キロで、二十の駅があります。",
                "都の交通局によりますと、毎日数十万人の乗客が利用すると見込まれており、既存の六つの路線と乗り換えができます。",
                "多くの都民からは、通勤時間が三十分以上短くなるとして、歓迎の声が上がっています。");
        String html = page(null, "新しい地下鉄路線、来月開業へ", body,
                "シェアする", "フォローする", "関連記事", "ニュースレター登録", "コメントを見る", "無断転載を禁じます");
        Article a = extract(html, "Shift_JIS", null);
        assertBody(a, body, "シェアする", "無断転載");
        assertThat(a.language()).isEqualTo("ja");
    }

    private void assertBody(Article a, List<String> body, String... absent) {
        assertThat(a.text().split("\\n\\n")).containsExactlyElementsOf(body);
        for (String x : absent) {
            assertThat(a.text()).doesNotContain(x);
        }
    }

    private Article extract(String html, String charset, String contentType) {
        return extractor.extract(HtmlDecoder.decode(html.getBytes(Charset.forName(charset)), "https://news.example/a/1", contentType));
    }

    /** A page with the furniture most news sites have, around the given body paragraphs. */
    private static String page(String lang, String title, List<String> body, String share, String follow, String related,
                               String newsletter, String comments, String copyright) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html").append(lang == null ? "" : " lang=\"" + lang + "\"")
                .append("><head><title>").append(title).append(" | Zeitung</title></head><body>")
                .append("<header class=\"site-header\"><a href=\"/\">Logo</a><nav class=\"main-nav\"><ul>")
                .append("<li><a href=\"/a\">Politik</a></li><li><a href=\"/b\">Wirtschaft</a></li><li><a href=\"/c\">Sport</a></li>")
                .append("</ul></nav></header><main><article class=\"article\"><h1>").append(title).append("</h1>")
                .append("<div class=\"article-meta\"><span class=\"author\">Anna Nowak</span> <time>12.03.2024</time></div>")
                .append("<div class=\"share-bar\"><a href=\"#\">").append(share).append("</a></div>")
                .append("<figure><img src=\"x.jpg\"><figcaption>Foto: Agentur</figcaption></figure>")
                .append("<div class=\"article-body\">");
        for (int i = 0; i < body.size(); i++) {
            sb.append("<p>").append(body.get(i)).append("</p>");
            if (i == 0) {
                sb.append("<div class=\"inline-related\"><h4>").append(related).append("</h4><ul>")
                        .append("<li><a href=\"/x\">Weitere Nachrichten aus der Region und mehr</a></li></ul></div>");
            }
        }
        sb.append("</div><p class=\"follow\">").append(follow).append("</p>")
                .append("<div class=\"newsletter-box\"><h3>").append(newsletter).append("</h3><form><input type=email>")
                .append("<button>OK</button></form></div></article>")
                .append("<section id=\"comments\"><h2>").append(comments).append("</h2><div class=\"comment\"><p>")
                .append("Ein Leserkommentar, der hier nicht hingehört, aber lang genug ist, um als Absatz zu zählen.</p></div></section>")
                .append("<aside class=\"sidebar\"><h3>").append(related).append("</h3><ul><li><a href=\"/y\">Meistgelesen heute</a></li></ul></aside>")
                .append("</main><footer class=\"site-footer\"><p>").append(copyright).append("</p></footer></body></html>");
        return sb.toString();
    }
}
