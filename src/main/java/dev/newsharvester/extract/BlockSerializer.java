package dev.newsharvester.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Flattens a DOM subtree into paragraphs. Block elements (and {@code <br>}) end a paragraph;
 * inline markup is flattened without inserting spaces, so {@code <b>W</b>ord} stays one word,
 * while the whitespace that separates inline elements in the source is kept. Whitespace runs
 * within a paragraph collapse to one space. Iterative (jsoup's traversor), so deep trees are safe.
 */
final class BlockSerializer {

    static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "li", "dt", "dd", "blockquote", "pre",
            "table", "thead", "tbody", "tfoot", "tr", "caption", "hr", "br", "address", "figure", "figcaption",
            "center", "details", "summary", "form", "fieldset", "body", "html", "dialog", "menu", "hgroup");

    private BlockSerializer() {
    }

    static List<Block> serialize(Element root) {
        Visitor v = new Visitor();
        NodeTraversor.traverse(v, root);
        v.flush();
        return v.blocks;
    }

    private static final class Visitor implements NodeVisitor {
        final List<Block> blocks = new ArrayList<>();
        final StringBuilder buf = new StringBuilder();
        final Deque<Block.Kind> kinds = new ArrayDeque<>();
        boolean pendingSpace;
        int links; // depth of open <a href> elements
        int linkChars; // non-space characters of the current block inside links

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.getWholeText());
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("td") || tag.equals("th")) {
                    pendingSpace = true;
                } else if (tag.equals("a")) {
                    if (e.hasAttr("href")) {
                        links++;
                    }
                } else if (BLOCK_TAGS.contains(tag)) {
                    flush();
                    if (!tag.equals("br") && !tag.equals("hr")) {
                        kinds.push(kindOf(tag));
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("td") || tag.equals("th")) {
                    pendingSpace = true;
                } else if (tag.equals("a")) {
                    if (e.hasAttr("href")) {
                        links--;
                    }
                } else if (BLOCK_TAGS.contains(tag) && !tag.equals("br") && !tag.equals("hr")) {
                    flush();
                    if (!kinds.isEmpty()) {
                        kinds.pop();
                    }
                }
            }
        }

        private Block.Kind kindOf(String tag) {
            Block.Kind outer = kinds.isEmpty() ? Block.Kind.PARAGRAPH : kinds.peek();
            return switch (tag) {
                case "h2", "h3", "h4", "h5", "h6", "h1" -> Block.Kind.HEADING;
                case "li", "dt", "dd" -> Block.Kind.LIST_ITEM;
                case "blockquote" -> Block.Kind.QUOTE;
                default -> outer == Block.Kind.QUOTE || outer == Block.Kind.LIST_ITEM || outer == Block.Kind.HEADING
                        ? outer : Block.Kind.PARAGRAPH;
            };
        }

        private void append(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Text.isSpace(c)) {
                    pendingSpace = true;
                } else {
                    if (pendingSpace && !buf.isEmpty()) {
                        buf.append(' ');
                    }
                    pendingSpace = false;
                    buf.append(c);
                    if (links > 0) {
                        linkChars++;
                    }
                }
            }
        }

        void flush() {
            if (!buf.isEmpty()) {
                blocks.add(new Block(buf.toString(), kinds.isEmpty() ? Block.Kind.PARAGRAPH : kinds.peek(), linkChars));
                buf.setLength(0);
            }
            linkChars = 0;
            pendingSpace = false;
        }
    }
}
