package org.tearsheet.replay;

import java.time.LocalDate;

/**
 * Filters of the listing. Every field may be null (no filter).
 *
 * @param text     full-text query over title and cleaned text (words, all must match; "quoted phrases" allowed)
 * @param host     only this host (without www.)
 * @param from     captured on or after this day (UTC)
 * @param to       captured on or before this day (UTC)
 * @param verdict  paywall status wire name, or {@code unknown} for captures without a verdict
 * @param page     1-based page number
 * @param pageSize articles per page
 */
public record ArticleQuery(String text, String host, LocalDate from, LocalDate to, String verdict, int page, int pageSize) {

    public ArticleQuery {
        page = Math.max(1, page);
        pageSize = Math.max(1, Math.min(100, pageSize));
        text = text == null || text.isBlank() ? null : text.trim();
        host = host == null || host.isBlank() ? null : host.trim().toLowerCase(java.util.Locale.ROOT);
        verdict = verdict == null || verdict.isBlank() ? null : verdict.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
