package org.tearsheet.extract;

import java.util.List;

/**
 * Metadata read from a page's structured data and markup, before the body is extracted.
 * Absent values are {@code null}.
 *
 * @param articleBody the JSON-LD {@code articleBody}, when declared (a hint for body selection)
 */
record PageMetadata(String title, String byline, List<String> authors, String published, String modified,
                    String language, String siteName, String description, String canonicalUrl, String image,
                    String schemaType, String articleBody) {
}
