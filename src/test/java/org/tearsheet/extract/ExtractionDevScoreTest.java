package org.tearsheet.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.tearsheet.testing.SharedData;

/**
 * Runs the standard extractor over the 88 pages of {@code shared/extraction-dev} and scores it with the
 * benchmark's shingle metric (a port of {@code tools/score-extraction.py}); fails below the required F1.
 */
class ExtractionDevScoreTest {

    /** Required by the extraction issue. */
    static final double REQUIRED_F1 = 0.95;

    @Test
    void devPagesScoreAtLeastTheRequiredF1() throws IOException {
        Path dev = SharedData.extractionDev();
        JsonNode truth = new ObjectMapper().readTree(dev.resolve("ground-truth.json").toFile());
        Extractor extractor = Extractors.standard();
        ShingleScore score = new ShingleScore();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path page = dev.resolve("html").resolve(e.getKey() + ".html.gz");
            String text = "";
            if (Files.exists(page)) {
                HtmlPage html = HtmlDecoder.decode(gunzip(page), e.getValue().path("url").asText(null), null);
                text = extractor.extract(html).text();
            }
            score.add(e.getValue().path("articleBody").asText(""), text);
        }
        System.out.printf("extraction-dev: documents %d  precision %.4f  recall %.4f  F1 %.4f%n",
                score.documents(), score.precision(), score.recall(), score.f1());
        assertThat(score.documents()).isEqualTo(88);
        assertThat(score.f1()).as("shingle F1 on extraction-dev").isGreaterThanOrEqualTo(REQUIRED_F1);
    }

    @Test
    void scorerMatchesThePythonToolOnKnownCases() {
        ShingleScore perfect = new ShingleScore();
        perfect.add("one two three four five", "one two three four five");
        assertThat(perfect.f1()).isEqualTo(1.0);

        ShingleScore half = new ShingleScore();
        // truth shingles: (a b c d) (b c d e); predicted: (a b c d) (x y z w)... -> tp 1, fp 1, fn 1
        half.add("a b c d e", "a b c d x");
        assertThat(half.precision()).isEqualTo(0.5);
        assertThat(half.recall()).isEqualTo(0.5);

        ShingleScore empty = new ShingleScore();
        empty.add("some words here and there", "");
        assertThat(empty.recall()).isEqualTo(0.0);
        assertThat(empty.precision()).isEqualTo(0.0);

        // \w in Python: letters and numbers of any script, underscore; combining marks split words.
        assertThat(ShingleScore.tokens("Zażółć gęślą_jaźń 中文 ½ x\u0301y")).containsExactly(
                "Zażółć", "gęślą_jaźń", "中文", "½", "x", "y");
        assertThat(ShingleScore.shingles(ShingleScore.tokens("a b"))).containsOnlyKeys(java.util.List.of("a", "b"));
        assertThat(ShingleScore.shingles(ShingleScore.tokens(""))).isEmpty();
    }

    static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }
}
