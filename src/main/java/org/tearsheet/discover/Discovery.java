package org.tearsheet.discover;

import java.util.List;

/**
 * What discovery found for one job.
 *
 * @param urls       in-scope article URLs, deduplicated by canonical key, in seed order
 * @param outOfScope URLs dropped by include/exclude rules
 * @param tooOld     URLs dropped by lookback
 * @param errors     seeds that could not be read, one message each (the other seeds still count)
 */
public record Discovery(List<DiscoveredUrl> urls, int outOfScope, int tooOld, List<String> errors) {

    public Discovery {
        urls = List.copyOf(urls);
        errors = List.copyOf(errors);
    }
}
