package org.tearsheet.paywall;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * Whether an element or one of its ancestors passes a test, memoised for one page: asked for many elements, each
 * answer needs all ancestors, and an element's answer is its parent's or its own. With an evaluator it is
 * {@code e.closest(query) != null}, only for evaluators that answer each element alone (no structural memos), as
 * {@code closest} asks them.
 */
final class AncestorMatch {

    /** Whether {@code element} passes by itself ({@code root}: its document's root, as evaluators take it). */
    @FunctionalInterface
    interface Test {
        boolean matches(Element root, Element element);
    }

    private final Test test;
    private final Map<Element, Boolean> known = new IdentityHashMap<>();
    private Element root;

    AncestorMatch(Evaluator query) {
        this(query::matches);
    }

    AncestorMatch(Test test) {
        this.test = test;
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
        if (root == null && !unknown.isEmpty()) {
            root = e.root(); // one page per instance: the same root for every element asked about
        }
        while (!unknown.isEmpty()) {
            Element p = unknown.pop();
            state = state || test.matches(root, p);
            known.put(p, state);
        }
        return state;
    }
}
