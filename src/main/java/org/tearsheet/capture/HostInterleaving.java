package org.tearsheet.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * The order to capture in when workers share hosts: round-robin across hosts (a1 b1 c1 a2 b2 ...), keeping each
 * host's own order, so one slow or politeness-limited host does not hold every worker while others wait.
 */
public final class HostInterleaving {

    private HostInterleaving() {
    }

    /**
     * @param items what to capture, in the caller's order
     * @param urlOf the URL of an item (one that does not parse counts as its own, empty, host)
     * @return the same items, interleaved by host
     */
    public static <T> List<T> order(List<T> items, Function<T, String> urlOf) {
        Map<String, List<T>> byHost = new LinkedHashMap<>();
        for (T item : items) {
            HttpUrl u = HttpUrl.parse(urlOf.apply(item));
            byHost.computeIfAbsent(u == null ? "" : u.host(), h -> new ArrayList<>()).add(item);
        }
        List<T> order = new ArrayList<>(items.size());
        for (int round = 0; order.size() < items.size(); round++) {
            for (List<T> hostItems : byHost.values()) {
                if (round < hostItems.size()) {
                    order.add(hostItems.get(round));
                }
            }
        }
        return order;
    }
}
