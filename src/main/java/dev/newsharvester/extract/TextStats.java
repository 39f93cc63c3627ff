package dev.newsharvester.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text and link counts of every element of a subtree, computed in one iterative pass (so that
 * deciding about every element is linear, not quadratic). Counts are of non-whitespace
 * characters. A snapshot: stale after the tree is changed.
 */
final class TextStats {

    /** chars, link chars, links. Fragment links ({@code #...}) count 0.3 as Readability does. */
    private final Map<Element, double[]> stats = new IdentityHashMap<>();

    private TextStats() {
    }

    static TextStats of(Element root) {
        TextStats s = new TextStats();
        Deque<double[]> stack = new ArrayDeque<>();
        int[] inLink = {0};
        double[] linkWeight = {1.0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    double[] c = new double[3];
                    if (e.normalName().equals("a") && e.hasAttr("href")) {
                        c[2] = 1;
                        if (inLink[0]++ == 0) {
                            linkWeight[0] = e.attr("href").startsWith("#") ? 0.3 : 1.0;
                        }
                    }
                    stack.push(c);
                } else if (node instanceof TextNode t && !stack.isEmpty()) {
                    int n = nonSpace(t.getWholeText());
                    double[] top = stack.peek();
                    top[0] += n;
                    if (inLink[0] > 0) {
                        top[1] += n * linkWeight[0];
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    double[] c = stack.pop();
                    s.stats.put(e, c);
                    if (e.normalName().equals("a") && e.hasAttr("href")) {
                        inLink[0]--;
                    }
                    if (!stack.isEmpty()) {
                        double[] p = stack.peek();
                        p[0] += c[0];
                        p[1] += c[1];
                        p[2] += c[2];
                    }
                }
            }
        }, root);
        return s;
    }

    int chars(Element e) {
        double[] c = stats.get(e);
        return c == null ? 0 : (int) c[0];
    }

    int links(Element e) {
        double[] c = stats.get(e);
        return c == null ? 0 : (int) c[2];
    }

    double linkDensity(Element e) {
        double[] c = stats.get(e);
        return c == null || c[0] == 0 ? 0 : Math.min(1.0, c[1] / c[0]);
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
