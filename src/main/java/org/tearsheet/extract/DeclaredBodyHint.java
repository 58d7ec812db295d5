package org.tearsheet.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Uses a page's JSON-LD {@code articleBody} as a second opinion on the selected content: when the blocks that
 * repeat the declared body lie mostly outside the selection, the smallest element holding them wins instead.
 * The declared text itself is never output (it may be truncated, stale or flattened); only the page's own
 * blocks are, so paywall-truncated pages stay truthful.
 */
final class DeclaredBodyHint {

    private static final int MIN_DECLARED_CHARS = 200;
    private static final int MIN_BLOCK_CHARS = 40;
    private static final int WINDOW = 32;

    private DeclaredBodyHint() {
    }

    static List<Integer> reconcile(ContentModel model, List<Integer> selected, String articleBody) {
        if (articleBody == null || articleBody.length() < MIN_DECLARED_CHARS) {
            return selected;
        }
        String bodyKey = TextAssembler.key(articleBody);
        int n = model.blocks.size();
        int[] declaredPrefix = new int[n + 1];
        for (int i = 0; i < n; i++) {
            TextBlock b = model.blocks.get(i);
            int chars = 0;
            if (b.chars >= MIN_BLOCK_CHARS && !b.container.chrome) {
                String k = b.key();
                if (k.length() >= WINDOW) {
                    int mid = (k.length() - WINDOW) / 2;
                    if (bodyKey.contains(k.substring(mid, mid + WINDOW))) {
                        chars = b.chars;
                    }
                }
            }
            declaredPrefix[i + 1] = declaredPrefix[i] + chars;
        }
        int declared = declaredPrefix[n];
        if (declared < 0.3 * bodyKey.length()) {
            return selected; // the page does not show the declared body (or words it differently)
        }
        int inSelection = 0;
        for (int i : selected) {
            inSelection += declaredPrefix[i + 1] - declaredPrefix[i];
        }
        ContentNode best = null;
        for (ContentNode node : model.nodes) {
            int inNode = declaredPrefix[node.endBlock] - declaredPrefix[node.firstBlock];
            if (inNode >= 0.9 * declared && !node.chrome && (best == null || node.depth > best.depth)) {
                best = node;
            }
        }
        if (best == null) {
            return selected;
        }
        // Only a selection that misses the declared body is replaced. Trimming a selection that holds it plus
        // more would be wrong whenever the declared body is truncated (publishers often declare a lede only).
        if (inSelection >= 0.8 * declared) {
            return selected;
        }
        List<Integer> out = new ArrayList<>(best.endBlock - best.firstBlock);
        for (int i = best.firstBlock; i < best.endBlock; i++) {
            out.add(i);
        }
        return out;
    }
}
