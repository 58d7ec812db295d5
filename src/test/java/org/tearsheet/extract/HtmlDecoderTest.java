package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Charset resolution (BOM, header, meta, detection) on pages built in the encodings the issue names. */
class HtmlDecoderTest {

    private static final String FRENCH = "Le café de la gare a rouvert ses portes à Noël : « C’est une fête », dit "
            + "Thérèse, qui y travaille depuis vingt-cinq ans. Les habitués ont retrouvé leur comptoir, leurs "
            + "croissants et l’odeur du pain grillé. Même le maire est passé saluer l’équipe — un événement.";
    private static final String POLISH = "Zażółć gęślą jaźń. Władze miasta ogłosiły, że nowy most zostanie otwarty "
            + "w przyszłym tygodniu, a mieszkańcy będą mogli przejść po nim już w sobotę.";
    private static final String CHINESE = "北京市政府今天宣布，新的地铁线路将于下个月正式开通运营。这条线路全长三十公里，"
            + "共设二十个车站，预计每天将为数十万乘客提供便利。市民对此表示热烈欢迎，认为这将大大缓解交通拥堵。";
    private static final String JAPANESE = "東京都は本日、新しい地下鉄路線を来月開業すると発表しました。この路線は全長三十キロで、"
            + "二十の駅があり、毎日数十万人の乗客が利用すると見込まれています。都民からは歓迎の声が上がっています。";

    @Test
    void windows1252FromTheHeader() {
        String text = "Smart “quotes” – and a euro sign € in " + FRENCH;
        HtmlPage page = HtmlDecoder.decode(page("", text).getBytes(Charset.forName("windows-1252")),
                "http://example.org/", "text/html; charset=windows-1252");
        assertThat(page.charset().name()).isEqualTo("windows-1252");
        assertThat(page.document().body().text()).contains(text);
    }

    @Test
    void latin1LabelMeansWindows1252LikeBrowsers() {
        String text = "Price: 5 € — “quoted” " + FRENCH;
        byte[] bytes = page("<meta charset=\"iso-8859-1\">", text).getBytes(Charset.forName("windows-1252"));
        HtmlPage page = HtmlDecoder.decode(bytes, null, "text/html");
        assertThat(page.document().body().text()).contains(text);
    }

    @Test
    void iso88592FromHttpEquivMeta() {
        byte[] bytes = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">", POLISH)
                .getBytes(Charset.forName("ISO-8859-2"));
        HtmlPage page = HtmlDecoder.decode(bytes, null, null);
        assertThat(page.charset().name()).isEqualTo("ISO-8859-2");
        assertThat(page.document().body().text()).contains(POLISH);
    }

    @Test
    void iso885915FromTheHeader() {
        String text = "Prix : 12 € " + FRENCH.replace("’", "'").replace("—", "-").replace("«", "\"").replace("»", "\"");
        byte[] bytes = page("", text).getBytes(Charset.forName("ISO-8859-15"));
        HtmlPage page = HtmlDecoder.decode(bytes, null, "text/html;charset=iso-8859-15");
        assertThat(page.document().body().text()).contains(text);
    }

    @Test
    void gb2312DeclaredIsReadAsGbk() {
        byte[] bytes = page("<meta charset=\"gb2312\">", CHINESE).getBytes(Charset.forName("GBK"));
        HtmlPage page = HtmlDecoder.decode(bytes, null, null);
        assertThat(page.charset().name()).isEqualTo("GBK");
        assertThat(page.document().body().text()).contains(CHINESE);
    }

    @Test
    void gbkDetectedWithoutAnyDeclaration() {
        byte[] bytes = page("", CHINESE + CHINESE).getBytes(Charset.forName("GB18030"));
        HtmlPage page = HtmlDecoder.decode(bytes, null, "text/html");
        assertThat(page.document().body().text()).contains(CHINESE);
    }

    @Test
    void shiftJisFromMetaAndByDetection() {
        byte[] declared = page("<meta charset=\"Shift_JIS\">", JAPANESE).getBytes(Charset.forName("Shift_JIS"));
        assertThat(HtmlDecoder.decode(declared, null, null).document().body().text()).contains(JAPANESE);

        byte[] undeclared = page("", JAPANESE + JAPANESE).getBytes(Charset.forName("Shift_JIS"));
        assertThat(HtmlDecoder.decode(undeclared, null, null).document().body().text()).contains(JAPANESE);
    }

    @Test
    void windows1252DetectedWithoutAnyDeclaration() {
        byte[] bytes = page("", FRENCH + " " + FRENCH).getBytes(Charset.forName("windows-1252"));
        HtmlPage page = HtmlDecoder.decode(bytes, null, null);
        assertThat(page.document().body().text()).contains(FRENCH);
    }

    @Test
    void utf8WithoutDeclarationIsRecognised() {
        byte[] bytes = page("", POLISH).getBytes(StandardCharsets.UTF_8);
        HtmlPage page = HtmlDecoder.decode(bytes, null, null);
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(page.document().body().text()).contains(POLISH);
    }

    @Test
    void byteOrderMarkWinsOverAWrongHeader() {
        byte[] html = page("", POLISH).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[html.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(html, 0, bytes, 3, html.length);
        HtmlPage page = HtmlDecoder.decode(bytes, null, "text/html; charset=iso-8859-1");
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(page.document().body().text()).startsWith("Zażółć");
    }

    @Test
    void headerWinsOverMeta() {
        byte[] bytes = page("<meta charset=\"windows-1252\">", POLISH).getBytes(StandardCharsets.UTF_8);
        HtmlPage page = HtmlDecoder.decode(bytes, null, "text/html; charset=\"UTF-8\"");
        assertThat(page.document().body().text()).contains(POLISH);
    }

    @Test
    void malformedInputStillYieldsAPage() {
        byte[] garbage = {(byte) 0xC3, (byte) 0x28, '<', 'p', '>', (byte) 0xFF, (byte) 0xFE, 'o', 'k', 0, 0x1B};
        HtmlPage page = HtmlDecoder.decode(garbage, "not a url", "text/html; charset=utf-8");
        assertThat(page.document().body().text()).contains("ok");

        assertThat(HtmlDecoder.decode(null, null, null).document().body()).isNotNull();
        assertThat(HtmlDecoder.decode(new byte[0], null, "text/html; charset=no-such-charset").document()).isNotNull();
        assertThat(HtmlDecoder.decode("<p>x".getBytes(StandardCharsets.UTF_8), null, "text/html; charset=\u0000\u00ff")
                .document().body().text()).isEqualTo("x");
    }

    private static String page(String head, String body) {
        return "<!DOCTYPE html><html><head>" + head + "<title>t</title></head><body><p>" + body + "</p></body></html>";
    }
}
