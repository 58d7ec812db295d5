package org.tearsheet.extract;

import org.jsoup.nodes.Element;

/**
 * Walks the elements of a subtree in document order (pre-order) without a visitor and without stopping at text
 * nodes, which are about half the nodes of a page and of no interest to element searches. Iterative, so deep
 * nesting is safe.
 */
final class ElementOrder {

    private ElementOrder() {
    }

    /** The element after {@code e} in document order within {@code root}'s subtree, or {@code null} at its end. */
    static Element next(Element e, Element root) {
        Element next = e.firstElementChild();
        while (next == null) {
            if (e == root) {
                return null;
            }
            next = e.nextElementSibling();
            e = e.parent();
        }
        return next;
    }

    /** The first element named {@code tag} (normal name) in document order, {@code root} included; else null. */
    static Element first(Element root, String tag) {
        for (Element e = root; e != null; e = next(e, root)) {
            if (e.nameIs(tag)) {
                return e;
            }
        }
        return null;
    }
}
