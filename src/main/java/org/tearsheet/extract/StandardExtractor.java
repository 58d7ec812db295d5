package org.tearsheet.extract;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The project's extractor: metadata from structured data, the body from a read-only content model
 * (see docs/extraction.md). Stateless apart from immutable rule data, hence thread-safe.
 */
final class StandardExtractor implements Extractor {

    /** Below this many characters the first pass probably pruned the article; retry without class rules. */
    private static final int MIN_BODY_CHARS = 250;

    private final BoilerplatePhrases phrases = BoilerplatePhrases.load();

    @Override
    public Article extract(HtmlPage page) {
        try {
            return extractOrThrow(page);
        } catch (RuntimeException | StackOverflowError e) {
            return Article.empty();
        }
    }

    private Article extractOrThrow(HtmlPage page) {
        Document doc = page.document();
        if (doc == null) {
            return Article.empty();
        }
        Element body = findBody(doc);
        PageMetadata meta = MetadataReader.read(doc, page.url());
        ContentModel model = ContentModel.build(body);
        String text = body(model, meta, true);
        if (text.length() < MIN_BODY_CHARS) {
            String relaxed = body(model, meta, false);
            // A short relaxed result is usually the furniture the strict pass rightly dropped (a barrier box).
            if (relaxed.length() >= MIN_BODY_CHARS && relaxed.length() > text.length() * 2) {
                text = relaxed;
            }
        }
        String language = meta.language() != null ? meta.language() : LanguageGuesser.guess(text);
        return new Article(text, meta.title(), meta.byline(), meta.authors(), meta.published(), meta.modified(),
                language, meta.siteName(), meta.description(), meta.canonicalUrl(), meta.image(),
                WordCounter.count(text), meta.schemaType());
    }

    /**
     * The body element, found without {@code Document.body()}, which would create one (and modify the page)
     * on a document built without the html/head/body structure; such a document is read whole.
     */
    private static Element findBody(Document doc) {
        // Not getElementsByTag("body").first(): that collects matches from the whole page to keep the first.
        Element first = ElementOrder.first(doc, "body");
        return first != null ? first : doc;
    }

    private String body(ContentModel model, PageMetadata meta, boolean strict) {
        model.resolveChrome(strict);
        List<Integer> selected = new ContentSelector(model, true, strict).select();
        selected = DeclaredBodyHint.reconcile(model, selected, meta.articleBody());
        return new TextAssembler(model, phrases, true).assemble(selected, meta.title(), meta.authors(), meta.description());
    }
}
