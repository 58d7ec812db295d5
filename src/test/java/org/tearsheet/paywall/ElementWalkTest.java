package org.tearsheet.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;
import org.tearsheet.testing.SharedData;

/**
 * {@link ElementWalk} lists the very elements, in the very order, of jsoup's {@code getAllElements()}, and selects
 * from that list what {@code select} and {@code selectFirst} find for the detector's queries; {@link AncestorMatch}
 * answers as {@code closest} does.
 */
class ElementWalkTest {

    /** The queries the detector answers from one walk (PageEvidence, StructuredAccess, LoginRedirect, Body). */
    private static final List<String> SELECTED = List.of("h1", "script", "meta", "html",
            "h1, meta[name=description], meta[property=og:description], meta[property=og:title]",
            "[itemprop~=(?i)^isAccessibleForFree$]", "[itemprop~=(?i)^hasPart$]",
            "script[type~=(?i)application/ld\\+json]", "a[href]", "meta[http-equiv~=(?i)^refresh$][content]");

    @Test
    void walksLikeGetAllElementsOnEveryDevPage() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(SharedData.extractionDev().resolve("html"), SharedData.paywallDev())) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".html.gz")).sorted()
                        .forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path f : files) {
            byte[] bytes;
            try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f))
                    : Files.newInputStream(f)) {
                bytes = in.readAllBytes();
            }
            Document doc = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
            List<Element> all = ElementWalk.all(doc);
            assertSame(f + " document", all, doc.getAllElements());
            assertSame(f + " body", ElementWalk.within(all, doc.body()), doc.body().getAllElements());
            for (String css : SELECTED) {
                Evaluator query = QueryParser.parse(css);
                assertSame(f + " select " + css, ElementWalk.select(all, doc, query), doc.select(query));
                Element first = ElementWalk.selectFirst(all, doc, query);
                assertThat(first).as(f + " selectFirst " + css).isSameAs(doc.selectFirst(query));
            }
            for (String css : ANCESTORS) {
                Evaluator query = QueryParser.parse(css);
                AncestorMatch memo = new AncestorMatch(query);
                for (int i = all.size() - 1; i >= 0; i -= 3) { // from the end: fresh and memoised answers
                    Element e = all.get(i);
                    assertThat(memo.any(e)).as(f + " closest " + css + " at " + i).isEqualTo(e.closest(query) != null);
                }
            }
            for (int i = 0; i < all.size(); i += 37) {
                Element e = all.get(i);
                assertSame(f + " element " + i, ElementWalk.within(all, e), e.getAllElements());
                assertSame(f + " walk of element " + i, ElementWalk.all(e), e.getAllElements());
            }
        }
    }

    @Test
    void anElementOutsideTheWalkIsWalkedOnItsOwn() {
        Document doc = Jsoup.parse("<p>a<b>b</b></p>");
        Element other = Jsoup.parse("<div><i>x</i><span>y</span></div>").body();
        assertSame("detached", ElementWalk.within(ElementWalk.all(doc), other), other.getAllElements());
    }

    /** The queries {@link AncestorMatch} answers for the detector (PageEvidence). */
    private static final List<String> ANCESTORS = List.of("nav, footer",
            "nav, footer, aside, a, li, [class*=related], [class*=teaser-list], [class*=recommend]");

    /** Same elements by identity, in the same order. */
    private static void assertSame(String what, List<Element> actual, List<Element> expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as(what + " at " + i).isSameAs(expected.get(i));
        }
    }
}
