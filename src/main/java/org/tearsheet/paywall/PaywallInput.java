package org.tearsheet.paywall;

import java.util.List;
import org.tearsheet.extract.Article;
import org.tearsheet.extract.HtmlPage;

/**
 * Everything the paywall detector may look at for one capture. Deliberately no host name rule:
 * the same page gets the same verdict whatever host serves it.
 *
 * @param page             the final response's page, or {@code null} when it was not HTML
 * @param article          what the extractor returned for it ({@link Article#empty()} when none)
 * @param finalStatus      HTTP status of the final response in the redirect chain
 * @param redirectChain    every URL fetched, in order, the final one last
 * @param credentialsSent  whether subscriber cookies or headers were sent with the final request
 */
public record PaywallInput(HtmlPage page, Article article, int finalStatus, List<String> redirectChain,
                           boolean credentialsSent) {
    public PaywallInput {
        redirectChain = List.copyOf(redirectChain);
    }
}
