package org.tearsheet.paywall;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * {@code e.closest(query) != null}, memoised for one page: asked for many elements, each answer needs all
 * ancestors, and an element's answer is its parent's or its own. Only for evaluators that answer each element
 * alone (no structural memos), as {@code closest} asks them.
 */
final class AncestorMatch {

    private final Evaluator query;
    private final Map<Element, Boolean> known = new IdentityHashMap<>();

    AncestorMatch(Evaluator query) {
        this.query = query;
    }

    /** Whether the element or one of its ancestors matches. */
    boolean any(Element e) {
        // iterative, not recursive: documents nest deeper than the stack allows
        ArrayDeque<Element> unknown = new ArrayDeque<>();
        boolean state = false;
        for (Element p = e; p != null; p = p.parent()) {
            Boolean k = known.get(p);
            if (k != null) {
                state = k;
                break;
            }
            unknown.push(p);
        }
        Element root = e.root();
        while (!unknown.isEmpty()) {
            Element p = unknown.pop();
            state = state || query.matches(root, p);
            known.put(p, state);
        }
        return state;
    }
}
