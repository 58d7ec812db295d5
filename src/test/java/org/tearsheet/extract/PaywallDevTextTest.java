package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tearsheet.testing.SharedData;

/**
 * The boilerplate cases of {@code shared/paywall-dev}: the FT seed page against its expected text, and every
 * labelled case's {@code text_contains} / {@code text_excludes} (whitespace-normalised, case-sensitive
 * substring matching, as the README specifies).
 */
class PaywallDevTextTest {

    private static final Extractor EXTRACTOR = Extractors.standard();

    @Test
    void ftSeedExtractsToTheExpectedParagraphsInOrder() throws IOException {
        Path dir = SharedData.paywallDev();
        Article article = extract(dir, "ft-seed");
        List<String> expected = paragraphs(Files.readString(dir.resolve("ft-seed.expected.txt")));
        List<String> actual = paragraphs(article.text());

        assertThat(article.title()).isEqualTo("Blinken raises Chinese spying in Cuba with Beijing");
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(article.text())
                .contains("Additional reporting by")
                .doesNotContain("© Reuters")
                .doesNotContain("Reuse this content")
                .doesNotContain("Comments")
                .doesNotContain("Follow Demetri Sevastopulo")
                .doesNotContain("All rights reserved");
        assertThat(article.byline()).isEqualTo("Demetri Sevastopulo");
        assertThat(article.published()).isEqualTo("2023-06-20T15:41:23Z");
        assertThat(article.modified()).isEqualTo("2023-06-20T18:02:10Z");
        assertThat(article.language()).isEqualTo("en-GB");
        assertThat(article.siteName()).isEqualTo("Financial Times");
        assertThat(article.schemaType()).isEqualTo("NewsArticle");
        assertThat(article.canonicalUrl()).isEqualTo("https://www.ft.com/content/5e4a7d2b-91c3-4f08-b6e2-0d7f3a9c8e14");
        assertThat(article.description()).startsWith("US secretary of state says");
        assertThat(article.image()).startsWith("https://www.ft.com/__origami/");
        assertThat(article.wordCount()).isBetween(400, 2000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void labelledCaseKeepsBodyAndDropsFurniture(String name, String status, List<String> contains, List<String> excludes)
            throws IOException {
        Article article = extract(SharedData.paywallDev(), name);
        String text = normalise(article.text());
        if (status.equals("blocked")) {
            // README: "the correct extraction there is empty (a headline alone is acceptable)"
            assertThat(text.isEmpty() || text.equals(article.title())).as("%s is a barrier page: no body", name).isTrue();
        }
        for (String c : contains) {
            assertThat(text).as("%s must contain", name).contains(normalise(c));
        }
        for (String x : excludes) {
            assertThat(text).as("%s must not contain", name).doesNotContain(normalise(x));
        }
    }

    static Stream<Arguments> cases() throws IOException {
        JsonNode labels = new ObjectMapper().readTree(SharedData.paywallDev().resolve("labels.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(Arguments.of(e.getKey(), e.getValue().path("status").asText(), strings(e.getValue().path("text_contains")),
                    strings(e.getValue().path("text_excludes"))));
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(28);
        return out.stream();
    }

    private static Article extract(Path dir, String name) throws IOException {
        byte[] body = Files.readAllBytes(dir.resolve(name + ".html"));
        String contentType = null;
        Path http = dir.resolve(name + ".http");
        if (Files.exists(http)) {
            for (String line : Files.readString(http, StandardCharsets.ISO_8859_1).split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    contentType = line.substring(13).strip();
                }
            }
        }
        HtmlPage page = HtmlDecoder.decode(body, null, contentType);
        return EXTRACTOR.extract(page);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\n\\s*\\n")).map(PaywallDevTextTest::normalise).filter(s -> !s.isEmpty()).toList();
    }

    static String normalise(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
