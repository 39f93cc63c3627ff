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
        boolean glue; // after a drop cap: the next letters belong to its word
        final Deque<Integer> starts = new ArrayDeque<>(); // buffer length where each open inline element began
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
                } else if (e.attributesSize() > 0) {
                    starts.push(buf.length());
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
                } else if (e.attributesSize() > 0 && !starts.isEmpty()) {
                    int start = starts.pop();
                    if (buf.length() == start + 1 && Character.isLetter(buf.charAt(start)) && isDropCap(e)) {
                        glue = true; // <span class="dropcap">N</span> <span>a endlich!</span> reads "Na endlich!"
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
                    pendingSpace = !glue;
                } else {
                    glue = false;
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

        /** A drop cap: the first letter set apart by its class ({@code dropcap}, {@code initial-letter}, {@code lettrine}). */
        private static boolean isDropCap(Element e) {
            String c = e.className().toLowerCase(java.util.Locale.ROOT);
            return c.contains("drop") || c.contains("initial") || c.contains("lettrine") || c.contains("first-letter")
                    || c.contains("firstletter");
        }

        void flush() {
            glue = false;
            if (!buf.isEmpty()) {
                blocks.add(new Block(buf.toString(), kinds.isEmpty() ? Block.Kind.PARAGRAPH : kinds.peek(), linkChars));
                buf.setLength(0);
            }
            linkChars = 0;
            pendingSpace = false;
        }
    }
}
