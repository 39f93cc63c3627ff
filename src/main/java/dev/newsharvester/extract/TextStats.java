package dev.newsharvester.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text and link counts of every element of a subtree, computed in one iterative bottom-up pass
 * (so that deciding about every element is linear, not quadratic). Counts are of non-whitespace
 * characters. Kept exact through removals made with {@link #remove(Element)}; any other change
 * of the tree makes it stale.
 */
final class TextStats {

    /** Per element: chars, link chars × 10 (fragment links count 0.3, as in Readability), links. */
    private final Map<Element, int[]> stats = new IdentityHashMap<>();

    private TextStats() {
    }

    static TextStats of(Element root) {
        TextStats s = new TextStats();
        NodeTraversor.traverse(s.new Counter(), root);
        return s;
    }

    /** The traversal: a stack of the open elements' counts, folded into the parent on the way out. */
    private final class Counter implements NodeVisitor {
        private int[][] stack = new int[64][];
        private int depth;
        private int inLink;
        private int linkWeight = 10;

        @Override
        public void head(Node node, int d) {
            if (node instanceof Element e) {
                if (depth == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, depth * 2);
                }
                int[] c = new int[3];
                if (isLink(e)) {
                    c[2] = 1;
                    if (inLink++ == 0) {
                        linkWeight = e.attr("href").startsWith("#") ? 3 : 10;
                    }
                }
                stack[depth++] = c;
            } else if (node instanceof TextNode t && depth > 0) {
                int n = nonSpace(t.getWholeText());
                int[] top = stack[depth - 1];
                top[0] += n;
                if (inLink > 0) {
                    top[1] += n * linkWeight;
                }
            }
        }

        @Override
        public void tail(Node node, int d) {
            if (node instanceof Element e) {
                int[] c = stack[--depth];
                stack[depth] = null;
                stats.put(e, c);
                if (c[2] > 0 && isLink(e)) {
                    inLink--;
                }
                if (depth > 0) {
                    int[] p = stack[depth - 1];
                    p[0] += c[0];
                    p[1] += c[1];
                    p[2] += c[2];
                }
            }
        }
    }

    private static boolean isLink(Element e) {
        return e.nameIs("a") && e.hasAttr("href");
    }

    int chars(Element e) {
        int[] c = stats.get(e);
        return c == null ? 0 : c[0];
    }

    int links(Element e) {
        int[] c = stats.get(e);
        return c == null ? 0 : c[2];
    }

    /** Link characters over all characters, in [0, 1]. */
    double linkDensity(Element e) {
        int[] c = stats.get(e);
        return c == null || c[0] == 0 ? 0 : Math.min(1.0, c[1] / (10.0 * c[0]));
    }

    /** Removes the element from the tree and its counts from its ancestors'. */
    void remove(Element e) {
        exclude(e);
        e.remove();
    }

    /** Takes the element's counts out of its ancestors' as if it were removed, leaving the tree alone. */
    void exclude(Element e) {
        int[] c = stats.remove(e);
        if (c != null) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                int[] pc = stats.get(p);
                if (pc == null) {
                    break;
                }
                pc[0] -= c[0];
                pc[1] -= c[1];
                pc[2] -= c[2];
            }
        }
    }

    static int nonSpace(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Text.isSpace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
