package org.tearsheet.extract;

import java.util.List;

/**
 * What an extractor found in one HTML page: the cleaned article body and its metadata.
 * Absent values are {@code null} (never empty strings), so JSON output can tell "not found" from "empty".
 *
 * @param text          article body as plain text; paragraphs separated by a blank line
 * @param title         headline
 * @param byline        authors as displayed, joined with ", "
 * @param authors       authors one by one
 * @param published     ISO-8601 date or date-time of first publication
 * @param modified      ISO-8601 date or date-time of last modification
 * @param language      BCP-47 language tag (declared, else detected)
 * @param siteName      publication name
 * @param description   standfirst / meta description
 * @param canonicalUrl  canonical URL declared by the page
 * @param image         lead image URL
 * @param wordCount     words in {@code text}
 * @param schemaType    schema.org type of the main entity (e.g. NewsArticle), when declared
 */
public record Article(
        String text,
        String title,
        String byline,
        List<String> authors,
        String published,
        String modified,
        String language,
        String siteName,
        String description,
        String canonicalUrl,
        String image,
        int wordCount,
        String schemaType) {

    public Article {
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** The same metadata with no body text (for captures whose paywall verdict is {@code blocked}). */
    public Article withoutText() {
        return new Article("", title, byline, authors, published, modified, language, siteName, description,
                canonicalUrl, image, 0, schemaType);
    }

    /** An article with no text and no metadata, for pages that hold none (error pages, barriers). */
    public static Article empty() {
        return new Article("", null, null, List.of(), null, null, null, null, null, null, null, 0, null);
    }
}
