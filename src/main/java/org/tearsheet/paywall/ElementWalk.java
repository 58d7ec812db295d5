package org.tearsheet.paywall;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;

/**
 * An element and all its descendant elements in document order, exactly as {@link Element#getAllElements()}
 * lists them. jsoup collects those through a stream with a node iterator and an evaluator per node; the detector
 * walks whole pages several times, and a plain walk over the child nodes costs a fraction of that.
 */
final class ElementWalk {

    private ElementWalk() {
    }

    /** {@code root.getAllElements()}, in the same (pre-)order. */
    static List<Element> all(Element root) {
        List<Element> out = new ArrayList<>();
        // iterative, not recursive: documents nest deeper than the stack allows
        ArrayDeque<Element> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Element e = pending.pop();
            out.add(e);
            // child nodes by index, not children(): that builds and caches an element list per parent
            for (int i = e.childNodeSize() - 1; i >= 0; i--) { // pushed last first: popped in document order
                Node n = e.childNode(i);
                if (n instanceof Element child) {
                    pending.push(child);
                }
            }
        }
        return out;
    }

    /**
     * {@code sub.getAllElements()} cut from {@code all}, the walk of an ancestor of {@code sub} (or of
     * {@code sub} itself): in document order a subtree is one contiguous run, from {@code sub} to the first
     * element that follows it outside it.
     */
    static List<Element> within(List<Element> all, Element sub) {
        int start = indexOf(all, sub, 0);
        if (start < 0) {
            return all(sub);
        }
        Element after = null;
        for (Element p = sub; p != null && after == null; p = p.parent()) {
            after = p.nextElementSibling();
        }
        int end = after == null ? all.size() : indexOf(all, after, start + 1);
        return all.subList(start, end < 0 ? all.size() : end);
    }

    /**
     * {@code root.select(query)} over {@code all}, the walk of {@code root}: the same elements in the same order,
     * without another walk of the page. Only for evaluators without memos or node matching (tags, attributes and
     * their plain combinations), which answer each element alone, as jsoup's collector asks them.
     */
    static List<Element> select(List<Element> all, Element root, Evaluator query) {
        List<Element> out = new ArrayList<>();
        for (Element e : all) {
            if (query.matches(root, e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@code root.selectFirst(query)} over {@code all}, the walk of {@code root}; see {@link #select}. */
    static Element selectFirst(List<Element> all, Element root, Evaluator query) {
        for (Element e : all) {
            if (query.matches(root, e)) {
                return e;
            }
        }
        return null;
    }

    private static int indexOf(List<Element> list, Element e, int from) {
        for (int i = from; i < list.size(); i++) {
            if (list.get(i) == e) {
                return i;
            }
        }
        return -1;
    }
}
