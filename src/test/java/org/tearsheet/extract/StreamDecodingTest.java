package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * {@link HtmlDecoder} decodes while it parses ({@link BytesReader}) instead of building the page's String first.
 * These tests hold it to the String route: the same characters for any bytes and read sizes, the same DOM and
 * the same extracted article for every dev page.
 */
class StreamDecodingTest {

    private static final String TEXT = "Le café à Noël : « C’est une fête » — € ½ Zażółć gęślą jaźń 北京市政府今天宣布"
            + "東京都は本日 한국어 Ελληνικά עברית 😀🎉 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 end";

    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"),
            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("Shift_JIS"), Charset.forName("GBK"),
            Charset.forName("EUC-JP"), Charset.forName("ISO-2022-JP"), Charset.forName("Big5"),
            Charset.forName("ISO-8859-2"), Charset.forName("windows-1251"), Charset.forName("EUC-KR"));

    @Test
    void readsTheCharactersTheStringConstructorGives() throws IOException {
        Random random = new Random(7);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[0]);
        for (Charset cs : CHARSETS) {
            inputs.add(TEXT.repeat(50).getBytes(cs));
        }
        for (int i = 0; i < 300; i++) {
            // Random bytes: malformed sequences of every kind, also split across read boundaries and at the end.
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            inputs.add(b);
            byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
            byte[] cut = java.util.Arrays.copyOf(utf8, random.nextInt(utf8.length + 1));
            if (cut.length > 0) {
                cut[random.nextInt(cut.length)] = (byte) random.nextInt(256);
            }
            inputs.add(cut);
        }
        for (byte[] bytes : inputs) {
            for (Charset cs : CHARSETS) {
                for (int offset : new int[] {0, Math.min(1, bytes.length), Math.min(3, bytes.length)}) {
                    String expected = new String(bytes, offset, bytes.length - offset, cs);
                    for (int chunk : new int[] {1, 2, 3, 7, 1024, 4096}) {
                        assertThat(readAll(new BytesReader(bytes, offset, cs), chunk))
                                .as("%s, offset %d, reads of %d", cs, offset, chunk).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void devPagesParseToTheSameDocumentAndArticle() {
        Extractor extractor = Extractors.standard();
        for (DevPages.Page p : DevPages.all()) {
            HtmlPage streamed = HtmlDecoder.decode(p.bytes(), "https://example.org/a", null);
            int bom = p.bytes().length >= 3 && (p.bytes()[0] & 0xFF) == 0xEF ? 3 : 0;
            String decoded = new String(p.bytes(), bom, p.bytes().length - bom, streamed.charset());
            Document viaString = HtmlDecoder.parse(decoded, "https://example.org/a");
            assertThat(streamed.document().outerHtml()).as(p.name()).isEqualTo(viaString.outerHtml());
            HtmlPage stringPage = new HtmlPage("https://example.org/a", viaString, streamed.charset());
            assertThat(extractor.extract(streamed)).as(p.name()).isEqualTo(extractor.extract(stringPage));
        }
    }

    private static String readAll(Reader r, int chunk) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[chunk];
        for (int n = r.read(buf, 0, chunk); n >= 0; n = r.read(buf, 0, chunk)) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }
}
