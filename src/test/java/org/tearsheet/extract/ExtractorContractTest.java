package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tearsheet.testing.SharedData;

/** The Extractor contract: the page's DOM is left untouched, and concurrent use gives sequential results. */
class ExtractorContractTest {

    private final Extractor extractor = Extractors.standard();

    @Test
    void documentIsNotModified() throws IOException {
        for (Path p : devPages().subList(0, 15)) {
            HtmlPage page = HtmlDecoder.decode(ExtractionDevScoreTest.gunzip(p), "https://example.org/a", null);
            String before = page.document().outerHtml();
            Article a = extractor.extract(page);
            assertThat(a.text()).isNotEmpty();
            assertThat(page.document().outerHtml()).as(p.getFileName().toString()).isEqualTo(before);
        }
    }

    @Test
    void documentWithoutHtmlStructureIsNotGivenOne() {
        org.jsoup.nodes.Document doc = new org.jsoup.nodes.Document("");
        doc.appendElement("p").text("A paragraph in a document that was built without html, head or body elements.");
        doc.appendElement("p").text("A second paragraph, so that there is an article to speak of in this document.");
        String before = doc.outerHtml();
        Article a = extractor.extract(new HtmlPage(null, doc, null));
        assertThat(a.text()).contains("A second paragraph");
        assertThat(doc.outerHtml()).isEqualTo(before);
    }

    @Test
    void concurrentExtractionMatchesSequential() throws Exception {
        List<HtmlPage> pages = new ArrayList<>();
        for (Path p : devPages()) {
            pages.add(HtmlDecoder.decode(ExtractionDevScoreTest.gunzip(p), null, null));
        }
        List<Article> sequential = new ArrayList<>();
        for (HtmlPage page : pages) {
            sequential.add(extractor.extract(page));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Article>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (HtmlPage page : pages) {
                    futures.add(pool.submit(() -> extractor.extract(page)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % pages.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Path> devPages() throws IOException {
        try (Stream<Path> s = Files.list(SharedData.extractionDev().resolve("html"))) {
            return s.filter(p -> p.toString().endsWith(".html.gz")).sorted().toList();
        }
    }
}
